/**
 * How every date field reads what is typed into it and shows the day it holds: the record forms'
 * fields and the list filters alike, so «17-05-2024» or «2024-5-7» means the same day everywhere.
 * Mantine's own parser would not do: it reads only the ISO form and whatever `Date` guesses
 * (which takes 05.06 as 6 May).
 */

/**
 * The day as a date field shows it (a dayjs format, Mantine's `valueFormat`): «17.05.2024» in
 * Russian and Belarusian, «17/05/2024» in English.
 */
export function dateInputFormat(language: string): string {
  return language === 'en' ? 'DD/MM/YYYY' : 'DD.MM.YYYY';
}

// Day first, as all three languages write it, whichever of the separators they use; no two-digit
// years, which the field would read as a whole day while the user is still typing the year.
const DAY_FIRST = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * A typed day as `YYYY-MM-DD`, or null when it is not one: «17.05.2024», «17/05/2024»,
 * «17-05-2024», «5.6.2024» (day first) or «2024-05-17», «2024-5-7» (ISO, zeros optional).
 */
export function parseTypedDate(text: string): string | null {
  const trimmed = text.trim();
  const dayFirst = DAY_FIRST.exec(trimmed);
  const iso = ISO.exec(trimmed);
  const parts = dayFirst ? [dayFirst[3], dayFirst[2], dayFirst[1]] : iso ? [iso[1], iso[2], iso[3]] : null;
  if (!parts) return null;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  // Years before 1000 are typos here, and dayjs and `Date` would show 0050 as 1950.
  if (year < 1000 || month < 1 || month > 12 || day < 1) return null;
  const days = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
  if (day > days) return null;
  return `${year}-${twoDigits(month)}-${twoDigits(day)}`;
}
