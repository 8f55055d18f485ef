/** The cities of a visit sentence: where the delegation came from and where it went. */
import type { Sentence, Token } from './01-tokens.ts';
import { lemmas } from './02-morphology.ts';
import type { Doc } from './07-document.ts';

/** A side of a visit: a city by name, or the home city («наш город»). */
export type Side = { city: string; rule: string } | { home: true; rule: string };

const CITY_WORDS = new Set([
  'город',
  'города',
  'городе',
  'г',
  '.',
  'город-побратим',
  'города-побратима',
  'городе-побратиме',
  'гор',
]);

function placeAfter(doc: Doc, k: number): { name: string; at: number } | undefined {
  for (let j = k; j < k + 4 && j < doc.tokens.length; j++) {
    const place = doc.placeAt.get(j);
    if (place?.city) return { name: place.name, at: j };
    if (!CITY_WORDS.has((doc.tokens[j] as Token).lower)) return undefined;
  }
  return undefined;
}

const our = (doc: Doc, k: number) =>
  /^наш/.test(doc.tokens[k]?.lower ?? '') && /^город/.test(doc.tokens[k + 1]?.lower ?? '');

/** From and to of one sentence, by the first rule that names each. */
export function visitCities(doc: Doc, s: Sentence): { from: Side | undefined; to: Side | undefined } {
  const { tokens } = doc;
  let from: Side | undefined;
  let to: Side | undefined;
  for (let k = s.first; k < s.last; k++) {
    const t = tokens[k] as Token;
    if (t.lower === 'из' || t.lower === 'от') {
      // Делегация из города Барановичи; гости из нашего города.
      const p = placeAfter(doc, k + 1);
      if (p) from ??= { city: p.name, rule: 'from.iz' };
      else if (our(doc, k + 1)) from ??= { home: true, rule: 'from.our' };
    } else if (t.lower === 'в' || t.lower === 'во') {
      // Совершила визит в город-побратим Кузнецк; в Барановичах находилась делегация.
      const p = placeAfter(doc, k + 1);
      if (p) to ??= { city: p.name, rule: 'to.v' };
      else if (our(doc, k + 1)) to ??= { home: true, rule: 'to.our' };
    } else if (t.lower === 'к' && tokens[k + 1]?.lower === 'нам') {
      // Гости из Кузнецка приехали к нам.
      to ??= { home: true, rule: 'to.our' };
    } else if (lemmas(t).some((l) => l === 'делегация' || l === 'представитель')) {
      // Делегация Кузнецка; кузнецкая делегация; делегация нашего города.
      // «делегация Барановичского района»: the adjective after the noun names the district's town.
      const adj = doc.cityAdjAt.get(k - 1) ?? doc.cityAdjAt.get(k + 1);
      const p = placeAfter(doc, k + 1);
      if (adj) from ??= { city: adj.name, rule: 'from.delegation-adj' };
      else if (p) from ??= { city: p.name, rule: 'from.delegation-gen' };
      else if (our(doc, k + 1)) from ??= { home: true, rule: 'from.our' };
    } else if (/^посет/.test(t.lower)) {
      // Делегация посетила Кузнецк.
      const p = placeAfter(doc, k + 1);
      if (p) to ??= { city: p.name, rule: 'to.posetit' };
    }
  }
  // «приняла участие в праздновании Дня города Пензы»: the other city named is where they went.
  if (from && !to) {
    for (let k = s.first; k < s.last; k++) {
      const place = doc.placeAt.get(k);
      if (place?.city && 'city' in from && place.name !== from.city) {
        to = { city: place.name, rule: 'to.mentioned' };
        break;
      }
    }
  }
  return { from, to };
}
