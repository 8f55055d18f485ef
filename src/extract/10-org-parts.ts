/** The parts that follow an organization's head: its city, its namesake, its quoted name. */
import type { Token } from './01-tokens.ts';
import { inflectTo, parsesOf, parsesOfWord, type AzParse } from './02-morphology.ts';
import type { Doc } from './07-document.ts';

const CITY_WORDS = new Set(['г', 'города', 'гор', 'города-побратима']);

/** «г. Барановичи», «города Кузнецка», «нашего города» starting at token k. */
export function cityTail(doc: Doc, k: number): { city: string | undefined; end: number } | undefined {
  const { tokens } = doc;
  const t = tokens[k];
  if (!t) return undefined;
  if (t.lower === 'нашего' && tokens[k + 1]?.lower === 'города') return { city: doc.homeCity, end: k + 2 };
  if (!CITY_WORDS.has(t.lower)) return undefined;
  const at = tokens[k + 1]?.text === '.' ? k + 2 : k + 1;
  const place = doc.placeAt.get(at);
  return place?.city ? { city: place.name, end: place.last } : undefined;
}

/** The end of «им. Ю. А. Гагарина» / «имени Грицевца» starting at token k. */
export function namesakeEnd(doc: Doc, k: number): number | undefined {
  const { tokens } = doc;
  const t = tokens[k];
  if (!t || (t.lower !== 'им' && t.lower !== 'имени')) return undefined;
  const at = tokens[k + 1]?.text === '.' ? k + 2 : k + 1;
  const person = doc.personAt.get(at);
  if (person && person.first === at) return person.last;
  const next = tokens[at];
  return next && next.kind === 'word' && next.cap ? at + 1 : undefined;
}

/** The end of a quoted name «…» starting at token k (at most 12 tokens inside, on one line). */
export function quotedEnd(doc: Doc, k: number): number | undefined {
  const { tokens } = doc;
  const open = tokens[k];
  if (!open || !/^[«"„“]$/.test(open.text)) return undefined;
  for (let j = k + 1; j < tokens.length && j - k <= 13; j++) {
    const t = tokens[j] as Token;
    // «Иннопром. Беларусь»: a full stop inside quotes may split the sentence, a line break may not.
    if (t.nlBefore) return undefined;
    if (/^[»"“”]$/.test(t.text)) return j > k + 1 ? j + 1 : undefined;
  }
  return undefined;
}

/** An adjective in the nominative singular of the head's gender; hyphenated words by their last part. */
export function nominativeAdjective(
  t: Token,
  p: AzParse,
  gender: string | undefined,
  lower: boolean,
): string {
  const grams: Record<string, string> = { CAse: 'nomn', NMbr: 'sing' };
  if (gender) grams.GNdr = gender;
  let out = inflectTo(t, p, grams);
  const dash = t.text.lastIndexOf('-');
  if (out === t.text && p.tag.CAse !== 'nomn' && dash > 0) {
    const last = t.text.slice(dash + 1);
    const q = parsesOfWord(last).find((x) => x.tag.POS === 'ADJF' && x.tag.CAse === p.tag.CAse);
    const lastTok = { ...t, text: last, lower: last.toLowerCase(), cap: false } as Token;
    out = t.text.slice(0, dash + 1) + inflectTo(lastTok, q, grams);
  }
  return lower ? out.toLowerCase() : out;
}

const FUNCTION_WORD = new Set(['CONJ', 'PREP', 'PRCL', 'INTJ', 'NPRO']);

/** «дворец культуры», «школа искусств», «Совет депутатов»: a genitive noun, or adjectives leading to one. */
export function genitiveTailWord(doc: Doc, k: number): boolean {
  for (let j = k; j < k + 4; j++) {
    const t = doc.tokens[j];
    if (!t || t.kind !== 'word' || t.sent !== doc.tokens[k]?.sent) return false;
    const ps = parsesOf(t);
    if (ps.some((p) => FUNCTION_WORD.has(p.tag.POS ?? '')) || t.lower.length < 3) return false;
    if (ps.some((p) => p.tag.POS === 'NOUN' && p.tag.CAse === 'gent')) return true;
    if (!ps.some((p) => p.tag.POS === 'ADJF' && p.tag.CAse === 'gent')) return false;
  }
  return false;
}
