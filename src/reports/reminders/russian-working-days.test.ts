import { describe, expect, it } from 'vitest';
import { addRussianWorkingDays, CALENDAR_YEARS, isRussianWorkingDay } from './russian-working-days.ts';

const workingDaysIn = (year: number) => {
  let count = 0;
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    if (isRussianWorkingDay(new Date(t).toISOString().slice(0, 10))) count++;
  }
  return count;
};

describe('the Russian production calendar', () => {
  it('has the number of working days each year that the published calendars state', () => {
    // The production calendars of the five-day week: 248 working days in 2024, 247 in 2025, 2026 and 2027.
    expect(CALENDAR_YEARS).toEqual([2024, 2025, 2026, 2027]);
    expect([2024, 2025, 2026, 2027].map(workingDaysIn)).toEqual([248, 247, 247, 247]);
  });

  it('knows holidays moved onto weekdays and Saturdays that are worked', () => {
    expect(isRussianWorkingDay('2025-05-08')).toBe(false); // 23 February moved here
    expect(isRussianWorkingDay('2025-11-01')).toBe(true); // a working Saturday
    expect(isRussianWorkingDay('2025-11-03')).toBe(false);
    expect(isRussianWorkingDay('2026-01-09')).toBe(false);
    expect(isRussianWorkingDay('2026-01-12')).toBe(true);
    expect(isRussianWorkingDay('2026-12-31')).toBe(false);
  });

  it('counts a deadline in working days across the New Year holidays', () => {
    // Signed on Monday 28 December 2026: 29 and 30 December are worked, 31 December to 10 January
    // are not (the 2027 decree), then working days from 11 January.
    expect(addRussianWorkingDays('2026-12-28', 10)).toBe('2027-01-20');
    expect(addRussianWorkingDays('2026-12-08', 10)).toBe('2026-12-22');
    // A Friday before the May holidays of 2025: 1–4 and 8–11 May are not worked.
    expect(addRussianWorkingDays('2025-04-30', 3)).toBe('2025-05-07');
  });

  it('counts a year without a decree by the Labour Code’s holidays alone', () => {
    expect(isRussianWorkingDay('2030-01-08')).toBe(false);
    expect(isRussianWorkingDay('2030-01-09')).toBe(true);
    expect(isRussianWorkingDay('2030-06-12')).toBe(false);
  });
});
