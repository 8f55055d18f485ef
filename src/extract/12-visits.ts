/** Pass 12: visits of delegations: who came from where to where, when, of what kind, led by whom. */
import type { Sentence, Token } from './01-tokens.ts';
import { lemmas } from './02-morphology.ts';
import { personsIn, type Day, type Doc } from './07-document.ts';
import { dateIn, type DateMention } from './08-dates.ts';
import { titleOf } from './11-people.ts';
import { headOf, nextSentenceHead, type VisitHead } from './12-visit-heads.ts';
import { visitCities, type Side } from './12-visit-cities.ts';
import {
  DELEGATION,
  FUTURE_OR_ARRIVAL,
  MOTION_VERBS,
  VISIT_END,
  VISIT_KINDS,
  VISIT_NOUNS,
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
  head: VisitHead;
  span: [number, number];
  rule: string;
  /** The country the guests came from, when the text names no city: «гости из Германии». */
  abroad?: string;
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
  if (delegation && motion) return 'visit.delegation-verb';
  if (delegation && guestsFrom(doc, s)) return 'visit.guests-from';
  // Председатель горисполкома Максим Антонюк посетил Кузнецк.
  return motion && officialGoesToCity(doc, s) ? 'visit.official-verb' : undefined;
}

/** «гости из Германии», «делегация из Кузнецка»: guests named by where they came from are visitors. */
function guestsFrom(doc: Doc, s: Sentence): boolean {
  for (let k = s.first; k + 2 < s.last; k++) {
    const t = doc.tokens[k] as Token;
    if (!/^(из|со?)$/.test(doc.tokens[k + 1]?.lower ?? '') || !hasLemma(t, DELEGATION)) continue;
    if (doc.placeAt.has(k + 2) || doc.cityAdjAt.has(k + 2)) return true;
  }
  return false;
}

/** A titled person as the subject and a city of travel («в Кузнецк», «посетил Кузнецк») in one sentence. */
function officialGoesToCity(doc: Doc, s: Sentence): boolean {
  const { tokens } = doc;
  const official = personsIn(doc, s.index).some((m) => m.case === 'nomn' && titleOf(doc, m) !== undefined);
  if (!official) return false;
  for (let k = s.first + 1; k < s.last; k++) {
    const place = doc.placeAt.get(k);
    if (place?.city && /^(в|во|посетил|посетила|посетили)$/.test(tokens[k - 1]?.lower ?? '')) return true;
    // «По приглашению мэра Дижона … принял участие глава Волгограда»: the host's town is named by its head.
    const host =
      /^приглашени/.test(tokens[k - 2]?.lower ?? '') || /^приглашени/.test(tokens[k - 3]?.lower ?? '');
    if (place?.city && host && place.case === 'gent') return true;
  }
  return false;
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

/** One draft per sentence that speaks of a visit. */
export function findVisitDrafts(doc: Doc, dates: DateMention[]): VisitDraft[] {
  const out: VisitDraft[] = [];
  for (const s of doc.sentences) {
    const rule = trigger(doc, s);
    if (!rule) continue;
    let delegation = false;
    for (let k = s.first; k < s.last; k++)
      if (hasLemma(doc.tokens[k] as Token, DELEGATION)) delegation = true;
    const { from, others, countries, ...cities } = visitCities(doc, s);
    // The host is where the events happen: a sentence naming only the guests keeps the last host.
    const to =
      cities.to ??
      (from || countries.length
        ? ([...out].reverse().find((v) => v.to)?.to ?? celebratedCity(doc))
        : undefined);
    // «В минувшую субботу наш город отметил 155-летие. … прибыла делегация»: the day of the sentence before.
    const date =
      dateIn(dates, s.index) ??
      (out.some((v) => v.sent === s.index - 1) ? undefined : dateIn(dates, s.index - 1));
    const words = doc.tokens.slice(s.first, s.last).map((t) => t.lower);
    const openEnd = !date?.to && words.some((w) => FUTURE_OR_ARRIVAL.test(w));
    const draft: VisitDraft = {
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
    };
    // Guests of several countries, no city named: a visit each, from no city.
    if (countries.length)
      out.push(...countries.map((abroad) => ({ ...draft, abroad, rule: 'visit.abroad' })));
    else out.push(draft);
    // Delegations of several cities at one celebration: a visit each, of the same host.
    for (const city of others)
      out.push({
        sent: s.index,
        from: { city, rule: 'from.list' },
        to,
        start: undefined,
        end: undefined,
        openEnd: false,
        kind: null,
        head: undefined,
        span: [s.start, s.end],
        rule: 'visit.list',
      });
  }
  return out;
}

const DAY = /^(день|дня|дню|днем|дне|днях|дни)$/;

/** «празднование Дня города Комрата»: the city whose day is celebrated hosts the guests. */
function celebratedCity(doc: Doc): Side | undefined {
  for (const [k, place] of doc.placeAt) {
    if (!place.city) continue;
    const before = doc.tokens[k - 1]?.lower ?? '';
    if (DAY.test(before) || (before === 'города' && DAY.test(doc.tokens[k - 2]?.lower ?? '')))
      return { city: place.name, rule: 'to.celebrated' };
  }
  return undefined;
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
