import { beforeAll, describe, expect, it } from 'vitest';
import { facts, prepareExtractor } from './golden.ts';

beforeAll(prepareExtractor, 60_000);

// Each snippet: a visit sentence, the publication date (or none), the expected start and end.
const CASES: [string, string | undefined, string | null, string | null][] = [
  [
    'С 18 по 21 сентября делегация Барановичей находилась с визитом в Кузнецке.',
    undefined,
    '--09-18',
    '--09-21',
  ],
  [
    'С 18 по 21 сентября делегация Барановичей находилась с визитом в Кузнецке.',
    '2025-09-25',
    '2025-09-18',
    '2025-09-21',
  ],
  [
    '20-22 июня этого года делегация Гомеля побывала с рабочим визитом в Кузнецке.',
    '2024-07-01',
    '2024-06-20',
    '2024-06-22',
  ],
  ['3–5 мая 2018 г. состоялся визит делегации Пензы в Барановичи.', undefined, '2018-05-03', '2018-05-05'],
  ['Со 2 по 8 июня делегация из Пензы гостила в Пинске.', undefined, '--06-02', '--06-08'],
  [
    'С 30 сентября по 2 октября 2023 года делегация Кузнецка гостила в Барановичах.',
    undefined,
    '2023-09-30',
    '2023-10-02',
  ],
  [
    '9 февраля 2024 года делегация Бреста посетила Кузнецк с официальным визитом.',
    undefined,
    '2024-02-09',
    '2024-02-09',
  ],
  [
    'Сегодня, 19 июня, в Барановичи с рабочим визитом прибыла делегация Кузнецка.',
    '2025-06-19',
    '2025-06-19',
    null,
  ],
  ['Вчера в Барановичи прибыла делегация из Кузнецка.', '2025-03-12', '2025-03-11', null],
  ['В минувшую пятницу делегация Кузнецка посетила Барановичи.', '2025-09-25', '2025-09-19', '2025-09-19'],
  [
    'В среду, 18 сентября, делегация Кузнецка совершила визит в Барановичи.',
    '2024-09-20',
    '2024-09-18',
    '2024-09-18',
  ],
  ['Делегация Кузнецка приедут в Барановичи 25 мая.', undefined, '--05-25', null],
  ['Ответный визит делегации Барановичей в Кузнецк намечен на 27-28 июля.', undefined, '--07-27', '--07-28'],
  ['В сентябре 2024 года делегация Барановичей посетила Кузнецк.', undefined, null, null],
  ['18 и 19 сентября делегация Пинска находилась в Кузнецке.', undefined, '--09-18', '--09-19'],
];

describe('visit dates', () => {
  it.each(CASES)('%s (published %s)', (text, date, start, end) => {
    const [visit] = facts(text, { date }).visits;
    expect(visit).toBeDefined();
    expect([visit?.start, visit?.end]).toEqual([start, end]);
  });

  it('takes the end from a later sentence when the first gives only the arrival', () => {
    const text =
      '18 сентября в Кузнецк прибыла делегация из Барановичей. Гости посетили гимназию № 3. ' +
      '21 сентября делегация вернулась домой.';
    const [visit] = facts(text).visits;
    expect([visit?.start, visit?.end]).toEqual(['--09-18', '--09-21']);
  });

  it('reads the day of a dateline as the publication date for «сегодня»', () => {
    const text = 'Барановичи, 11 сентября /Корр. БЕЛТА/. Сегодня в Барановичи прибыла делегация из Кузнецка.';
    expect(facts(text).visits[0]?.start).toBe('--09-11');
  });

  it('reads a numeric date on a line of its own under the headline as the publication date', () => {
    const text =
      'Пинск и Кузнецк стали побратимами\n\n14.03.2024 г.\n\n' +
      '12 марта с.г. мэр Пинска и глава Кузнецка подписали соглашение о сотрудничестве.';
    expect(facts(text).agreements.map((a) => a.signed_on)).toEqual(['2024-03-12']);
  });

  it('leaves a weekday unresolved without a publication date and says so', () => {
    const out = facts('В минувшую пятницу делегация Кузнецка посетила Барановичи.');
    expect(out.visits[0]?.start).toBeNull();
    expect(out.warnings.join(' ')).toMatch(/пятницу/);
  });
});
