import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connect.ts';
import type { Database } from '../db/database.ts';
import { testEngines } from '../db/test-database.ts';
import { listAgreementsUnderTwinning } from '../modules/agreements/agreement.service.ts';
import { insertTestCity } from '../modules/audit/test-cities.ts';
import { listRecordsOfDocument } from '../modules/documents/record-source.repository.ts';
import { listVisits } from '../modules/visits/visit.service.ts';
import { readSeedArticle, seedDemo, type SeedArticle } from './seed-demo.ts';

async function countRows(db: Kysely<Database>) {
  const tables = [
    'organization',
    'person',
    'position',
    'visit',
    'agreement',
    'project',
    'event',
    'document',
  ] as const;
  const counts: Record<string, number> = {};
  for (const table of [...tables, 'twinning', 'record_source', 'audit_entry'] as const) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

describe.each(testEngines())('seed-demo on $engine', ({ open }) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  let baranovichi: number;
  let kuznetsk: number;

  let article: SeedArticle;

  beforeAll(async () => {
    article = await readSeedArticle();
    handle = await open();
    db = handle.db;
    baranovichi = await insertTestCity(db, 'Барановичи', 'Baranovichi', 'BY');
    kuznetsk = await insertTestCity(db, 'Кузнецк', 'Kuznetsk', 'RU');
  });
  afterAll(() => handle.close());

  it('loads the records of the seed article, each linked to its evidence', async () => {
    const result = await db.transaction().execute((trx) => seedDemo(trx, article));
    expect(result.created).toHaveLength(21);
    expect(result.updated).toEqual(['city: Кузнецк founded in 1780']);
    expect(await countRows(db)).toMatchObject({
      organization: 9,
      person: 3,
      position: 2,
      visit: 1,
      agreement: 2,
      project: 2,
      event: 2,
      document: 1,
      twinning: 1,
    });
    const [visit] = (await listVisits(db, { cityId: baranovichi, direction: 'outgoing', year: 2025 })).items;
    expect(visit).toMatchObject({ startDate: '2025-09-18', endDate: '2025-09-21', kind: 'working' });
    const underTwinning = await listAgreementsUnderTwinning(db, baranovichi, kuznetsk);
    expect(underTwinning.map((agreement) => agreement.parties.map((party) => party.name))).toContainEqual([
      'гимназия № 5',
      'лицей № 21',
    ]);
    const city = await db
      .selectFrom('city')
      .select('founded_year')
      .where('id', '=', kuznetsk)
      .executeTakeFirst();
    expect(city?.founded_year).toBe(1780);
    const people = await db
      .selectFrom('person')
      .select(['first_name', 'last_name'])
      .orderBy('sort_key')
      .execute();
    expect(people.map((person) => person.last_name)).toEqual(['Антонюк', 'Лугина', 'Щербаков']);

    const document = await db.selectFrom('document').select(['id', 'body']).executeTakeFirstOrThrow();
    const links = await listRecordsOfDocument(db, document.id);
    expect(links.length).toBe(22);
    const evidence = links.map((link) => document.body.slice(link.spanStart ?? 0, link.spanEnd ?? 0));
    expect(evidence).toContain('Вадимом Щербаковым');
    expect(links.every((link) => link.spanStart !== null)).toBe(true);
  });

  it('a second run finds everything and changes nothing', async () => {
    const before = await countRows(db);
    const result = await db.transaction().execute((trx) => seedDemo(trx, article));
    expect(result).toMatchObject({ created: [], updated: [], found: 23 });
    expect(await countRows(db)).toEqual(before);
  });

  it('names the folder when the seed article is not there', async () => {
    await expect(readSeedArticle('/nonexistent/seed')).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringMatching(/\/nonexistent\/seed.*--seed-dir/),
    });
  });
});
