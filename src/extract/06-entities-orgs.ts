/** Organization rules for the entity pass: quoted names, kind phrases, abbreviations, known names. */
import type { Token } from './01-tokens.ts';
import { lemmaIn } from './02-morphology.ts';
import { orgKindAt } from './06-entities-org-phrase.ts';
import { NOT_ORG_ABBREVIATIONS, ORG_DESCRIPTORS, SOURCE_WORDS } from './06-entities-lexicon-orgs.ts';
import { PLACE_ABBREVIATIONS } from './06-entities-lexicon-places.ts';
import { KNOWN_NAME_RULES, LATIN_ORG_RULE } from './06-entities-orgs-names.ts';
import { adjParses, spanText, type Rule } from './06-entities-words.ts';

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
// A headline in capitals: three or more words in capitals in a row, one-letter words included.
function shouted(tokens: Token[], i: number): boolean {
  const caps = (k: number) => {
    const t = tokens[k];
    return !!t && t.kind === 'word' && t.text === t.text.toUpperCase() && t.text !== t.text.toLowerCase();
  };
  let first = i;
  let last = i;
  while (first > i - 3 && caps(first - 1)) first--;
  while (last < i + 3 && caps(last + 1)) last++;
  return last - first >= 2;
}

/** True for an organization's abbreviation in capitals at token i («МВД», not «США», «СМИ» or «XX»). */
export function abbreviation(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (!t || !t.upper || t.text.length > 8 || ROMAN.test(t.text) || /\d/.test(t.text)) return false;
  if (PLACE_ABBREVIATIONS.has(t.text) || NOT_ORG_ABBREVIATIONS.has(t.text)) return false;
  return !shouted(tokens, i) && !(t.latin && t.text.length > 5);
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
      // «5 мыслей об индустрии игр»: a long title with words in lower case names a text, not a body.
      const words = tokens.slice(q[0], q[1]).filter((t) => t.kind === 'word');
      if (words.length > 3 && words.filter((t) => !t.cap && !t.upper).length > 1) return undefined;
      return { first: q[0], last: q[1], normal: spanText(tokens, q[0], q[1]) };
    },
  },
  ...KNOWN_NAME_RULES,
  // Министерство иностранных дел и Государственная дума обсудили доклад Конституционного суда.
  { id: 'org.kind', type: 'ORG', at: (tokens, i) => orgKindAt(tokens, i) },
  // Представители МЧС и ООН встретились в Кузнецке.
  {
    id: 'org.abbr',
    type: 'ORG',
    at(tokens, i) {
      if (!abbreviation(tokens, i)) return undefined;
      let last = i + 1;
      const glued = (k: number) => (tokens[k] as Token).start === (tokens[k - 1] as Token).end + 1;
      while (last < i + 3 && abbreviation(tokens, last) && glued(last)) last++;
      return { first: i, last, normal: spanText(tokens, i, last) };
    },
  },
  LATIN_ORG_RULE,
];
