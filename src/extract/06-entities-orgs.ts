/** Organization rules for the entity pass: quoted names, kind phrases, abbreviations, known names. */
import type { Token } from './01-tokens.ts';
import { lemmaIn, parsesOf } from './02-morphology.ts';
import { orgKindAt } from './06-entities-org-phrase.ts';
import {
  KNOWN_ORG_PHRASES,
  KNOWN_ORGS,
  NOT_ORG_ABBREVIATIONS,
  ORG_DESCRIPTORS,
  SOURCE_WORDS,
} from './06-entities-lexicon-orgs.ts';
import { PLACE_ABBREVIATIONS } from './06-entities-lexicon-places.ts';
import { phraseMatcher } from './06-entities-phrases.ts';
import { latinNameAt } from './06-entities-latin.ts';
import {
  adjParses,
  lemmaOf,
  nominativePhrase,
  phraseHead,
  spanText,
  type Rule,
} from './06-entities-words.ts';

const knownPhraseEnd = phraseMatcher(KNOWN_ORG_PHRASES);
const OPEN = new Set(['«', '"', '„', '“']);
const CLOSE = new Set(['»', '"', '“', '”']);

// The span inside quotes that open at i, when it closes within the sentence.
function quotedAt(tokens: Token[], i: number): [number, number] | undefined {
  const q = tokens[i];
  if (!q || !OPEN.has(q.text)) return undefined;
  for (let k = i + 1; k < tokens.length && k <= i + 12; k++) {
    const t = tokens[k] as Token;
    if (t.sent !== q.sent && k > i + 1) return undefined;
    if (CLOSE.has(t.text)) return k > i + 1 ? [i + 1, k] : undefined;
  }
  return undefined;
}

// A quoted name begins like a name: a capital letter, a Latin word or a number.
const nameLike = (t: Token | undefined) => !!t && (t.cap || t.upper || t.latin || t.kind === 'num');

function descriptorBefore(tokens: Token[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const t = tokens[k] as Token;
    if (t.kind !== 'word') return false;
    if (lemmaIn(t, ORG_DESCRIPTORS) || lemmaIn(t, SOURCE_WORDS)) return true;
    if (!adjParses(t).length) return false;
  }
  return false;
}

// Capitals that are a Roman numeral (Cyrillic Х included) or a shouted headline are not names.
const ROMAN = /^[IVXLCMХ]+$/;
function abbreviation(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (!t || !t.upper || t.text.length > 8 || ROMAN.test(t.text) || /\d/.test(t.text)) return false;
  if (PLACE_ABBREVIATIONS.has(t.text) || NOT_ORG_ABBREVIATIONS.has(t.text)) return false;
  const shouting = (k: number) => tokens[k]?.upper && !PLACE_ABBREVIATIONS.has(tokens[k]?.text ?? '');
  return !(shouting(i - 1) && shouting(i + 1)) && !(t.latin && t.text.length > 5);
}

/** Organization rules, tried in this order at each token. */
export const ORG_RULES: Rule[] = [
  // Об этом сообщила газета «Вечерний Кузнецк», а ООО «Ромашка» и «Лютик» промолчали.
  {
    id: 'org.quoted',
    type: 'ORG',
    at(tokens, i, ctx) {
      const q = quotedAt(tokens, i);
      if (!q || !nameLike(tokens[q[0]])) return undefined;
      const listed = ctx.lastOrgEnd >= i - 2 && /^(,|и)$/.test(tokens[i - 1]?.text ?? '');
      if (!listed && !descriptorBefore(tokens, i)) return undefined;
      return { first: q[0], last: q[1], normal: spanText(tokens, q[0], q[1]) };
    },
  },
  // Министерство иностранных дел и Государственная дума обсудили доклад Конституционного суда.
  { id: 'org.kind', type: 'ORG', at: (tokens, i) => orgKindAt(tokens, i) },
  // Представители МЧС, японского МИДа и ООН встретились в Кузнецке.
  {
    id: 'org.abbr',
    type: 'ORG',
    at(tokens, i) {
      if (!abbreviation(tokens, i)) return undefined;
      let last = i + 1;
      while (
        last < i + 3 &&
        abbreviation(tokens, last) &&
        (tokens[last] as Token).start === (tokens[last - 1] as Token).end + 1
      )
        last++;
      return { first: i, last, normal: spanText(tokens, i, last) };
    },
  },
  // В эфире «Голоса Америки» выступил солист Большого театра.
  {
    id: 'org.known-phrase',
    type: 'ORG',
    at(tokens, i) {
      const last = tokens[i]?.cap ? knownPhraseEnd(tokens, i) : undefined;
      return last
        ? { first: i, last, normal: nominativePhrase(tokens, i, phraseHead(tokens, i, last), last) }
        : undefined;
    },
  },
  // Глава японского МИДа прибыл в Кузнецк.
  {
    id: 'org.adj-abbr',
    type: 'ORG',
    at(tokens, i) {
      const t = tokens[i];
      const next = tokens[i + 1];
      if (!t || t.cap || !/(ск|цк)(ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими)$/.test(t.lower) || !next)
        return undefined;
      const dict = parsesOf(next).find(
        (p) => p.parser === 'Dictionary' && (p.tag.Orgn === true || p.tag.Abbr === true),
      );
      if (!abbreviation(tokens, i + 1) || !dict || !adjParses(t).some((a) => a.tag.CAse === dict.tag.CAse))
        return undefined;
      return { first: i, last: i + 2, normal: nominativePhrase(tokens, i, i + 1, i + 2, dict) };
    },
  },
  // Роскосмос, Газпром и Евросоюз подписали меморандум.
  {
    id: 'org.known',
    type: 'ORG',
    at(tokens, i) {
      const t = tokens[i];
      if (!t || t.kind !== 'word' || !(t.cap || t.upper) || t.text.length < 2) return undefined;
      const orgn = parsesOf(t).find(
        (p) => p.tag.Orgn === true && p.tag.POS === 'NOUN' && p.parser === 'Dictionary',
      );
      if ((!orgn && !lemmaIn(t, KNOWN_ORGS)) || NOT_ORG_ABBREVIATIONS.has(t.text)) return undefined;
      const n = orgn ? lemmaOf(orgn) : '';
      const normal = t.upper ? t.text : n ? t.text.charAt(0) + n.slice(1) : t.text;
      return { first: i, last: i + 1, normal };
    },
  },
  // Компании Microsoft и Hewlett-Packard открыли офис.
  {
    id: 'org.latin',
    type: 'ORG',
    at: (tokens, i) => (latinNameAt(tokens, i)?.person === false ? latinNameAt(tokens, i) : undefined),
  },
];
