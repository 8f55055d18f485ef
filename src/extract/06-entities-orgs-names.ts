/** Organization rules for names known as such: the word lists, az's Orgn words, compounds, sites. */
import type { Token } from './01-tokens.ts';
import { lemmaIn, parsesOf } from './02-morphology.ts';
import { KNOWN_ORG_PHRASES, KNOWN_ORGS, NOT_ORG_ABBREVIATIONS } from './06-entities-lexicon-orgs.ts';
import { latinNameAt } from './06-entities-latin.ts';
import { phraseMatcher } from './06-entities-phrases.ts';
import {
  adjParses,
  isCommonWord,
  lemmaOf,
  mayHaveLemmaIn,
  nameStem,
  spanText,
  type Rule,
} from './06-entities-words.ts';
import { keepCapitals, nominativePhrase, phraseHead } from './06-entities-normal.ts';

const knownPhrase = phraseMatcher(KNOWN_ORG_PHRASES);
// Stems that make agencies and companies of compounds: «Росприроднадзор», «Рыбохрана», «Мосэнерго».
const COMPOUND =
  /^(рос|мос|гос|мин|фед|глав)\p{Ll}{4,}|(надзор|охрана|энерго|телеком|нефть|газ|банк|строй|трест)$/u;
// Stems catch the cases az cannot inflect: «Аль-Кайды», «Фэйсбуке».
const KNOWN_STEMS = new Set([...KNOWN_ORGS].filter((w) => w.length > 4).map(nameStem));
const TLD = new Set(['ru', 'com', 'net', 'org', 'info', 'ua', 'by', 'kz', 'ру']);
const orgnParse = (t: Token) =>
  parsesOf(t).find((p) => p.tag.Orgn === true && p.tag.POS === 'NOUN' && p.parser === 'Dictionary');

/** Rules for names that are organizations by what they are, tried before kind phrases. */
export const KNOWN_NAME_RULES: Rule[] = [
  // Об этом сообщили РИА Новости и «Голос Америки».
  {
    id: 'org.known-phrase',
    type: 'ORG',
    at(tokens, i) {
      const last = tokens[i]?.cap ? knownPhrase(tokens, i)?.last : undefined;
      if (!last) return undefined;
      return { first: i, last, normal: nominativePhrase(tokens, i, phraseHead(tokens, i, last), last) };
    },
  },
  // Об этом пишут Лента.ру и baltinfo.ru.
  {
    id: 'org.site',
    type: 'ORG',
    at(tokens, i) {
      const [t, dot, tld] = [tokens[i], tokens[i + 1], tokens[i + 2]];
      if (!t || t.kind !== 'word' || dot?.text !== '.' || !tld || !TLD.has(tld.lower)) return undefined;
      if (dot.start !== t.end || tld.start !== dot.end) return undefined;
      return { first: i, last: i + 3, normal: spanText(tokens, i, i + 3) };
    },
  },
  // Глава японского МИДа прибыл в Кузнецк, а российского Минсельхоза — в Барановичи.
  {
    id: 'org.adj-abbr',
    type: 'ORG',
    at(tokens, i) {
      const [t, next] = [tokens[i], tokens[i + 1]];
      if (!t || !next || t.cap || !/(ск|цк)(ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими)$/.test(t.lower))
        return undefined;
      const orgn = next.cap ? orgnParse(next) : undefined;
      if (!orgn || !adjParses(t).some((a) => a.tag.CAse === orgn.tag.CAse)) return undefined;
      return { first: i, last: i + 2, normal: nominativePhrase(tokens, i, i + 1, i + 2, orgn) };
    },
  },
  // Роскосмос, Газпром и Росприроднадзор подписали меморандум.
  {
    id: 'org.known',
    type: 'ORG',
    at(tokens, i) {
      const t = tokens[i];
      if (!t || t.kind !== 'word' || !(t.cap || t.upper) || t.text.length < 2) return undefined;
      if (NOT_ORG_ABBREVIATIONS.has(t.text)) return undefined;
      const orgn = orgnParse(t);
      const compound =
        !t.upper &&
        COMPOUND.test(t.lower) &&
        !isCommonWord(t) &&
        !parsesOf(t).some((p) => p.tag.Geox || p.tag.Surn || p.tag.Name);
      if (
        !orgn &&
        !compound &&
        !(mayHaveLemmaIn(t, KNOWN_ORGS) && lemmaIn(t, KNOWN_ORGS)) &&
        !KNOWN_STEMS.has(nameStem(t.text))
      )
        return undefined;
      const n = orgn ? lemmaOf(orgn) : '';
      const normal = t.upper || !n ? t.text : keepCapitals(t.text, n);
      return { first: i, last: i + 1, normal };
    },
  },
];

/** Runs of capitalized Latin words that do not start with a given name: «Microsoft», «Bank of China». */
export const LATIN_ORG_RULE: Rule = {
  // Компании Microsoft и Hewlett-Packard открыли офис.
  id: 'org.latin',
  type: 'ORG',
  at(tokens, i) {
    const m = latinNameAt(tokens, i);
    return m && !m.person ? { first: m.first, last: m.last, normal: m.normal } : undefined;
  },
};
