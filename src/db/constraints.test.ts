import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './connect.ts';
import type { Database } from './database.ts';
import { testEngines } from './test-database.ts';

async function addCity(db: Kysely<Database>, name_en: string, name_ru: string): Promise<number> {
  const row = await db
    .insertInto('city')
    .values({
      name_en,
      name_ru,
      country: 'BY',
      latitude: null,
      longitude: null,
      timezone: null,
      founded_year: null,
      city_day: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

describe.each(testEngines())('schema rules on $engine', ({ open }) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  let minsk: number;
  let brest: number;

  beforeAll(async () => {
    handle = await open();
    db = handle.db;
    minsk = await addCity(db, 'Minsk', 'Минск');
    brest = await addCity(db, 'Brest', 'Брест');
  });
  afterAll(() => handle.close());

  const visit = (start_date: string, end_date: string, to = brest) => ({
    from_city_id: minsk,
    to_city_id: to,
    start_date,
    end_date,
    kind: 'official' as const,
    head_person_id: null,
    head_position: null,
    purpose: null,
    outcomes: null,
  });

  it('refuses a visit that ends before it starts, and one from a city to itself', async () => {
    await expect(db.insertInto('visit').values(visit('2025-09-21', '2025-09-18')).execute()).rejects.toThrow(
      /visit_ends_after_start/,
    );
    await expect(
      db
        .insertInto('visit')
        .values(visit('2025-09-18', '2025-09-21', minsk))
        .execute(),
    ).rejects.toThrow(/visit_between_two_cities/);
    await db.insertInto('visit').values(visit('2025-09-18', '2025-09-18')).execute();
    const stored = await db.selectFrom('visit').select(['start_date', 'end_date']).execute();
    expect(stored).toEqual([{ start_date: '2025-09-18', end_date: '2025-09-18' }]);
  });

  it('refuses a twinning of a city with itself and a second twinning of the same pair', async () => {
    const [a, b] = minsk < brest ? [minsk, brest] : [brest, minsk];
    await expect(
      db
        .insertInto('twinning')
        .values({
          city_a_id: a,
          city_b_id: a,
          established_on: null,
          established_year: null,
          ended_on: null,
          notes: null,
          source_ref: null,
        })
        .execute(),
    ).rejects.toThrow(/twinning_two_different_cities/);
    await db
      .insertInto('twinning')
      .values({
        city_a_id: a,
        city_b_id: b,
        established_on: null,
        established_year: 1990,
        ended_on: null,
        notes: null,
        source_ref: null,
      })
      .execute();
    await expect(
      db
        .insertInto('twinning')
        .values({
          city_a_id: a,
          city_b_id: b,
          established_on: null,
          established_year: null,
          ended_on: null,
          notes: null,
          source_ref: null,
        })
        .execute(),
    ).rejects.toThrow(/twinning_pair_unique/);
  });

  it('requires two or more parties for an agreement, checked at commit', async () => {
    const insertAgreement = (parties: number[]) =>
      db.transaction().execute(async (trx) => {
        const { id } = await trx
          .insertInto('agreement')
          .values({
            kind: 'cooperation',
            title: 'Договор о сотрудничестве',
            signed_on: null,
            signed_at_visit_id: null,
            valid_from: null,
            valid_until: null,
            document_id: null,
            notes: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        for (const city of parties) {
          await trx
            .insertInto('agreement_party')
            .values({ agreement_id: id, city_id: city, organization_id: null })
            .execute();
        }
        return id;
      });
    await expect(insertAgreement([minsk])).rejects.toThrow(/at least two parties/);
    expect(await db.selectFrom('agreement').select('id').execute()).toEqual([]);
    const id = await insertAgreement([minsk, brest]);
    await expect(
      db.deleteFrom('agreement_party').where('agreement_id', '=', id).where('city_id', '=', brest).execute(),
    ).rejects.toThrow(/at least two parties/);
    // Deleting the agreement itself takes its parties with it.
    await db.deleteFrom('agreement').where('id', '=', id).execute();
    expect(await db.selectFrom('agreement_party').select('id').execute()).toEqual([]);
  });

  it('requires a party to be a city or an organization, never neither nor both', async () => {
    const org = await db
      .insertInto('organization')
      .values({
        city_id: minsk,
        name: 'Гимназия № 5',
        short_name: null,
        address: null,
        website: null,
        notes: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const attempt = (city_id: number | null, organization_id: number | null) =>
      db.transaction().execute(async (trx) => {
        const { id } = await trx
          .insertInto('project')
          .values({ title: 'Обмен', started_on: null, ended_on: null, description: null })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx.insertInto('project_party').values({ project_id: id, city_id, organization_id }).execute();
        await trx
          .insertInto('project_party')
          .values({ project_id: id, city_id: brest, organization_id: null })
          .execute();
      });
    await expect(attempt(null, null)).rejects.toThrow(/project_party_is_city_or_organization/);
    await expect(attempt(minsk, org.id)).rejects.toThrow(/project_party_is_city_or_organization/);
    await attempt(null, org.id);
  });

  it('keeps one organization name per city, whatever the case or «ё»', async () => {
    await db
      .insertInto('organization')
      .values({
        city_id: brest,
        name: 'Лицей № 1',
        short_name: null,
        address: null,
        website: null,
        notes: null,
      })
      .execute();
    await expect(
      db
        .insertInto('organization')
        .values({
          city_id: brest,
          name: 'ЛИЦЕЙ  № 1',
          short_name: null,
          address: null,
          website: null,
          notes: null,
        })
        .execute(),
    ).rejects.toThrow(/organization_city_name_unique/);
  });

  it('sorts Russian names in alphabet order, «ё» after «е»', async () => {
    const names = ['Яблоко', 'Ёж', 'ель', 'Abakan', 'ежевика'];
    const { rows } = await sql<{ name: string }>`
      SELECT name FROM unnest(${names}::text[]) AS t(name) ORDER BY ru_sort_key(name)`.execute(db);
    expect(rows.map((row) => row.name)).toEqual(['Abakan', 'ежевика', 'ель', 'Ёж', 'Яблоко']);
  });

  it('finds Russian words by their stem and names by trigram similarity', async () => {
    await db
      .insertInto('organization')
      .values({
        city_id: minsk,
        name: 'Централизованная библиотечная система',
        short_name: null,
        address: null,
        website: null,
        notes: null,
      })
      .execute();
    const byStem = await db
      .selectFrom('organization')
      .select('name')
      .where(sql<boolean>`search @@ plainto_tsquery('russian', immutable_unaccent(${'библиотечной'}))`)
      .execute();
    expect(byStem.map((row) => row.name)).toEqual(['Централизованная библиотечная система']);
    const { rows } = await sql<{
      score: number;
    }>`SELECT similarity(name_key('Баранавичы'), name_key('Барановичи')) AS score`.execute(db);
    expect(rows[0]?.score).toBeGreaterThan(0.3);
  });
});
