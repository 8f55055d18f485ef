/** Pass 12: visits of delegations: who came from where to where, when, of what kind, led by whom. */
import type { Sentence, Token } from './01-tokens.ts';
import { lemmas } from './02-morphology.ts';
import type { PersonMention } from './04-persons.ts';
import type { Day, Doc } from './07-document.ts';
import type { DateMention } from './08-dates.ts';
import { titleAt, type Title } from './09-positions.ts';
import { titleOf } from './11-people.ts';
import { visitCities, type Side } from './12-visit-cities.ts';
import {
  DELEGATION,
  FUTURE_OR_ARRIVAL,
  HEAD_LEADS,
  MOTION_VERBS,
  VISIT_END,
  VISIT_KINDS,
  VISIT_NOUNS,
  type HeadRule,
} from './12-visit-rules.ts';
import type { Visit } from './extraction.schema.ts';

/** A visit as one sentence tells it, before sentences about the same visit are merged. */
export interface VisitDraft {
  sent: number;
  from: Side | undefined;
  to: Side | undefined;
  start: Day | undefined;
  end: Day | undefined;
  openEnd: boolean;
  kind: Visit['kind'];
  head: { person: PersonMention | undefined; title: Title | undefined; rule: HeadRule } | undefined;
  span: [number, number];
  rule: string;
}

const hasLemma = (t: Token, set: ReadonlySet<string>) =>
  set.has(t.lower) || lemmas(t).some((l) => set.has(l));

function trigger(doc: Doc, s: Sentence): string | undefined {
  let delegation = false;
  let motion = false;
  for (let k = s.first; k < s.last; k++) {
    const t = doc.tokens[k] as Token;
    if (t.kind !== 'word') continue;
    if (hasLemma(t, VISIT_NOUNS)) return 'visit.noun';
    if (hasLemma(t, DELEGATION)) delegation = true;
    else if (hasLemma(t, MOTION_VERBS) || /^(приед|прибуд|посет)/.test(t.lower)) motion = true;
  }
  return delegation && motion ? 'visit.delegation-verb' : undefined;
}

function kindOf(doc: Doc, s: Sentence): Visit['kind'] {
  for (let k = s.first; k < s.last; k++) {
    if (!hasLemma(doc.tokens[k] as Token, VISIT_NOUNS)) continue;
    for (const a of [k - 1, k - 2]) {
      const w = doc.tokens[a];
      if (!w || w.sent !== s.index) continue;
      const found = VISIT_KINDS.find(([re]) => re.test(w.lower));
      if (found) return found[1];
    }
  }
  // No adjective at «визит»: «официальная делегация» says it.
  for (let k = s.first + 1; k < s.last; k++) {
    if (!/^делегаци/.test((doc.tokens[k] as Token).lower)) continue;
    const found = VISIT_KINDS.find(([re]) => re.test(doc.tokens[k - 1]?.lower ?? ''));
    if (found) return found[1];
  }
  return null;
}

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

function headOf(doc: Doc, s: Sentence, delegation: boolean): VisitDraft['head'] {
  const { tokens } = doc;
  for (let k = s.first; k < s.last; k++) {
    for (const lead of HEAD_LEADS) {
      if (!lead.words.every((w, n) => tokens[k + n]?.lower === w)) continue;
      const found = actorAfter(
        doc,
        k + lead.words.length + (/^делегаци/.test(tokens[k + lead.words.length]?.lower ?? '') ? 1 : 0),
        s,
      );
      if (found) return { ...found, rule: lead.rule };
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
  for (const m of doc.persons) {
    if (tokens[m.first]?.sent !== s.index) continue;
    // Only the subject heads a visit: «Бурмистр … побывал», not «встреча с председателем …».
    if (m.case !== 'nomn') continue;
    const title = titleOf(doc, m);
    if (title) return { person: m, title, rule: 'head.single-official' };
  }
  return undefined;
}

/** One draft per sentence that speaks of a visit. */
export function findVisitDrafts(doc: Doc, dates: DateMention[]): VisitDraft[] {
  const out: VisitDraft[] = [];
  for (const s of doc.sentences) {
    const rule = trigger(doc, s);
    if (!rule) continue;
    let delegation = false;
    for (let k = s.first; k < s.last; k++)
      if (hasLemma(doc.tokens[k] as Token, DELEGATION)) delegation = true;
    const { from, to } = visitCities(doc, s);
    const date = dates.find((d) => d.sent === s.index && !d.monthOnly);
    const words = doc.tokens.slice(s.first, s.last).map((t) => t.lower);
    const openEnd = !date?.to && words.some((w) => FUTURE_OR_ARRIVAL.test(w));
    out.push({
      sent: s.index,
      from,
      to,
      start: date?.from,
      end: date?.to ?? (date && !openEnd ? date.from : undefined),
      openEnd,
      kind: kindOf(doc, s),
      head: headOf(doc, s, delegation) ?? nextSentenceHead(doc, s),
      span: [s.start, s.end],
      rule,
    });
  }
  return out;
}

/** The day a later sentence gives for the end of a visit that began on a single day. */
export function endInLaterSentence(doc: Doc, dates: DateMention[], after: number): Day | undefined {
  for (const d of dates) {
    if (d.sent <= after || d.monthOnly) continue;
    const s = doc.sentences[d.sent] as Sentence;
    if (doc.tokens.slice(s.first, s.last).some((t) => VISIT_END.test(t.lower))) return d.to ?? d.from;
  }
  return undefined;
}

/** «Возглавлял делегацию …» in one of the two sentences after the visit. */
function nextSentenceHead(doc: Doc, s: Sentence): VisitDraft['head'] {
  for (const next of [doc.sentences[s.index + 1], doc.sentences[s.index + 2]]) {
    if (!next || !doc.tokens.slice(next.first, next.last).some((t) => /^(возглав|руковод)/.test(t.lower)))
      continue;
    const head = headOf(doc, next, true);
    if (head && head.rule !== 'head.single-official') return head;
  }
  return undefined;
}
