/** Where a visit's head is named: «во главе с …», «возглавляемая …», «делегация мэра …», the lone official. */
import type { Sentence, Token } from './01-tokens.ts';
import { lemmas, parsesOf } from './02-morphology.ts';
import type { PersonMention } from './04-persons.ts';
import { personsIn, type Doc } from './07-document.ts';
import { CITY_HEAD_TITLES } from './05-titles.ts';
import { titleAt, type Title } from './09-positions.ts';
import { titleOf } from './11-people.ts';
import { DELEGATION, HEAD_LEADS, type HeadRule } from './12-visit-rules.ts';

/** The head of a visit: a person, a title, or both, and the rule that found them. */
export type VisitHead =
  { person: PersonMention | undefined; title: Title | undefined; rule: HeadRule } | undefined;

const hasLemma = (t: Token, set: ReadonlySet<string>) =>
  set.has(t.lower) || lemmas(t).some((l) => set.has(l));

/** The person and title that follow token j: «заместителем председателя горисполкома Вадимом Щербаковым». */
function actorAfter(doc: Doc, j: number, s: Sentence) {
  for (let k = j; k < s.last && k < j + 6; k++) {
    const person = doc.personAt.get(k);
    if (person && person.first === k) return { person, title: titleOf(doc, person) };
    const title = titleAt(doc, k);
    if (title) {
      const next = doc.personAt.get(title.last);
      return { person: next && next.first === title.last ? next : undefined, title };
    }
  }
  return undefined;
}

/** The head named in sentence s; with a delegation in it, only a subject counts as a lone official. */
export function headOf(doc: Doc, s: Sentence, delegation: boolean): VisitHead {
  const { tokens } = doc;
  for (let k = s.first; k < s.last; k++) {
    for (const lead of HEAD_LEADS) {
      if (!lead.words.every((w, n) => tokens[k + n]?.lower === w)) continue;
      const found = actorAfter(
        doc,
        k + lead.words.length + (/^делегаци/.test(tokens[k + lead.words.length]?.lower ?? '') ? 1 : 0),
        s,
      );
      // Of the members, only a town's head listed first leads the delegation.
      const leads =
        lead.rule !== 'head.first-member' || (found?.title && CITY_HEAD_TITLES.has(found.title.head));
      if (found && leads) return { ...found, rule: lead.rule };
      if (found) continue;
      const before = doc.personAt.get(k - 1);
      if (lead.rule === 'head.vozglavil' && before)
        return { person: before, title: titleOf(doc, before), rule: lead.rule };
    }
    const t = tokens[k] as Token;
    if (delegation && hasLemma(t, DELEGATION)) {
      const title = titleAt(doc, k + 1);
      const person = title && doc.personAt.get(title.last);
      if (title && person) return { person, title, rule: 'head.delegation-of' };
    }
  }
  // «Гостей встретил глава города …»: with the delegation as the object, the official is the host.
  if (delegationIsObject(doc, s)) return undefined;
  for (const m of personsIn(doc, s.index)) {
    // Only the subject heads a visit: «Бурмистр … побывал», not «встреча с председателем …».
    const title = titleOf(doc, m);
    // «Мэр города Ре Оресте Пасторе прибыл …»: a foreign name that does not decline stands in the
    // case of the title that opens the sentence.
    if (m.case !== 'nomn' && title?.first !== s.first) continue;
    if (title) return { person: m, title, rule: 'head.single-official' };
  }
  return undefined;
}

/** «Возглавлял делегацию …» in one of the two sentences after the visit. */
export function nextSentenceHead(doc: Doc, s: Sentence): VisitHead {
  for (const next of [doc.sentences[s.index + 1], doc.sentences[s.index + 2]]) {
    if (
      !next ||
      !doc.tokens.slice(next.first, next.last).some((t) => /^(возглав|руковод|состав)/.test(t.lower))
    )
      continue;
    const head = headOf(doc, next, true);
    if (head && head.rule !== 'head.single-official') return head;
  }
  return undefined;
}

/** «их принял мэр», «гостей встретил глава»: the official who receives them is the host. */
const RECEIVED = /^(их|гостей)$/;
const RECEIVES = /^(принял|приняла|приняли|встретил|встретила|встретили|приветствовал|приветствовала)$/;

function delegationIsObject(doc: Doc, s: Sentence): boolean {
  for (let k = s.first; k < s.last; k++) {
    const t = doc.tokens[k] as Token;
    if (hasLemma(t, DELEGATION) && !parsesOf(t).some((p) => p.tag.CAse === 'nomn')) return true;
    if (RECEIVED.test(t.lower) && RECEIVES.test(doc.tokens[k + 1]?.lower ?? '')) return true;
  }
  return false;
}
