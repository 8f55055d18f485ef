/** Place rules for the entity pass: abbreviations, multi-word names, kinds, the city gazetteer. */
import { inflectTo, parsesOf } from './02-morphology.ts';
import { phraseMatcher } from './06-entities-phrases.ts';
import { placeAt } from './03-places.ts';
import {
  CELESTIAL,
  MULTIWORD_PLACES,
  PLACE_ABBREVIATIONS,
  PLACE_KINDS,
} from './06-entities-lexicon-places.ts';
import { placeNormal } from './06-entities-normal.ts';
import { isVehicle } from './06-entities-person-parts.ts';
import {
  sentenceInitial,
  adjParses,
  agreeingNoun,
  isCapWord,
  isUnknownWord,
  lemmaOf,
  nounIn,
  type Rule,
} from './06-entities-words.ts';
import { nominativePhrase, phraseHead } from './06-entities-normal.ts';

// Kinds after which the capitalized word is the place's own name: «река Славянка», «село Заозерье».
const NAMED_KINDS = new Set(
  'сектор река озеро остров гора залив пролив полуостров город село деревня поселок хутор станица аул кишлак улица проспект переулок бульвар площадь шоссе набережная'.split(
    ' ',
  ),
);
const multiword = phraseMatcher(MULTIWORD_PLACES);
// The entries are nominative: each word capitalized but the small ones («Берег Слоновой Кости»).
const canonical = (entry: string) =>
  entry
    .split('|')
    .map((w) =>
      w.length < 3 ? w : w.replace(/(^|-)(\p{Ll})/gu, (_m, d: string, c: string) => d + c.toUpperCase()),
    )
    .join(' ');

// Sides of the world before a region: «в западной Европе», «на южном Урале».
const SIDES = new Set(['северный', 'южный', 'западный', 'восточный', 'центральный'].flatMap(sideForms));
function sideForms(adj: string): string[] {
  const stem = adj.slice(0, -2);
  return ['ый', 'ая', 'ое', 'ые', 'ого', 'ой', 'ому', 'ую', 'ом', 'ых', 'ым'].map((e) => stem + e);
}

/** Place rules that outrank persons and organizations. */
export const STRONG_PLACE_RULES: Rule[] = [
  // Делегация из США и КНДР прибыла в РФ.
  {
    id: 'loc.abbr',
    type: 'LOC',
    at: (tokens, i) => {
      const [dot, t] = [tokens[i - 1], tokens[i]];
      const n = PLACE_ABBREVIATIONS.get(t?.text ?? '');
      // «в зоне .РФ» is a domain, not the country.
      if (!n || (dot?.text === '.' && dot.end === t?.start)) return undefined;
      return { first: i, last: i + 1, normal: n };
    },
  },
  // Посол Новой Зеландии посетил Соединённые Штаты и Объединённые Арабские Эмираты.
  {
    id: 'loc.multiword',
    type: 'LOC',
    at(tokens, i) {
      if (!isCapWord(tokens[i])) return undefined;
      const m = multiword(tokens, i);
      if (!m) return undefined;
      // Several words take the list's nominative («Эль Сальвадоре» → «Эль Сальвадор»); one word is inflected.
      const one = () => nominativePhrase(tokens, i, phraseHead(tokens, i, m.last), m.last);
      const normal = m.last - i > 1 ? canonical(m.entry) : one();
      return { first: i, last: m.last, normal };
    },
  },
  // Гости из Свердловской области прошли по Манежной площади к Северной Африке на карте.
  {
    id: 'loc.adj-kind',
    type: 'LOC',
    at(tokens, i) {
      const t = tokens[i];
      const side = !!t && SIDES.has(t.lower);
      if (!isCapWord(t) && !side) return undefined;
      // «Нынешний Крым», «Это та область»: pronouns and a sentence's first word need a kind noun.
      const dict = adjParses(t).filter((p) => p.parser === 'Dictionary' && p.tag.Apro !== true);
      if (!dict.length) return undefined;
      const strict = side || sentenceInitial(tokens, i);
      let k = i;
      while (k < i + 3 && adjParses(tokens[k]).length) k++;
      const kind = tokens[k];
      if (k === i || !kind || kind.sent !== tokens[i]?.sent) return undefined;
      const agrees = (c: string | undefined) => adjParses(tokens[i]).some((p) => p.tag.CAse === c);
      const noun =
        agreeingNoun(tokens, i, k, PLACE_KINDS) ??
        (strict && !side
          ? undefined
          : parsesOf(kind).find((p) => p.tag.Geox === true && kind.cap && agrees(p.tag.CAse)));
      if (side && (!noun || noun.tag.Geox !== true)) return undefined;
      if (!noun) return undefined;
      return { first: i, last: k + 1, normal: nominativePhrase(tokens, i, k, k + 1, noun) };
    },
  },
  // Рыбу нашли в реке Славянке, у деревни Заозерье и на улице Гагарина.
  {
    id: 'loc.after-kind',
    type: 'LOC',
    at(tokens, i, ctx) {
      const [kind, t] = [tokens[i - 1], tokens[i]];
      if (
        !kind ||
        kind.cap ||
        kind.text.length < 3 ||
        !isCapWord(t) ||
        t.latin ||
        ctx.taken[i] ||
        !nounIn(kind, NAMED_KINDS)
      )
        return undefined;
      const ps = parsesOf(t);
      // «с мэром города Виктором …»: a name of a person, or a word in another case, starts something else.
      if (ps.some((p) => p.tag.Orgn || p.tag.Name || p.tag.Surn || p.tag.Patr || p.tag.POS === 'ADJF'))
        return undefined;
      const kindCase = nounIn(kind, NAMED_KINDS)?.tag.CAse;
      const noun = ps.find((p) => p.tag.POS === 'NOUN' && p.tag.CAse === kindCase);
      if (!noun && !isUnknownWord(t) && !ps.some((p) => p.tag.CAse === 'nomn')) return undefined;
      const normal = noun ? inflectTo(t, noun, { CAse: 'nomn' }) : t.text;
      return { first: i, last: i + 1, normal };
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
      const t = tokens[i];
      // «шаттл Дискавери», «корабль Атлантис»: vehicles named after places.
      if (!t || t.text.length < 2 || isVehicle(tokens[i - 1]) || tokens[i - 1]?.text === '«')
        return undefined;
      const p = placeAt(tokens, i, ctx.cities);
      return p ? { first: p.first, last: p.last, normal: placeNormal(tokens, p) } : undefined;
    },
  },
];
