import type { Draft, DraftList, ExtractionResult } from './import-api.ts';

/** What a highlighted word is; each kind has its own color and border style (see import.module.css). */
export type MarkKind = 'city' | 'organization' | 'person' | 'date' | 'place';
/** A fact told by a whole passage, underlined rather than filled. */
export type FactKind = 'visit' | 'agreement' | 'project' | 'event';

export const MARK_KINDS: readonly MarkKind[] = ['city', 'organization', 'person', 'date', 'place'];
export const FACT_KINDS: readonly FactKind[] = ['visit', 'agreement', 'project', 'event'];

/** A highlighted mention and the proposal it became (none for a place the draft does not propose). */
export interface Mark {
  start: number;
  end: number;
  kind: MarkKind;
  list: DraftList | null;
  ref: string | null;
}

/** A passage that is the evidence of a visit, agreement, project or event proposal. */
export interface FactSpan {
  start: number;
  end: number;
  kind: FactKind;
  ref: string;
}

/** A piece of text with one mark at most and the facts whose passages cover it. */
export interface Segment {
  start: number;
  end: number;
  facts: FactSpan[];
}

/** Consecutive segments under the same mark (or under none): one element on the page. */
export interface Run {
  mark: Mark | null;
  segments: Segment[];
}

const MONTHS = 'января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря';
/**
 * Dates inside a fact's passage, to show where the draft's dates come from. The extractor reports
 * the dates it read but not their positions, so the page finds their wording again:
 * «с 18 по 21 сентября», «21 сентября 2025 года», «18.09.2025».
 */
const DATE_PATTERN = new RegExp(
  `(?:\\d{1,2}(?:\\s*(?:-|–|—|по|и)\\s*\\d{1,2})?\\s+(?:${MONTHS})(?:\\s+\\d{4}(?:\\s*(?:г\\.|года|году))?)?)` +
    '|(?:\\b\\d{1,2}\\.\\d{1,2}\\.\\d{4}\\b)',
  'giu',
);

const FACT_LISTS: Record<FactKind, DraftList> = {
  visit: 'visits',
  agreement: 'agreements',
  project: 'projects',
  event: 'events',
};

function validSpan(
  span: readonly [number, number] | null | undefined,
  length: number,
): span is [number, number] {
  return !!span && span[0] >= 0 && span[0] < span[1] && span[1] <= length;
}

/** The passages of the draft's visits, agreements, projects and events. */
export function factSpans(draft: Draft, length: number): FactSpan[] {
  const spans: FactSpan[] = [];
  for (const kind of FACT_KINDS) {
    for (const proposal of draft[FACT_LISTS[kind]]) {
      if (validSpan(proposal.span, length))
        spans.push({ start: proposal.span[0], end: proposal.span[1], kind, ref: proposal.ref });
    }
  }
  return spans;
}

/**
 * Every mention worth highlighting, without overlaps: proposals' own evidence first (organizations,
 * persons), then the extractor's mentions tied to a proposal by their nominative form, then dates,
 * then mentions the draft does not propose as records.
 */
export function buildMarks(text: string, extraction: ExtractionResult, draft: Draft): Mark[] {
  const length = text.length;
  const candidates: Mark[][] = [[], [], [], []];
  for (const org of draft.organizations)
    if (validSpan(org.span, length))
      candidates[0]!.push({
        start: org.span[0],
        end: org.span[1],
        kind: 'organization',
        list: 'organizations',
        ref: org.ref,
      });
  for (const person of draft.persons)
    if (validSpan(person.span, length))
      candidates[0]!.push({
        start: person.span[0],
        end: person.span[1],
        kind: 'person',
        list: 'persons',
        ref: person.ref,
      });
  for (const entity of extraction.entities) {
    if (!validSpan([entity.start, entity.end], length)) continue;
    const at = { start: entity.start, end: entity.end };
    if (entity.type === 'LOC') {
      const city = draft.cities.find((c) => c.name === entity.normal);
      if (city) candidates[1]!.push({ ...at, kind: 'city', list: 'cities', ref: city.ref });
      else candidates[3]!.push({ ...at, kind: 'place', list: null, ref: null });
    } else if (entity.type === 'PER') {
      const person = draft.persons.find((p) => p.name === entity.normal);
      if (person) candidates[1]!.push({ ...at, kind: 'person', list: 'persons', ref: person.ref });
    } else {
      const org = draft.organizations.find((o) => o.name === entity.normal);
      if (org) candidates[1]!.push({ ...at, kind: 'organization', list: 'organizations', ref: org.ref });
    }
  }
  for (const fact of factSpans(draft, length)) {
    if (fact.kind === 'project') continue;
    const passage = text.slice(fact.start, fact.end);
    for (const found of passage.matchAll(DATE_PATTERN)) {
      const start = fact.start + (found.index ?? 0);
      candidates[2]!.push({
        start,
        end: start + found[0].length,
        kind: 'date',
        list: FACT_LISTS[fact.kind],
        ref: fact.ref,
      });
    }
  }
  const placed: Mark[] = [];
  for (const tier of candidates) {
    for (const mark of tier.sort((a, b) => a.start - b.start)) {
      if (placed.every((other) => mark.end <= other.start || mark.start >= other.end)) placed.push(mark);
    }
  }
  return placed.sort((a, b) => a.start - b.start);
}

/** Splits the text into runs: each mark one run, the text between marks another, facts marked inside. */
export function buildRuns(length: number, marks: Mark[], facts: FactSpan[]): Run[] {
  const cuts = new Set<number>([0, length]);
  for (const item of [...marks, ...facts]) {
    cuts.add(item.start);
    cuts.add(item.end);
  }
  const points = [...cuts].filter((p) => p >= 0 && p <= length).sort((a, b) => a - b);
  const runs: Run[] = [];
  let markIndex = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    while (markIndex < marks.length && marks[markIndex]!.end <= start) markIndex++;
    const candidate = marks[markIndex];
    const mark = candidate && candidate.start <= start && candidate.end >= end ? candidate : null;
    const segment = { start, end, facts: facts.filter((f) => f.start <= start && f.end >= end) };
    const last = runs[runs.length - 1];
    if (last && last.mark === mark) last.segments.push(segment);
    else runs.push({ mark, segments: [segment] });
  }
  return runs;
}

/**
 * The text for reading: a line break inside a sentence (press releases are often pasted with their
 * lines hard-wrapped) shows as a space, a break after a sentence stays. Same length, so every
 * offset still points at the same character.
 */
export function softWrapped(text: string): string {
  return text.replace(/\n(?!\s*\n)/g, (_, offset: number) => {
    let back = offset - 1;
    while (back >= 0 && /\s/.test(text[back]!)) back--;
    let ahead = offset + 1;
    while (ahead < text.length && /\s/.test(text[ahead]!)) ahead++;
    if (back < 0) return '\n';
    const sentenceEnds = /[.!?…:»")]/.test(text[back]!) && /[\p{Lu}\d«"–—-]/u.test(text[ahead] ?? '');
    return sentenceEnds ? '\n' : ' ';
  });
}
