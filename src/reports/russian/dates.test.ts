import { describe, expect, it } from 'vitest';
import { formatDateNumericRu, formatDateRangeRu, formatDateRu } from './dates.ts';
import { NBSP } from './typography.ts';

describe('Russian dates', () => {
  it('writes one date with the month in the genitive and «г.» tied to the year', () => {
    expect(formatDateRu('2025-09-18')).toBe(`18${NBSP}сентября 2025${NBSP}г.`);
    expect(formatDateRu('2026-03-01')).toBe(`1${NBSP}марта 2026${NBSP}г.`);
    expect(formatDateNumericRu('2025-09-08')).toBe('08.09.2025');
  });

  it('folds what the two ends of a span share', () => {
    expect(formatDateRangeRu('2025-09-18', '2025-09-21')).toBe(`18–21${NBSP}сентября 2025${NBSP}г.`);
    expect(formatDateRangeRu('2025-09-30', '2025-10-02')).toBe(
      `30${NBSP}сентября${NBSP}– 2${NBSP}октября 2025${NBSP}г.`,
    );
    expect(formatDateRangeRu('2025-12-30', '2026-01-02')).toBe(
      `30${NBSP}декабря 2025${NBSP}г.${NBSP}– 2${NBSP}января 2026${NBSP}г.`,
    );
    expect(formatDateRangeRu('2025-06-13', '2025-06-13')).toBe(formatDateRu('2025-06-13'));
  });

  it('refuses what is not a calendar date', () => {
    expect(() => formatDateRu('18.09.2025')).toThrow(/YYYY-MM-DD/);
  });
});
