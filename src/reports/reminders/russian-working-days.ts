/**
 * Working days on the Russian production calendar (the five-day week), for deadlines counted in
 * working days such as an agreement's registration.
 *
 * Written by hand: no package on npm carries the Government's yearly decrees that move days off
 * (a holiday falling on a weekend moves to a weekday the decree picks, some Saturdays become working
 * days); `date-holidays`, the trusted worldwide package, knows the fixed public holidays of the
 * Labour Code (art. 112) but not these transfers, so it counts wrong days around New Year, May and
 * November. The tables below are the non-working weekdays and the working weekend days of each
 * year, taken from the decrees of the Government of the Russian Federation on the transfer of days
 * off: for 2024 No. 1314 of 10 August 2023, for 2025 No. 1335 of 4 October 2024, for 2026 the decree
 * signed on 24 September 2025, for 2027 the decree published in September 2026. A year not listed
 * here is counted by the Labour Code alone: Monday to Friday without its fixed holidays (1–8 January,
 * 23 February, 8 March, 1 and 9 May, 12 June, 4 November). Add each new year when its decree appears.
 */

/** Weekdays that are not worked: public holidays and the days off moved onto weekdays. */
const NON_WORKING_WEEKDAYS: Record<number, string[]> = {
  2024: [
    '01-01',
    '01-02',
    '01-03',
    '01-04',
    '01-05',
    '01-08',
    '02-23',
    '03-08',
    '04-29',
    '04-30',
    '05-01',
    '05-09',
    '05-10',
    '06-12',
    '11-04',
    '12-30',
    '12-31',
  ],
  2025: [
    '01-01',
    '01-02',
    '01-03',
    '01-06',
    '01-07',
    '01-08',
    '05-01',
    '05-02',
    '05-08',
    '05-09',
    '06-12',
    '06-13',
    '11-03',
    '11-04',
    '12-31',
  ],
  2026: [
    '01-01',
    '01-02',
    '01-05',
    '01-06',
    '01-07',
    '01-08',
    '01-09',
    '02-23',
    '03-09',
    '05-01',
    '05-11',
    '06-12',
    '11-04',
    '12-31',
  ],
  2027: [
    '01-01',
    '01-04',
    '01-05',
    '01-06',
    '01-07',
    '01-08',
    '02-22',
    '02-23',
    '03-08',
    '05-03',
    '05-10',
    '06-14',
    '11-04',
    '11-05',
    '12-31',
  ],
};

/** Saturdays and Sundays that are worked, by the same decrees. */
const WORKING_WEEKEND_DAYS: Record<number, string[]> = {
  2024: ['04-27', '11-02', '12-28'],
  2025: ['11-01'],
  2026: [],
  2027: ['02-20'],
};

/** The Labour Code's fixed non-working holidays (art. 112), for years without a decree here. */
const FIXED_HOLIDAYS = [
  '01-01',
  '01-02',
  '01-03',
  '01-04',
  '01-05',
  '01-06',
  '01-07',
  '01-08',
  '02-23',
  '03-08',
  '05-01',
  '05-09',
  '06-12',
  '11-04',
];

/** The years whose decrees are in the tables. */
export const CALENDAR_YEARS = Object.keys(NON_WORKING_WEEKDAYS).map(Number);

function parts(date: string): { year: number; monthDay: string; weekday: number } {
  const match = /^(\d{4})-(\d{2}-\d{2})$/.exec(date);
  if (!match) throw new Error(`Not a YYYY-MM-DD date: ${date}`);
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return { year: Number(match[1]), monthDay: match[2] as string, weekday };
}

/** Whether the day is worked on the Russian five-day week. */
export function isRussianWorkingDay(date: string): boolean {
  const { year, monthDay, weekday } = parts(date);
  const weekend = weekday === 0 || weekday === 6;
  const nonWorking = NON_WORKING_WEEKDAYS[year];
  if (nonWorking === undefined) return !weekend && !FIXED_HOLIDAYS.includes(monthDay);
  if (weekend) return (WORKING_WEEKEND_DAYS[year] ?? []).includes(monthDay);
  return !nonWorking.includes(monthDay);
}

const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The day `count` working days after `date`: the day of the event itself is not counted (as the
 * Civil Code counts a period from the day after the event), and the deadline is always a working day.
 */
export function addRussianWorkingDays(date: string, count: number): string {
  let day = date;
  let left = count;
  while (left > 0) {
    day = nextDay(day);
    if (isRussianWorkingDay(day)) left--;
  }
  return day;
}
