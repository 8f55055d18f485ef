/** Matching of multi-word names from a word list in any case: «Новой Зеландии» ~ «новая|зеландия». */
import type { Token } from './01-tokens.ts';
import { parsesOf } from './02-morphology.ts';
import { lemmaOf, mayHaveLemmaIn } from './06-entities-words.ts';

const lemmaCache = new Map<string, string[]>();

/** The lower-case form and every lemma of a word, cached by form. */
export function formsOf(t: Pick<Token, 'text' | 'lower' | 'kind'>): string[] {
  let hit = lemmaCache.get(t.text);
  if (!hit) {
    const set = new Set([t.lower]);
    for (const p of parsesOf(t as Token)) set.add(lemmaOf(p));
    set.delete('');
    hit = [...set];
    if (lemmaCache.size > 100_000) lemmaCache.clear();
    lemmaCache.set(t.text, hit);
  }
  return hit;
}

/** The listed phrase that starts at a token: where it ends and the entry it matched. */
export type PhraseMatcher = (tokens: Token[], i: number) => { last: number; entry: string } | undefined;

interface Entry {
  entry: string;
  sets: Set<string>[];
}

/** Builds a matcher over the entries (words joined by «|»), indexed by the lemmas of their first word. */
export function phraseMatcher(entries: Iterable<string>): PhraseMatcher {
  let index: Map<string, Entry[]> | undefined;
  let firstWords: Set<string> | undefined;
  const build = () => {
    const map = new Map<string, Entry[]>();
    for (const entry of entries) {
      const sets = entry.split('|').map((w) => {
        const tok = { text: w, lower: w, kind: 'word', cap: false, upper: false, latin: false };
        return new Set(formsOf(tok as Token));
      });
      for (const key of sets[0] ?? []) map.set(key, [...(map.get(key) ?? []), { entry, sets }]);
    }
    return map;
  };
  return (tokens, i) => {
    const t = tokens[i];
    if (!t || t.kind !== 'word') return undefined;
    index ??= build();
    firstWords ??= new Set(index.keys());
    if (!mayHaveLemmaIn(t, firstWords)) return undefined;
    let best: { last: number; entry: string } | undefined;
    for (const key of formsOf(t)) {
      for (const { entry, sets } of index.get(key) ?? []) {
        const ok = sets.every((set, j) => {
          const w = tokens[i + j];
          return !!w && w.kind === 'word' && w.sent === t.sent && formsOf(w).some((f) => set.has(f));
        });
        if (ok && (!best || i + sets.length > best.last)) best = { last: i + sets.length, entry };
      }
    }
    return best;
  };
}
