/**
 * Russian dates as official documents write them: «18 сентября 2025 г.», «18–21 сентября 2025 г.».
 * Hand-written because Intl.DateTimeFormat('ru') gives «18 сентября 2025 г.» for one date but no
 * range form that folds a shared month and year («18–21 сентября»), and every piece here needs
 * non-breaking spaces that Intl does not put in.
 */
import { EN_DASH, NBSP } from './typography.ts';

/** Months in the genitive, as after a day number. */
export const MONTHS_GENITIVE = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
] as const;

interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

function parseIsoDate(iso: string): CalendarDay {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`Not a calendar date (YYYY-MM-DD): ${iso}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function dayMonth({ day, month }: CalendarDay): string {
  return `${day}${NBSP}${MONTHS_GENITIVE[month - 1]}`;
}

function yearMark(year: number): string {
  return `${year}${NBSP}г.`;
}

/** One date: «18 сентября 2025 г.» (non-breaking spaces inside). */
export function formatDateRu(iso: string): string {
  const date = parseIsoDate(iso);
  return `${dayMonth(date)} ${yearMark(date.year)}`;
}

/**
 * A span of days with what the two ends share written once: «18–21 сентября 2025 г.»,
 * «30 сентября – 2 октября 2025 г.», «30 декабря 2025 г. – 2 января 2026 г.»; one day is one date.
 */
export function formatDateRangeRu(startIso: string, endIso: string): string {
  const start = parseIsoDate(startIso);
  const end = parseIsoDate(endIso);
  if (startIso === endIso) return formatDateRu(startIso);
  if (start.year !== end.year) return `${formatDateRu(startIso)}${NBSP}${EN_DASH} ${formatDateRu(endIso)}`;
  if (start.month !== end.month) {
    return `${dayMonth(start)}${NBSP}${EN_DASH} ${dayMonth(end)} ${yearMark(end.year)}`;
  }
  return `${start.day}${EN_DASH}${end.day}${NBSP}${MONTHS_GENITIVE[end.month - 1]} ${yearMark(end.year)}`;
}

/** A date in the short numeric form of tables and registers: «18.09.2025». */
export function formatDateNumericRu(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`;
}
