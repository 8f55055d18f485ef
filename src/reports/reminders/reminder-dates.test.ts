import { describe, expect, it } from 'vitest';
import {
  addDays,
  addYears,
  daysBetween,
  monthDayOf,
  roundAnniversariesIn,
  roundYearsIn,
  windowOf,
  yearlyDatesIn,
} from './reminder-dates.ts';

describe('reminder dates', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(daysBetween('2025-12-25', '2026-01-04')).toBe(10);
    expect(daysBetween('2025-09-18', '2025-09-17')).toBe(-1);
  });

  it('keeps 29 February on 28 February in common years', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2025-09-18', -2)).toBe('2023-09-18');
    expect(yearlyDatesIn('02-29', windowOf('2025-02-01', 60))).toEqual(['2025-02-28']);
    expect(yearlyDatesIn('02-29', windowOf('2028-02-01', 60))).toEqual(['2028-02-29']);
  });

  it('reads city days stored as --MM-DD and refuses anything else', () => {
    expect(monthDayOf('--09-20')).toBe('09-20');
    expect(monthDayOf('2025-09-20')).toBeUndefined();
    expect(monthDayOf('--13-01')).toBeUndefined();
    expect(monthDayOf(null)).toBeUndefined();
  });

  it('counts the first day of the window as day one, and finds a day once per year it spans', () => {
    expect(windowOf('2025-09-18', 1)).toEqual({ from: '2025-09-18', to: '2025-09-18' });
    expect(yearlyDatesIn('09-18', windowOf('2025-09-18', 1))).toEqual(['2025-09-18']);
    expect(yearlyDatesIn('01-05', windowOf('2025-12-20', 30))).toEqual(['2026-01-05']);
    expect(yearlyDatesIn('12-31', windowOf('2025-12-31', 400))).toEqual(['2025-12-31', '2026-12-31']);
    expect(yearlyDatesIn('12-30', windowOf('2025-12-31', 364))).toEqual([]);
  });

  it('finds round anniversaries only, every five years, and says which', () => {
    // Founded 1780, city day in September: 245 years in 2025.
    expect(roundAnniversariesIn(1780, '09-20', windowOf('2025-09-01', 30))).toEqual([
      { date: '2025-09-20', years: 245 },
    ]);
    expect(roundAnniversariesIn(1781, '09-20', windowOf('2025-09-01', 30))).toEqual([]);
    // Not a zeroth anniversary in the founding year itself.
    expect(roundAnniversariesIn(2025, '09-20', windowOf('2025-09-01', 30))).toEqual([]);
    // An anniversary today is inside the window.
    expect(roundAnniversariesIn(2015, '11-25', windowOf('2025-11-25', 1))).toEqual([
      { date: '2025-11-25', years: 10 },
    ]);
    // Yesterday's is not.
    expect(roundAnniversariesIn(2015, '11-24', windowOf('2025-11-25', 30))).toEqual([]);
    // Established on 29 February 2004: the 25th, in a common year, falls on 28 February 2029.
    expect(roundAnniversariesIn(2004, '02-29', windowOf('2029-01-01', 90))).toEqual([
      { date: '2029-02-28', years: 25 },
    ]);
    // Across the year end.
    expect(roundAnniversariesIn(2016, '01-03', windowOf('2025-12-15', 30))).toEqual([
      { date: '2026-01-03', years: 10 },
    ]);
  });

  it('dates a jubilee known by its year only on 1 January, when the window touches the year', () => {
    expect(roundYearsIn(1780, windowOf('2025-09-01', 30))).toEqual([{ date: '2025-01-01', years: 245 }]);
    expect(roundYearsIn(1780, windowOf('2025-12-20', 30))).toEqual([{ date: '2025-01-01', years: 245 }]);
    expect(roundYearsIn(1781, windowOf('2025-12-20', 30))).toEqual([{ date: '2026-01-01', years: 245 }]);
  });
});
