import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { extract } from './index.ts';
import { extractionResultSchema } from './extraction.schema.ts';
import { facts, prepareExtractor } from './golden.ts';
import { sharedDir } from '../shared-dir.ts';

beforeAll(prepareExtractor, 60_000);

const SEED = sharedDir('seed', '000_99b162f3906cbee7');
const seedText = readFileSync(`${SEED}.txt`, 'utf8');
const expected = JSON.parse(readFileSync(`${SEED}.expected.json`, 'utf8')) as Record<string, unknown[]>;
const sorted = (list: unknown[]) => list.map((x) => JSON.stringify(x)).sort();

describe('the seed article', () => {
  it('gives exactly the expected facts, category by category', () => {
    const got = facts(seedText) as unknown as Record<string, unknown[]>;
    for (const key of Object.keys(expected))
      expect(sorted(got[key] ?? []), key).toEqual(sorted(expected[key] ?? []));
    expect(got.warnings).toEqual([]);
  });

  it('dates the visit in the publication year with --date', () => {
    const [visit] = facts(seedText, { date: '2025-09-25' }).visits;
    expect([visit?.start, visit?.end]).toEqual(['2025-09-18', '2025-09-21']);
  });

  it('gives evidence spans that point at the text of each fact', () => {
    const r = extract(seedText);
    const [a, b] = r.visits[0]?.span ?? [0, 0];
    expect(seedText.slice(a, b)).toContain('во главе с');
    const person = r.persons.find((p) => p.name === 'Максим Антонюк');
    expect(seedText.slice(...(person?.span ?? [0, 0]))).toBe('Максима Антонюка');
    expect(r.visits[0]?.rule).toBe('visit.noun');
  });

  it('matches the contract schema', () => {
    expect(extractionResultSchema.safeParse(extract(seedText)).success).toBe(true);
  });
});

describe('odd input never throws', () => {
  const odd: [string, string][] = [
    ['empty', ''],
    ['spaces', '   \n\n\t '],
    ['html', '<p>Делегация из <b>Кузнецка</b> посетила Барановичи&nbsp;18&nbsp;мая.</p><script>x()</script>'],
    ['latin', 'The delegation of Baranovichi visited Kuznetsk on 18 September.'],
    ['belarusian', 'Дэлегацыя з Баранавічаў наведала горад-пабрацім Кузнецк 18 верасня.'],
    ['emoji', '🎉🎉 Делегация 🇧🇾 из Барановичей посетила Кузнецк 👍 18 сентября.'],
    ['lone surrogates', 'Делегация \ud800 из Барановичей \udfff посетила Кузнецк.'],
    ['punctuation only', '…—–«»№№№ . , ; :'],
    ['numbers', '1 2 3 4 5 6 7 8 9 10 — 99.99.9999 31 февраля 2024 года'],
  ];
  it.each(odd)('%s', (_name, text) => {
    const r = extract(text);
    expect(extractionResultSchema.safeParse(r).success).toBe(true);
  });

  it('reads a 1 MB text in linear time and returns a valid result', () => {
    const big = seedText.repeat(Math.ceil(1_000_000 / seedText.length));
    const started = performance.now();
    const r = extract(big);
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(extractionResultSchema.safeParse(r).success).toBe(true);
    expect(r.visits.length).toBeGreaterThan(0);
  });

  it('reports a bad publication date as a warning', () => {
    expect(extract('Текст.', { date: '2025-02-30' }).warnings).toContain('not a date: 2025-02-30');
  });

  it('keeps every array even when nothing is found', () => {
    const r = facts('Погода сегодня солнечная.');
    expect(r).toEqual({
      visits: [],
      agreements: [],
      projects: [],
      events: [],
      persons: [],
      organizations: [],
      warnings: [],
    });
  });
});
