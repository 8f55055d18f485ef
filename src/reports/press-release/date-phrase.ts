/**
 * Dates as a press release writes them: «18 сентября», «с 18 по 21 сентября», «с 30 сентября по
 * 2 октября», «с 30 декабря 2025 года по 2 января 2026 года». Hand-written: Intl's Russian month
 * names are right («18 сентября»), but it has no «с … по …» range of the official register.
 */
import { MONTHS_GENITIVE } from '../russian/dates.ts';

interface Day {
  y: number;
  m: number;
  d: number;
}

function parseIsoDay(iso: string): Day {
  const [y, m, d] = iso.split('-').map(Number);
  return { y: y!, m: m!, d: d! };
}

const dayMonth = (day: Day) => `${day.d} ${MONTHS_GENITIVE[day.m - 1]}`;
const withYear = (day: Day) => `${dayMonth(day)} ${day.y} года`;

/**
 * The days of a visit or an event, in lower case (the sentence capitalizes it). The year is written
 * when `year` is true, and always when the range crosses a new year.
 */
export function datePhrase(startIso: string, endIso: string | null, options: { year: boolean }): string {
  const start = parseIsoDay(startIso);
  const end = parseIsoDay(endIso ?? startIso);
  const same = start.y === end.y && start.m === end.m;
  if (same && start.d === end.d) return options.year ? withYear(start) : dayMonth(start);
  if (start.y !== end.y) return `с ${withYear(start)} по ${withYear(end)}`;
  const tail = options.year ? ` ${end.y} года` : '';
  if (same) return `с ${start.d} по ${dayMonth(end)}${tail}`;
  return `с ${dayMonth(start)} по ${dayMonth(end)}${tail}`;
}

/** The first letter in upper case: a phrase that opens a sentence. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The first letter in lower case, unless the first word is an abbreviation or a name in capitals. */
export function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
