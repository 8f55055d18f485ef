import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedDir } from '../../shared-dir.ts';
import { MAX_TITLE_LENGTH, pressReleaseTitle } from './document-title.ts';

const SEED = readFileSync(sharedDir('seed', '000_99b162f3906cbee7.txt'), 'utf8');

describe('the title of a press release', () => {
  it.each([
    [
      'the headline, followed directly by the text',
      'Рабочий визит делегации города Барановичи в город-побратим Кузнецк\nС 18 по 21 сентября делегация совершила визит.',
      'Рабочий визит делегации города Барановичи в город-побратим Кузнецк',
    ],
    [
      'the headline, then a blank line',
      '  Дни культуры Кутно в Барановичах  \n\nС 5 по 7 мая в городе прошли Дни культуры.',
      'Дни культуры Кутно в Барановичах',
    ],
    [
      'the headline of a hard-wrapped text',
      'Визит в Кузнецк\nС 18 по 21 сентября официальная делегация из города Барановичи во главе\n' +
        'с заместителем председателя горисполкома Вадимом Щербаковым совершила\n' +
        'рабочий визит в город-побратим Кузнецк (Российская Федерация). Эта\nпоездка стала знаковым событием.',
      'Визит в Кузнецк',
    ],
    [
      'the first sentence when there is no headline, abbreviations and initials inside it',
      'Делегация г. Барановичи во главе с В. Щербаковым посетила Кузнецк. Затем гости побывали в лицее.',
      'Делегация г. Барановичи во главе с В. Щербаковым посетила Кузнецк',
    ],
    ['a placeholder for a text of blanks', ' \n \n', 'Пресс-релиз'],
  ])('%s', (_case, text, title) => {
    expect(pressReleaseTitle(text)).toBe(title);
  });

  it('cuts the seed article, which has no headline, at a word with an ellipsis', () => {
    const title = pressReleaseTitle(SEED);
    expect(title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
    expect(title).toMatch(/^С 18 по 21 сентября официальная делегация из города Барановичи .*[^\s,]…$/);
    const words = title.slice(0, -1);
    const unwrapped = SEED.replace(/\s+/g, ' ');
    expect(unwrapped.startsWith(words)).toBe(true);
    expect(unwrapped[words.length]).toBe(' ');
  });

  it('cuts a long headline between words, never inside one', () => {
    const headline = `${'Очень длинный заголовок о сотрудничестве '.repeat(6).trim()}\nТекст.`;
    const title = pressReleaseTitle(headline);
    expect(title.endsWith('…')).toBe(true);
    expect(title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
    const kept = title.slice(0, -1).split(' ');
    expect(headline.split(/\s+/).slice(0, kept.length)).toEqual(kept);
  });
});
