/** Pass 9: position titles with their genitive tail, in the nominative («заместитель председателя горисполкома»). */
import type { Token } from './01-tokens.ts';
import { lemmas, parsesOf } from './02-morphology.ts';
import { TAIL_STOP, TITLE_ADJECTIVES, TITLE_NOUNS } from './05-titles.ts';
import { phraseText, type Doc } from './07-document.ts';
import { LEGAL_FORMS } from './10-org-kinds.ts';
import { quotedEnd } from './10-org-parts.ts';

/** A position title over tokens [first, last). */
export interface Title {
  first: number;
  last: number;
  /** The title in the nominative: head and its adjectives inflected, the tail as written. */
  text: string;
  head: string;
  /** The city the tail names: «мэр Кузнецка», «председатель Барановичского горисполкома». */
  city: string | undefined;
}

/** Professions that stand before a name like titles: «солистка филармонии Елена Смирнова». */
const PROFESSIONS = new Set(
  'учитель учительница преподаватель педагог воспитатель тренер художник писатель поэт композитор журналист корреспондент солист солистка артист артистка певец певица исполнитель хормейстер дирижер балетмейстер библиотекарь методист мастер'.split(
    ' ',
  ),
);
const isTitleNoun = (w: string) => TITLE_NOUNS.has(w) || PROFESSIONS.has(w);

/** The title lemma of a token («заместителем» → заместитель), az first, then a stripped ending. */
export function titleLemma(t: Token | undefined): string | undefined {
  if (!t || t.kind !== 'word') return undefined;
  if (isTitleNoun(t.lower)) return t.lower;
  // «после» is also a form of «посол»: the title must be the word's first reading.
  const first = parsesOf(t)[0];
  if (first && /^(PREP|CONJ|PRCL|ADVB|INTJ)$/.test(first.tag.POS ?? '')) return undefined;
  const found = lemmas(t).find(isTitleNoun);
  if (found) return found;
  const stem = t.lower.replace(/(ом|ем|ой|ей|а|я|у|ю|е)$/, '');
  return isTitleNoun(stem) ? stem : undefined;
}

const ADJECTIVE_STEMS = [...TITLE_ADJECTIVES].map((a) => a.slice(0, -2));

/** «первым», «генерального»: an adjective that belongs to a title. */
function isTitleAdjective(t: Token): boolean {
  if (t.kind !== 'word') return false;
  return ADJECTIVE_STEMS.some((stem) => t.lower.startsWith(stem) && t.lower.length <= stem.length + 3);
}

const genitive = (t: Token) =>
  parsesOf(t).some((p) => p.tag.CAse === 'gent' && (p.tag.POS === 'NOUN' || p.tag.POS === 'ADJF'));

function tailEnd(doc: Doc, from: number): { end: number; city: string | undefined } {
  const { tokens } = doc;
  let k = from;
  let city: string | undefined;
  while (k < tokens.length && k - from < 7) {
    const t = tokens[k] as Token;
    if (t.sent !== tokens[from - 1]?.sent || doc.personAt.has(k)) break;
    if (t.kind !== 'word' && t.text !== '№' && !/^[«"„]$/.test(t.text)) break;
    const place = doc.placeAt.get(k);
    const adj = doc.cityAdjAt.get(k);
    if (place?.city) {
      city ??= place.name;
      k = place.last;
      continue;
    }
    // «директор ГУО «Гимназия № 2 г. Барановичи»», «директор школы № 3».
    const quoted = quotedEnd(doc, LEGAL_FORMS.has(t.text) ? k + 1 : k);
    if (quoted) {
      k = quoted;
      continue;
    }
    if (t.text === '№' && tokens[k + 1]?.kind === 'num') {
      k += 2;
      continue;
    }
    if (t.lower === 'по' && tokens[k + 1]?.kind === 'word' && !tokens[k + 1]?.cap) {
      k += 2;
      while (k < tokens.length && k - from < 7 && tokens[k]?.kind === 'word' && !tokens[k]?.cap) {
        if (!parsesOf(tokens[k] as Token).some((p) => p.tag.CAse === 'datv')) break;
        k++;
      }
      continue;
    }
    if (TAIL_STOP.has(t.lower) || !genitive(t)) break;
    if (adj) city ??= adj.name;
    k++;
  }
  return { end: k, city };
}

/** The title starting at token i, if any: adjectives, a title noun, then its tail. */
export function titleAt(doc: Doc, i: number): Title | undefined {
  const { tokens } = doc;
  let k = i;
  while (k < tokens.length && k - i < 3 && isTitleAdjective(tokens[k] as Token)) k++;
  const headToken = tokens[k];
  const head = titleLemma(headToken);
  if (!head || !headToken || doc.personAt.has(k)) return undefined;
  const words: string[] = [];
  // Title adjectives in the nominative masculine: az would read «первым» as a form of «один».
  for (let a = i; a < k; a++) {
    const lower = (tokens[a] as Token).lower;
    words.push([...TITLE_ADJECTIVES].find((adj) => lower.startsWith(adj.slice(0, -2))) ?? lower);
  }
  words.push(head);
  const { end, city } = tailEnd(doc, k + 1);
  const tail = phraseText(tokens, k + 1, end);
  return { first: i, last: end, text: [...words, tail].filter(Boolean).join(' '), head, city };
}

/** The widest title that ends right before token `end` (the person it names). */
export function titleBefore(doc: Doc, end: number): Title | undefined {
  let best: Title | undefined;
  for (let i = end - 1; i >= 0 && i >= end - 14; i--) {
    const t = doc.tokens[i] as Token;
    if (t.sent !== doc.tokens[end]?.sent || /^[,;:!?]$/.test(t.text)) break;
    const found = titleAt(doc, i);
    if (found && found.last === end) best = found;
  }
  return best;
}
