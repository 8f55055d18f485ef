/** Pass 2: morphology from `az` (OpenCorpora), loaded once, parses cached by word form. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Az, { type AzParse } from 'az';
import type { Token } from './01-tokens.ts';

export type { AzParse };

let loading: Promise<void> | undefined;

/** Loads the az dictionaries once per process. */
export function loadMorphology(): Promise<void> {
  loading ??= new Promise<void>((resolve, reject) => {
    const require = createRequire(import.meta.url);
    const dicts = join(dirname(require.resolve('az/package.json')), 'dicts');
    Az.Morph.init(dicts, (err?: unknown) =>
      err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(),
    );
  });
  return loading;
}

const cache = new Map<string, AzParse[]>();
const NONE: AzParse[] = [];

function formKey(t: Token): string {
  if (t.upper && t.text.length <= 6) return t.text;
  return t.cap ? t.lower.charAt(0).toUpperCase() + t.lower.slice(1) : t.lower;
}

/** All parses of a word, best first; none for numbers and punctuation. */
export function parsesOf(t: Token): AzParse[] {
  if (t.kind !== 'word' || t.latin) return NONE;
  const key = formKey(t);
  let hit = cache.get(key);
  if (!hit) {
    try {
      hit = Az.Morph(key);
    } catch {
      hit = NONE;
    }
    // Words repeat; an unbounded cache would grow with every archive read.
    if (cache.size > 200_000) cache.clear();
    cache.set(key, hit);
  }
  return hit;
}

/** Parses of the word alone, for lemma look-ups. */
export function parsesOfWord(word: string): AzParse[] {
  const lower = word.toLowerCase();
  return parsesOf({
    text: word,
    lower,
    cap: word !== lower,
    upper: false,
    latin: /[A-Za-z]/.test(word),
    kind: 'word',
  } as Token);
}

export const has = (p: AzParse, gram: string): boolean =>
  p.tag[gram] === true || p.tag[gram] === gram || p.tag.POS === gram;

/** The first parse that satisfies the predicate. */
export function findParse(t: Token, pred: (p: AzParse) => boolean): AzParse | undefined {
  return parsesOf(t).find(pred);
}

export const isNoun = (p: AzParse): boolean => p.tag.POS === 'NOUN';
export const isAdj = (p: AzParse): boolean => p.tag.POS === 'ADJF' || p.tag.POS === 'PRTF';

const lemmaCache = new WeakMap<AzParse[], string[]>();

/** Lemmas of every parse of the token (lower case, ё as е). */
export function lemmas(t: Token): string[] {
  const parses = parsesOf(t);
  // normalize() is costly and words repeat: the lemmas follow the cached parse list.
  const known = lemmaCache.get(parses);
  if (known) return known;
  const out: string[] = [];
  for (const p of parses) {
    const n = p.normalize();
    // Az's hyphenated-word parses («шри-ланка») normalize to a parse without `word`.
    const w = n ? (typeof n.word === 'string' ? n.word : n.toString()).replace(/ё/g, 'е') : '';
    if (w && !out.includes(w)) out.push(w);
  }
  lemmaCache.set(parses, out);
  return out;
}

/** True when one of the token's lemmas is in the set. */
export function lemmaIn(t: Token, set: ReadonlySet<string>): boolean {
  if (set.has(t.lower)) return true;
  return lemmas(t).some((l) => set.has(l));
}

/** Copies the capitalization of the original word onto the inflected form. */
export function restoreCase(original: string, form: string): string {
  let out = original.includes('ё') || original.includes('Ё') ? form : form.replace(/ё/g, 'е');
  if (original.length > 1 && original === original.toUpperCase() && original !== original.toLowerCase())
    return out.toUpperCase();
  if (/^\p{Lu}/u.test(original)) out = out.charAt(0).toUpperCase() + out.slice(1);
  // Keep capitals after hyphens: «Нью-Йорка» → «Нью-Йорк».
  return out.replace(/-(\p{Ll})/gu, (m, c: string, at: number) =>
    /\p{Lu}/u.test(original.charAt(at + 1)) ? '-' + c.toUpperCase() : m,
  );
}

/** Inflects a parse to the grammemes given; the original text when az cannot. */
export function inflectTo(t: Token, p: AzParse | undefined, grams: Record<string, string>): string {
  if (!p) return t.text;
  let r: AzParse | false = false;
  try {
    r = p.inflect(grams);
  } catch {
    r = false;
  }
  return r ? restoreCase(t.text, r.toString()) : t.text;
}
