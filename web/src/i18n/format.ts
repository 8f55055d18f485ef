import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { currentLanguage, isLanguage, type Language } from './index.ts';

/** BCP 47 tags for Intl: Belarusian falls back to Russian formats where the runtime lacks `be`. */
const INTL_LOCALE: Record<Language, string[]> = { ru: ['ru-RU'], be: ['be-BY', 'ru-RU'], en: ['en-GB'] };

function locales(language?: string): string[] {
  return INTL_LOCALE[isLanguage(language) ? language : currentLanguage()];
}

/**
 * Whether dates in Belarusian need dayjs's month names: browsers whose ICU lacks `be` (Debian's
 * Chromium, some Chrome builds) would write them in Russian («17 мая» for «17 траўня»).
 */
const belarusianFromDayjs =
  typeof Intl.DateTimeFormat.supportedLocalesOf === 'function' &&
  Intl.DateTimeFormat.supportedLocalesOf(['be']).length === 0;

/** Whether this language's long dates are written by dayjs (Belarusian without `be` in Intl). */
function byDayjs(language?: string): boolean {
  return belarusianFromDayjs && (isLanguage(language) ? language : currentLanguage()) === 'be';
}

/** «17 траўня 2024 г.» from dayjs's `be` locale (months in the genitive after the day). */
function belarusianDate(date: Date): string {
  return `${dayjs(date).locale('be').format('D MMMM YYYY')}\u00a0г.`;
}

/** A date-only value («2024-05-17») or a timestamp, as a Date at local midnight for date-only ones. */
function toDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (dateOnly) return new Date(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3]));
  return new Date(value);
}

/** «17 мая 2024 г.» / «17 May 2024». */
export function formatDate(value: string | Date | null | undefined, language?: string): string {
  if (value === null || value === undefined || value === '') return '';
  if (byDayjs(language)) return belarusianDate(toDate(value));
  return new Intl.DateTimeFormat(locales(language), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(toDate(value));
}

/** «17.05.2024» / «17/05/2024»: for tables. */
export function formatShortDate(value: string | Date | null | undefined, language?: string): string {
  if (value === null || value === undefined || value === '') return '';
  return new Intl.DateTimeFormat(locales(language), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(toDate(value));
}

/** Date and time of a timestamp: «17 мая 2024 г., 14:05». */
export function formatDateTime(value: string | Date | null | undefined, language?: string): string {
  if (value === null || value === undefined || value === '') return '';
  if (byDayjs(language)) return `${belarusianDate(toDate(value))}, ${dayjs(toDate(value)).format('HH:mm')}`;
  return new Intl.DateTimeFormat(locales(language), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(toDate(value));
}

/** «15–17 мая 2024 г.»; one date when the range is a single day or open-ended. */
export function formatDateRange(
  start: string | Date | null | undefined,
  end: string | Date | null | undefined,
  language?: string,
): string {
  if (!start) return formatDate(end, language);
  if (!end) return formatDate(start, language);
  const format = new Intl.DateTimeFormat(locales(language), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const from = toDate(start);
  const to = toDate(end);
  if (from.getTime() === to.getTime()) return formatDate(from, language);
  if (byDayjs(language)) {
    const sameYear = from.getFullYear() === to.getFullYear();
    if (sameYear && from.getMonth() === to.getMonth()) return `${from.getDate()}–${belarusianDate(to)}`;
    if (sameYear) return `${dayjs(from).locale('be').format('D MMMM')} – ${belarusianDate(to)}`;
    return `${belarusianDate(from)} – ${belarusianDate(to)}`;
  }
  return format.formatRange(from, to);
}

/** «26 114» / «26,114». */
export function formatNumber(value: number | null | undefined, language?: string): string {
  if (value === null || value === undefined) return '';
  return new Intl.NumberFormat(locales(language)).format(value);
}

/** The formatters bound to the current language; components re-render when it changes. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return {
    language,
    date: (value: string | Date | null | undefined) => formatDate(value, language),
    shortDate: (value: string | Date | null | undefined) => formatShortDate(value, language),
    dateTime: (value: string | Date | null | undefined) => formatDateTime(value, language),
    dateRange: (start: string | Date | null | undefined, end: string | Date | null | undefined) =>
      formatDateRange(start, end, language),
    number: (value: number | null | undefined) => formatNumber(value, language),
  };
}
