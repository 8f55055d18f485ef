/** Towns the place pass left out, read from a case form when the words around say a town is named. */
import type { Token } from './01-tokens.ts';
import { COUNTRIES } from './03-countries.ts';
import type { Doc } from './07-document.ts';

// Case endings of a town's name and what the nominative may end in: «Малгобека» → Малгобек.
const ENDINGS: [RegExp, string][] = [
  [/а$/, ''],
  [/я$/, 'ь'],
  [/и$/, 'ь'],
  [/и$/, 'я'],
  [/ы$/, 'а'],
  [/ого$/, 'ий'],
  [/ого$/, 'ое'],
  [/ого$/, 'ой'],
  [/ой$/, 'ая'],
  [/ом$/, ''],
  [/е$/, ''],
];

function forms(word: string): string[] {
  const out = [word];
  for (const [ending, nominative] of ENDINGS)
    if (ending.test(word)) out.push(word.replace(ending, nominative));
  return out;
}

/** Nominative forms a word may stand for; a hyphenated name («Железногорска-Илимского») part by part. */
function nominatives(word: string): string[] {
  const parts = word.split('-');
  if (parts.length !== 2) return forms(word);
  const out: string[] = [];
  for (const a of forms(parts[0] as string)) for (const b of forms(parts[1] as string)) out.push(`${a}-${b}`);
  return out;
}

/**
 * The gazetteer's name of the town a capitalized word names, or undefined; `minPopulation` guards a
 * guess from a case form where the context alone does not say that a town is named.
 */
export function guessTown(doc: Doc, t: Token | undefined, minPopulation: number): string | undefined {
  if (!t || t.kind !== 'word' || !t.cap || t.upper) return undefined;
  const exact = doc.cities.lookup(t.text);
  if (exact && !COUNTRIES.has(exact.name)) return exact.name;
  for (const name of nominatives(t.text).slice(1)) {
    const hit = doc.cities.lookup(name);
    if (hit && hit.population >= minPopulation && !COUNTRIES.has(hit.name)) return hit.name;
  }
  return undefined;
}
