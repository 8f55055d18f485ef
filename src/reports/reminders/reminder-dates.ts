/**
 * Calendar arithmetic for reminders on `YYYY-MM-DD` strings: pure, no database, no clock, no time
 * zone (a date is a day on the calendar, as the registry's `date` columns are).
 */

const DAY_MS = 86_400_000;

function toUtcMs(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`Not a YYYY-MM-DD date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The date `days` days after `date` (before it when negative). */
export function addDays(date: string, days: number): string {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** How many days from `from` to `to`: positive when `to` is later, negative when earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** The same calendar day `years` years earlier or later; 29 February falls on 28 February in other years. */
export function addYears(date: string, years: number): string {
  return onMonthDay(Number(date.slice(0, 4)) + years, date.slice(5));
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The date of a yearly day (`MM-DD`) in a given year. A day set on 29 February is kept on
 * 28 February in common years: it stays in its month, as most Russian offices keep such days.
 */
export function onMonthDay(year: number, monthDay: string): string {
  const day = monthDay === '02-29' && !isLeapYear(year) ? '02-28' : monthDay;
  return `${String(year).padStart(4, '0')}-${day}`;
}

/** `MM-DD` of a city day stored as an ISO 8601 recurring date (`--MM-DD`); undefined when malformed. */
export function monthDayOf(cityDay: string | null): string | undefined {
  const match = cityDay === null ? null : /^--((0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))$/.exec(cityDay);
  return match?.[1];
}

/** A window of days: from `from` up to and including `to`. */
export interface DateWindow {
  from: string;
  to: string;
}

/** The window of `days` days starting on `from` (`from` itself is day one). */
export function windowOf(from: string, days: number): DateWindow {
  return { from, to: addDays(from, Math.max(days, 1) - 1) };
}

export function inWindow(date: string, window: DateWindow): boolean {
  return date >= window.from && date <= window.to;
}

/** Every date of a yearly day that falls inside the window (more than one when it spans years). */
export function yearlyDatesIn(monthDay: string, window: DateWindow): string[] {
  const dates: string[] = [];
  for (let year = Number(window.from.slice(0, 4)); year <= Number(window.to.slice(0, 4)); year++) {
    const date = onMonthDay(year, monthDay);
    if (inWindow(date, window)) dates.push(date);
  }
  return dates;
}

/** A round anniversary: the date it falls on and how many years it marks. */
export interface Anniversary {
  date: string;
  years: number;
}

/**
 * Round anniversaries (every `step` years, the first at `step`) of something that began in
 * `originYear` on the yearly day `monthDay`, falling inside the window.
 */
export function roundAnniversariesIn(
  originYear: number,
  monthDay: string,
  window: DateWindow,
  step = 5,
): Anniversary[] {
  return yearlyDatesIn(monthDay, window)
    .map((date) => ({ date, years: Number(date.slice(0, 4)) - originYear }))
    .filter(({ years }) => years > 0 && years % step === 0);
}

/**
 * Round anniversaries of something whose year only is known (a founding year without a city day):
 * the whole year is the anniversary, dated 1 January, and it is listed when the window touches
 * that year.
 */
export function roundYearsIn(originYear: number, window: DateWindow, step = 5): Anniversary[] {
  const found: Anniversary[] = [];
  for (let year = Number(window.from.slice(0, 4)); year <= Number(window.to.slice(0, 4)); year++) {
    const years = year - originYear;
    if (years > 0 && years % step === 0) found.push({ date: onMonthDay(year, '01-01'), years });
  }
  return found;
}
