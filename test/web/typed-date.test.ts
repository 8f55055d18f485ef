import { describe, expect, it } from 'vitest';
import { dateInputFormat, parseTypedDate } from '../../web/src/components/dates/typed-date.ts';

describe('a typed date', () => {
  it.each([
    // As Russian and Belarusian show it, and as a hurried hand types it.
    ['17.05.2024', '2024-05-17'],
    [' 5.6.2024 ', '2024-06-05'],
    ['05.06.2024', '2024-06-05'],
    // As English shows it: day first, never the American month first.
    ['17/05/2024', '2024-05-17'],
    ['5/6/2024', '2024-06-05'],
    // Dashes, day first or year first, with or without leading zeros.
    ['17-05-2024', '2024-05-17'],
    ['2024-05-17', '2024-05-17'],
    ['2024-5-7', '2024-05-07'],
    ['29.02.2024', '2024-02-29'],
    ['29.02.2000', '2000-02-29'],
  ])('«%s» is %s', (typed, day) => {
    expect(parseTypedDate(typed)).toBe(day);
  });

  it.each([
    // Days that do not exist.
    '31.02.2024',
    '29.02.2023',
    '29.02.1900',
    '31.04.2024',
    '2024-02-30',
    '00.05.2024',
    '17.13.2024',
    '17.00.2024',
    // Not a whole day, or a year still being typed.
    '05.2024',
    '17.05.24',
    '17.05.202',
    '2024-05',
    '24-05-17',
    '0050-01-01',
    // American order, and forms no field has read.
    '05/17/2024',
    '2024/05/17',
    '17 05 2024',
    'завтра',
    '',
  ])('«%s» is no day', (typed) => {
    expect(parseTypedDate(typed)).toBeNull();
  });
});

describe('the format a date field shows', () => {
  it('is day.month.year in Russian and Belarusian, day/month/year in English', () => {
    expect(dateInputFormat('ru')).toBe('DD.MM.YYYY');
    expect(dateInputFormat('be')).toBe('DD.MM.YYYY');
    expect(dateInputFormat('en')).toBe('DD/MM/YYYY');
  });
});
