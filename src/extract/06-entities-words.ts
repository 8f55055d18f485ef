/** Token predicates and nominative phrase building shared by the entity finders. */
import type { Token } from './01-tokens.ts';
import { parsesOf, type AzParse } from './02-morphology.ts';

/** A capitalized word of two or more letters (not an abbreviation in capitals). */
export const isCapWord = (t: Token | undefined): t is Token =>
  !!t && t.kind === 'word' && t.cap && !t.upper && t.text.length > 1;

/** First token of its sentence, or first after an opening quote or dash there. */
export function sentenceInitial(tokens: Token[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && /^[«"„“(—–-]$/.test((tokens[k] as Token).text)) k--;
  const prev = tokens[k];
  return (
    !prev || prev.sent !== (tokens[i] as Token).sent || /^[.!?…:]$/.test(prev.text) || !!tokens[i]?.nlBefore
  );
}

/** A dictionary reading as an ordinary word (not a name, place or organization). */
export function isCommonWord(t: Token): boolean {
  return parsesOf(t).some(
    (p) =>
      p.parser === 'Dictionary' &&
      p.score >= 0.2 &&
      !p.tag.Name &&
      !p.tag.Surn &&
      !p.tag.Patr &&
      !p.tag.Geox &&
      !p.tag.Orgn,
  );
}

/** True when az knows the word only by guessing (a foreign or rare name). */
export const isUnknownWord = (t: Token): boolean => !parsesOf(t).some((p) => p.parser === 'Dictionary');

/** The lemma of a parse, lower case with ё as е; az's hyphenated parses normalize without `word`. */
export function lemmaOf(p: AzParse): string {
  let n: AzParse | false;
  try {
    n = p.normalize();
  } catch {
    return '';
  }
  if (!n) return '';
  return (typeof n.word === 'string' ? n.word : n.toString()).toLowerCase().replace(/ё/g, 'е');
}

const nounCache = new Map<string, [string, AzParse][]>();

// Noun parses with their lemmas, cached by word form: orgs and places ask at every token.
function nounLemmas(t: Token): [string, AzParse][] {
  let hit = nounCache.get(t.text);
  if (!hit) {
    hit = parsesOf(t)
      // Guessed parses of unknown words borrow lemmas from their endings («Джаред» → «редакция»).
      .filter((p) => p.tag.POS === 'NOUN' && p.parser === 'Dictionary')
      .map((p): [string, AzParse] => [lemmaOf(p), p]);
    if (nounCache.size > 100_000) nounCache.clear();
    nounCache.set(t.text, hit);
  }
  return hit;
}

const prefixCache = new WeakMap<ReadonlySet<string>, Set<string>>();

/**
 * A cheap test before the lemmas: a word and its lemma share their first two letters (ё read as е),
 * so words that share them with no entry need no normalizing, which is the costly part of az.
 */
export function mayHaveLemmaIn(t: Pick<Token, 'lower'>, set: ReadonlySet<string>): boolean {
  let prefixes = prefixCache.get(set);
  if (!prefixes) {
    prefixes = new Set([...set].map((w) => w.replace(/ё/g, 'е').slice(0, 2)));
    prefixCache.set(set, prefixes);
  }
  return prefixes.has(t.lower.slice(0, 2));
}

/** The first noun parse whose lemma is in the set. */
export function nounIn(t: Token | undefined, set: ReadonlySet<string>): AzParse | undefined {
  if (!t || t.kind !== 'word' || !mayHaveLemmaIn(t, set)) return undefined;
  for (const [lemma, p] of nounLemmas(t)) if (set.has(lemma)) return p;
  return set.has(t.lower) ? parsesOf(t)[0] : undefined;
}

/** A noun parse of token k with its lemma in the set that tokens [i, k) agree with as adjectives. */
export function agreeingNoun(
  tokens: Token[],
  i: number,
  k: number,
  set: ReadonlySet<string>,
): AzParse | undefined {
  const t = tokens[k];
  if (!t || t.kind !== 'word' || !mayHaveLemmaIn(t, set)) return undefined;
  for (const [lemma, p] of nounLemmas(t)) {
    if (!set.has(lemma)) continue;
    let ok = true;
    for (let j = i; j < k && ok; j++)
      ok = tokens[j]?.lower === 'и' || adjParses(tokens[j]).some((a) => a.tag.CAse === p.tag.CAse);
    if (ok) return p;
  }
  return undefined;
}

/** Adjective parses (full adjectives and participles). */
export const adjParses = (t: Token | undefined): AzParse[] =>
  t && t.kind === 'word' ? parsesOf(t).filter((p) => p.tag.POS === 'ADJF' || p.tag.POS === 'PRTF') : [];

/** Text of tokens [first, last) as written, spaces between tokens where the text had them. */
export function spanText(tokens: Token[], first: number, last: number, forms?: string[]): string {
  let out = '';
  for (let k = first; k < last; k++) {
    const t = tokens[k] as Token;
    if (k > first && t.start > (tokens[k - 1] as Token).end) out += ' ';
    out += forms?.[k - first] ?? t.text;
  }
  return out;
}

/** Lower-case stem for matching repeated mentions in different cases («Лужкова» ~ «Лужков»). */
export function nameStem(word: string): string {
  const w = word.toLowerCase().replace(/ё/g, 'е');
  const s = w.replace(
    /(ого|его|ому|ему|ыми|ими|ами|ями|ой|ей|ом|ем|ым|им|ам|ах|ях|ую|юю|ая|яя|ий|ый|а|у|е|ы|ю|и|я|ь)$/,
    '',
  );
  return s.length >= 3 ? s : w;
}

/** What a rule sees besides the tokens: the input and where the last organization ended. */
export interface RuleContext {
  cities: import('./03-places.ts').CityLookup;
  taken: Uint8Array;
  lastOrgEnd: number;
}

/** A rule's match over tokens [first, last) with its nominative form. */
export interface RuleMatch {
  first: number;
  last: number;
  normal: string;
}

/** One entity rule: an id recorded on what it finds, the type it gives, and a matcher at token i. */
export interface Rule {
  id: string;
  type: 'PER' | 'LOC' | 'ORG';
  at(tokens: Token[], i: number, ctx: RuleContext): RuleMatch | undefined;
}
