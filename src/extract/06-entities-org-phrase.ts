/** Organization names built on a kind noun: «Конституционный суд», «Министерство иностранных дел». */
import type { Token } from './01-tokens.ts';
import { parsesOf, type AzParse } from './02-morphology.ts';
import { TITLE_NOUNS, TAIL_STOP } from './05-titles.ts';
import { ORG_KINDS } from './06-entities-lexicon-orgs.ts';
import {
  adjParses,
  agreeingNoun,
  lemmaOf,
  nounIn,
  sentenceInitial,
  type RuleMatch,
} from './06-entities-words.ts';
import { nominativePhrase } from './06-entities-normal.ts';

// Kinds that name a body by themselves only when a genitive or an adjective says which one.
const GENERIC = new Set(
  'союз компания группа центр организация отдел отделение команда школа банк фонд станция служба администрация правительство армия полиция'.split(
    ' ',
  ),
);
// Kinds that head a name even in lower case when a genitive tail follows («министерство финансов»).
const LOWER_HEADS = new Set(['министерство', 'ведомство']);

// Places and people named in the genitive belong to the sentence, not to the name: «суд Москвы».
const isProper = (t: Token) =>
  parsesOf(t).some((p) => p.tag.Geox === true || p.tag.Name === true || p.tag.Surn === true);

// A lower-case noun phrase in one case: adjectives then a noun; returns the index after it.
function nounPhrase(tokens: Token[], k: number, cases: ReadonlySet<string>): number {
  let j = k;
  while (j < k + 3) {
    const t = tokens[j];
    // One-letter words and conjunctions have noun readings in az (the letter «и»), never in a name.
    if (
      !t ||
      t.kind !== 'word' ||
      t.text.length < 2 ||
      FUNCTION_WORDS.has(t.lower) ||
      t.cap ||
      TAIL_STOP.has(t.lower) ||
      NOT_IN_NAMES.has(t.lower) ||
      TITLE_NOUNS.has(t.lower)
    )
      return k;
    const ps = parsesOf(t);
    const adj = adjParses(t).some((p) => cases.has(p.tag.CAse ?? ''));
    // «при главном архитекторе»: a word that may be either is an adjective before a noun.
    const nounNext = parsesOf(tokens[j + 1] ?? t).some(
      (p) => p.tag.POS === 'NOUN' && cases.has(p.tag.CAse ?? ''),
    );
    const noun = ps.some((p) => p.tag.POS === 'NOUN' && cases.has(p.tag.CAse ?? '')) && !isProper(t);
    if (noun && !(adj && nounNext && tokens[j + 1] !== undefined)) return j + 1;
    if (!adj) return k;
    j++;
  }
  return k;
}

const FUNCTION_WORDS = new Set(
  'и или а но в во на с со к от до из за о об не же ли бы то как что это'.split(' '),
);
// Genitives that describe where or what, not which body: «здание Конституционного суда».
const NOT_IN_NAMES = new Set(
  'здание здания зданий комплекса комплекс территории сотрудников сотрудники решению решения решение заседания заседании'.split(
    ' ',
  ),
);
const GENT = new Set(['gent', 'gen2']);
const DATV = new Set(['datv']);
const LOCT = new Set(['loct', 'loc2']);
// Prepositions inside a name and the case they take: «комитет по …», «совет при …», «движение против …».
const INNER_PREPOSITIONS: Record<string, ReadonlySet<string>> = { по: DATV, при: LOCT, против: GENT };

// «им. А. С. Пушкина», «имени Гагарина»: the namesake, initials with their full stops.
function namesakeEnd(tokens: Token[], at: number): number {
  const t = tokens[at] as Token;
  let j = at + (t.lower === 'им' ? 2 : 1);
  const start = j;
  const initialDot = (k: number) => tokens[k]?.text === '.' && tokens[k - 1]?.text.length === 1;
  while (j < start + 6 && (tokens[j]?.cap || initialDot(j)) && tokens[j]?.sent === t.sent) j++;
  return j > start ? j : at;
}

// The tail after a kind noun: genitives («иностранных дел»), prepositions, «№ 5», «им. …», «и» + the same case.
function tailEnd(tokens: Token[], k: number): number {
  let end = k;
  let cases: ReadonlySet<string> = GENT;
  for (let n = 0; n < 4; n++) {
    const t = tokens[end];
    if (!t || t.sent !== tokens[k - 1]?.sent) break;
    if (t.text === '№' && tokens[end + 1]?.kind === 'num') return end + 2;
    if ((t.lower === 'им' && tokens[end + 1]?.text === '.') || t.lower === 'имени')
      return namesakeEnd(tokens, end);
    const inner = INNER_PREPOSITIONS[t.lower];
    if (inner || (t.lower === 'и' && end > k)) {
      const e = nounPhrase(tokens, end + 1, inner ?? cases);
      if (e === end + 1) break;
      if (inner) cases = inner;
      end = e;
      continue;
    }
    const e = nounPhrase(tokens, end, GENT);
    if (e === end) break;
    cases = GENT;
    end = e;
  }
  return end;
}

/** An organization whose name starts at token i and is headed by a kind noun, or undefined. */
export function orgKindAt(tokens: Token[], i: number): RuleMatch | undefined {
  const first = tokens[i];
  if (!first || first.kind !== 'word') return undefined;
  let k = i;
  let head: AzParse | undefined;
  // Adjectives before the kind noun must share its case: «Государственной думы».
  while (k < i + 4) {
    const t = tokens[k];
    if (!t || t.sent !== first.sent) return undefined;
    head = nounIn(t, ORG_KINDS);
    if (head) break;
    // «Промышленный и коммерческий банк»: adjectives joined by «и».
    if (!adjParses(t).length && !(t.lower === 'и' && k > i)) return undefined;
    k++;
  }
  if (!head) return undefined;
  const kindTok = tokens[k] as Token;
  if (k > i) head = agreeingNoun(tokens, i, k, ORG_KINDS);
  if (!head) return undefined;
  const end = tailEnd(tokens, k + 1);
  const hasTail = end > k + 1;
  const lemma = lemmaOf(head);
  const numbered = tokens[k + 1]?.text === '№' || /^им/.test(tokens[k + 1]?.lower ?? '');
  // «синодального Отдела», «государственной Комиссии»: a capital on the kind word inside a sentence.
  const capitalKind = k > i && kindTok.cap && !sentenceInitial(tokens, k);
  if (!first.cap) {
    if (!numbered && !capitalKind && !(hasTail && nounIn(kindTok, LOWER_HEADS))) return undefined;
  } else if (sentenceInitial(tokens, i)) {
    // «Суд признал…» opens a sentence with a capital: only a tail or an adjective makes it a name.
    if (!hasTail && (k === i || GENERIC.has(lemma))) return undefined;
  } else if (k === i && !hasTail && GENERIC.has(lemma)) return undefined;
  if (head.tag.NMbr === 'plur' && k === i) return undefined;
  return { first: i, last: end, normal: nominativePhrase(tokens, i, k, end, head) };
}
