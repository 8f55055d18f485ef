/** Pass 8: dates and date ranges, resolved against the publication date when the text is relative. */
import type { Day, Doc } from './07-document.ts';
import { DATE_RULES, DATELINE, monthOf, type DateReading } from './08-date-rules.ts';

/** A date mention: character range, first and last day, the rule that read it. */
export interface DateMention {
  start: number;
  end: number;
  sent: number;
  from: Day;
  to: Day | undefined;
  monthOnly: boolean;
  rule: string;
}

/** ISO 8601 for a day: YYYY-MM-DD, or --MM-DD when the year is unknown. */
export function isoDay(d: Day): string {
  const mm = String(d.m).padStart(2, '0');
  const dd = String(d.d).padStart(2, '0');
  return `${d.y === undefined ? '-' : String(d.y).padStart(4, '0')}-${mm}-${dd}`;
}

/** The publication day of a dateline at the head of the text, without a year unless it says one. */
export function datelineDay(text: string): Day | undefined {
  const m = DATELINE.exec(text.slice(0, 200));
  if (m) return { y: m[3] ? Number(m[3]) : undefined, m: monthOf(m[2]), d: Number(m[1]) };
  // «15.11.2022 г.» on a line of its own under the headline: the day of publication.
  const n = /(?:^|\n)[ \t]*(\d{1,2})\.(\d{2})\.(\d{4})(?:\s*г\.)?[ \t]*(?=\n)/.exec(text.slice(0, 300));
  if (!n) return undefined;
  const day = { y: Number(n[3]), m: Number(n[2]), d: Number(n[1]) };
  return day.m >= 1 && day.m <= 12 && day.d >= 1 && day.d <= 31 ? day : undefined;
}

function shift(d: Day, days: number): Day {
  // A leap year stands in when the year is unknown, so that 29 February survives.
  const t = new Date(Date.UTC(d.y ?? 2000, d.m - 1, d.d - days));
  return { y: d.y === undefined ? undefined : t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function lastWeekday(pub: Day, weekday: number): Day | undefined {
  if (pub.y === undefined || weekday < 0) return undefined;
  const today = new Date(Date.UTC(pub.y, pub.m - 1, pub.d)).getUTCDay();
  return shift(pub, (today - weekday + 7) % 7 || 7);
}

/** Gives a yearless day the publication year; a month far ahead of publication is last year's. */
function withYear(d: Day, pub: Day | undefined): Day {
  if (d.y !== undefined || pub?.y === undefined) return d;
  return { ...d, y: d.m - pub.m > 6 ? pub.y - 1 : pub.y };
}

function resolve(r: DateReading, pub: Day | undefined): { from: Day; to: Day | undefined } | undefined {
  if (r.back !== undefined) return pub ? { from: shift(pub, r.back), to: undefined } : undefined;
  if (r.weekday !== undefined) {
    const d = pub && lastWeekday(pub, r.weekday);
    return d ? { from: d, to: undefined } : undefined;
  }
  const valid = (d: Day) => d.m >= 1 && d.m <= 12 && d.d >= 1 && d.d <= 31;
  if (!valid(r.from) || (r.to && !valid(r.to))) return undefined;
  const to = r.to && withYear(r.to, pub);
  const from = withYear(r.from, pub);
  // «30 декабря – 2 января» with the year given once, at the end.
  if (to?.y !== undefined && r.from.y === undefined && (from.m > to.m || from.y !== to.y))
    from.y = from.m > to.m ? to.y - 1 : to.y;
  return { from, to };
}

/** Every date in the text, in text order, each character read by one rule at most. */
export function findDates(doc: Doc): DateMention[] {
  const { text } = doc;
  const taken: [number, number][] = [];
  // The dateline is the publication date, not a fact's date.
  const dateline = DATELINE.exec(text.slice(0, 200));
  if (dateline) taken.push([dateline.index, dateline.index + dateline[0].length]);
  const out: DateMention[] = [];
  for (const rule of DATE_RULES) {
    for (const m of text.matchAll(rule.re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      const reading = rule.read([...m], doc.published);
      const days = reading && resolve(reading, doc.published);
      if (!reading || !days) {
        const relative = reading?.weekday !== undefined || (reading?.back ?? 0) > 0;
        if (relative) doc.warnings.push(`date not resolved without a publication date: «${m[0].trim()}»`);
        continue;
      }
      taken.push([start, end]);
      out.push({
        start,
        end,
        sent: sentenceAt(doc, start),
        ...days,
        monthOnly: !!reading.monthOnly,
        rule: rule.id,
      });
    }
  }
  out.sort((a, b) => a.start - b.start);
  return withSameDay(doc, out);
}

/** «В этот же день подписано соглашение»: the day of the date before it. */
function withSameDay(doc: Doc, dates: DateMention[]): DateMention[] {
  const extra: DateMention[] = [];
  for (const m of doc.text.matchAll(/(?<![\p{L}])в\s+(?:этот|тот)\s+(?:же\s+)?день/giu)) {
    const before = dates.filter((d) => d.start < m.index && !d.monthOnly).pop();
    if (!before) continue;
    const end = m.index + m[0].length;
    const sent = sentenceAt(doc, m.index);
    extra.push({
      start: m.index,
      end,
      sent,
      from: before.to ?? before.from,
      to: undefined,
      monthOnly: false,
      rule: 'date.same-day',
    });
  }
  return extra.length ? [...dates, ...extra].sort((a, b) => a.start - b.start) : dates;
}

/** The sentence holding a character offset (binary search). */
export function sentenceAt(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((doc.sentences[mid]?.start ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

/** The first date of a sentence that passes the test (dates are in text order: a binary search finds the sentence). */
export function dateIn(
  dates: DateMention[],
  sent: number,
  ok: (d: DateMention) => boolean = (d) => !d.monthOnly,
): DateMention | undefined {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((dates[mid] as DateMention).sent < sent) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < dates.length && (dates[i] as DateMention).sent === sent; i++)
    if (ok(dates[i] as DateMention)) return dates[i];
  return undefined;
}
