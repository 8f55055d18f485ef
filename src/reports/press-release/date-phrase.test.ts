import { describe, expect, it } from 'vitest';
import { capitalize, datePhrase, lowerFirst } from './date-phrase.ts';

describe('datePhrase', () => {
  it('writes one day, a range in one month and a range across months as a press release does', () => {
    expect(datePhrase('2025-09-18', '2025-09-18', { year: false })).toBe('18 сентября');
    expect(datePhrase('2025-09-18', null, { year: true })).toBe('18 сентября 2025 года');
    expect(capitalize(datePhrase('2025-09-18', '2025-09-21', { year: false }))).toBe('С 18 по 21 сентября');
    expect(datePhrase('2025-09-18', '2025-09-21', { year: true })).toBe('с 18 по 21 сентября 2025 года');
    expect(datePhrase('2025-09-30', '2025-10-02', { year: false })).toBe('с 30 сентября по 2 октября');
    expect(datePhrase('2025-01-31', '2025-02-01', { year: true })).toBe('с 31 января по 1 февраля 2025 года');
  });

  it('writes both years of a range that crosses the new year, asked or not', () => {
    expect(datePhrase('2025-12-30', '2026-01-02', { year: false })).toBe(
      'с 30 декабря 2025 года по 2 января 2026 года',
    );
  });
});

describe('lowerFirst', () => {
  it('lowers a capital that opens a phrase, not an abbreviation', () => {
    expect(lowerFirst('Встреча с главой администрации')).toBe('встреча с главой администрации');
    expect(lowerFirst('МБОУ «Лицей № 21»')).toBe('МБОУ «Лицей № 21»');
  });
});
