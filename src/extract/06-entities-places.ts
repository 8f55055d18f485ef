/** Place mentions for the entity pass: the city gazetteer and az's Geox words. */
import { placeAt } from './03-places.ts';
import type { EntityInput, Mention } from './06-entities.ts';

/** Places by the pass-3 recognizer, each as a LOC mention with its nominative name. */
export function findPlaces(input: EntityInput, taken: Uint8Array): Mention[] {
  const { tokens, cities } = input;
  const out: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i]) continue;
    const p = placeAt(tokens, i, cities);
    if (!p) continue;
    out.push({ first: p.first, last: p.last, type: 'LOC', normal: p.name, rule: 'loc.place' });
    i = p.last - 1;
  }
  return out;
}
