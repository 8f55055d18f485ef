/** Place rules for the entity pass: abbreviations, multi-word names, kinds, the city gazetteer. */
import type { Token } from './01-tokens.ts';
import { lemmas, parsesOf } from './02-morphology.ts';
import { placeAt } from './03-places.ts';
import {
  CELESTIAL,
  MULTIWORD_PLACES,
  PLACE_ABBREVIATIONS,
  PLACE_KINDS,
} from './06-entities-lexicon-places.ts';
import { adjParses, isCapWord, lemmaOf, nominativePhrase, nounIn, type Rule } from './06-entities-words.ts';

// Each multi-word name as lemma sets per word, built on first use (az must be loaded by then).
let phrases: Set<string>[][] | undefined;
function multiwordPhrases(): Set<string>[][] {
  phrases ??= [...MULTIWORD_PLACES].map((entry) =>
    entry.split('|').map((w) => {
      const t = { text: w, lower: w, kind: 'word', cap: false, upper: false, latin: false } as Token;
      return new Set([w, ...lemmas(t)]);
    }),
  );
  return phrases;
}

// The head noun of a place phrase over [i, last): the last token with a noun parse.
const headOf = (tokens: Token[], i: number, last: number) => {
  for (let k = last - 1; k > i; k--)
    if (parsesOf(tokens[k] as Token).some((p) => p.tag.POS === 'NOUN')) return k;
  return last - 1;
};

/** Place rules that outrank persons and organizations. */
export const STRONG_PLACE_RULES: Rule[] = [
  // Делегация из США и КНДР прибыла в РФ.
  {
    id: 'loc.abbr',
    type: 'LOC',
    at: (tokens, i) => {
      const n = PLACE_ABBREVIATIONS.get(tokens[i]?.text ?? '');
      return n ? { first: i, last: i + 1, normal: n } : undefined;
    },
  },
  // Посол Новой Зеландии посетил Соединённые Штаты и Объединённые Арабские Эмираты.
  {
    id: 'loc.multiword',
    type: 'LOC',
    at(tokens, i) {
      if (!isCapWord(tokens[i])) return undefined;
      for (const words of multiwordPhrases()) {
        const ok = words.every((set, j) => {
          const t = tokens[i + j];
          return !!t && t.kind === 'word' && (set.has(t.lower) || lemmas(t).some((l) => set.has(l)));
        });
        if (ok) {
          const last = i + words.length;
          return { first: i, last, normal: nominativePhrase(tokens, i, headOf(tokens, i, last), last) };
        }
      }
      return undefined;
    },
  },
  // Гости из Свердловской области прошли по Манежной площади к Северной Африке на карте.
  {
    id: 'loc.adj-kind',
    type: 'LOC',
    at(tokens, i) {
      if (!isCapWord(tokens[i])) return undefined;
      let k = i;
      while (k < i + 3 && adjParses(tokens[k]).length) k++;
      const kind = tokens[k];
      if (k === i || !kind || kind.sent !== tokens[i]?.sent) return undefined;
      const noun = nounIn(kind, PLACE_KINDS) ?? parsesOf(kind).find((p) => p.tag.Geox === true && kind.cap);
      if (!noun || !adjParses(tokens[i]).some((p) => p.tag.CAse === noun.tag.CAse)) return undefined;
      return { first: i, last: k + 1, normal: nominativePhrase(tokens, i, k, k + 1, noun) };
    },
  },
  // Экипаж вернулся с Луны на Землю.
  {
    id: 'loc.celestial',
    type: 'LOC',
    at(tokens, i) {
      const t = tokens[i];
      const p = isCapWord(t) ? nounIn(t, CELESTIAL) : undefined;
      const n = p ? lemmaOf(p) : '';
      return n ? { first: i, last: i + 1, normal: n.charAt(0).toUpperCase() + n.slice(1) } : undefined;
    },
  },
];

/** Place rules tried after persons: the city gazetteer and az's Geox words (pass 3). */
export const WEAK_PLACE_RULES: Rule[] = [
  // Делегация из Барановичей прибыла в Кузнецк.
  {
    id: 'loc.place',
    type: 'LOC',
    at(tokens, i, ctx) {
      const p = placeAt(tokens, i, ctx.cities);
      return p ? { first: p.first, last: p.last, normal: p.name } : undefined;
    },
  },
];
