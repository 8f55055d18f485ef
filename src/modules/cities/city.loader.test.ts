import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.ts';
import type { Database } from '../../db/database.ts';
import { migrateTo, migrateToLatest } from '../../db/migrate.ts';
import { testEngines } from '../../db/test-database.ts';
import { buildArtifact } from '../../gazetteer/build.ts';
import type { GeonamesRow } from '../../gazetteer/geonames-file.ts';
import { createGazetteer } from '../../gazetteer/index.ts';
import { SYSTEM_ACTOR } from '../audit/audit.schema.ts';
import {
  gazetteerNamesAreCurrent,
  isGazetteerLoaded,
  loadGazetteerIntoDatabase,
  syncGazetteerNames,
} from './city.loader.ts';
import { searchCities, updateCity } from './city.service.ts';

const row = (id: number, name: string, alternateNames: string[], country: string, population: number) =>
  ({
    id,
    name,
    asciiName: name,
    alternateNames,
    lat: 53,
    lng: 26,
    featureCode: 'PPL',
    country,
    admin1: '01',
    population,
    timezone: 'Europe/Minsk',
  }) satisfies GeonamesRow;

const gazetteer = createGazetteer(
  buildArtifact(
    [
      row(630429, 'Baranovichi', ['Барановичи', 'Баранавічы', 'Baranavichy'], 'BY', 179000),
      row(537737, 'Kuznetsk', ['Кузнецк'], 'RU', 90480),
      row(1, 'O"Quote\\Town', [], 'US', 600),
    ],
    'test',
  ),
);

const indexNames = async (db: Kysely<Database>) =>
  (
    await sql<{
      name: string;
    }>`SELECT indexname AS name FROM pg_indexes WHERE tablename = 'city' ORDER BY 1`.execute(db)
  ).rows.map((r) => r.name);

describe.each(testEngines())('loading the gazetteer on $engine', ({ open }) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  beforeAll(async () => {
    handle = await open();
    db = handle.db;
  });
  afterAll(() => handle.close());

  it('loads every place with its names and leaves the indexes as the migrations made them', async () => {
    const before = await indexNames(db);
    expect(await isGazetteerLoaded(db)).toBe(false);
    expect(await loadGazetteerIntoDatabase(db, gazetteer)).toBe(3);
    expect(await isGazetteerLoaded(db)).toBe(true);
    expect(await indexNames(db)).toEqual(before);
    const baranovichi = await db
      .selectFrom('city')
      .selectAll()
      .where('id', '=', 630429)
      .executeTakeFirstOrThrow();
    expect(baranovichi).toMatchObject({ source: 'geonames', name_ru: 'Барановичи', name_be: 'Баранавічы' });
    expect(baranovichi.search_names).toEqual(['барановичи', 'баранавічы', 'baranovichi']);
    const quoted = await db
      .selectFrom('city')
      .select('search_names')
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    expect(quoted.search_names).toEqual(['o"quote\\town']);
  });
});

/** The same places with other names, as a later gazetteer might give them. */
const renamedGazetteer = (names: Record<number, string>) =>
  createGazetteer(
    buildArtifact(
      [
        row(630429, 'Baranovichi', [names[630429] ?? 'Барановичи', 'Баранавічы'], 'BY', 179000),
        row(537737, 'Kuznetsk', [names[537737] ?? 'Кузнецк'], 'RU', 90480),
        row(1, 'O"Quote\\Town', [], 'US', 600),
      ],
      'test',
    ),
  );

describe.each(testEngines())('bringing place names up to date on $engine', ({ open }) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  beforeAll(async () => {
    handle = await open();
    db = handle.db;
    await loadGazetteerIntoDatabase(db, renamedGazetteer({ 630429: 'Барановичы', 537737: 'Кузнецкъ' }));
  });
  afterAll(() => handle.close());

  const names = async () =>
    Object.fromEntries(
      (await db.selectFrom('city').select(['id', 'name_ru']).orderBy('id').execute()).map((c) => [
        c.id,
        c.name_ru,
      ]),
    );

  it("renames the cities nobody renamed, keeps a user's name, and finds them by the new names", async () => {
    expect(await gazetteerNamesAreCurrent(db)).toBe(true);
    // A user corrected Kuznetsk by hand; Baranovichi keeps the gazetteer's (wrong) name.
    await updateCity(db, SYSTEM_ACTOR, 537737, { version: 1, nameRu: 'Кузнецк (Пензенская обл.)' });
    await db.updateTable('gazetteer_state').set({ names_version: 0 }).execute();
    expect(await gazetteerNamesAreCurrent(db)).toBe(false);

    const renamed = await syncGazetteerNames(db, renamedGazetteer({}));
    expect(renamed).toBe(1);
    expect(await names()).toEqual({ 1: null, 537737: 'Кузнецк (Пензенская обл.)', 630429: 'Барановичи' });
    expect(await gazetteerNamesAreCurrent(db)).toBe(true);
    const found = await searchCities(db, { q: 'Барановичи', limit: 3 });
    expect(found.map((city) => city.id)).toContain(630429);
    const stale = await db
      .selectFrom('city')
      .select('search_names')
      .where('id', '=', 630429)
      .executeTakeFirstOrThrow();
    expect(stale.search_names).not.toContain('барановичы');

    // Once up to date, a second pass changes nothing; the user's name survives later gazetteers too.
    expect(await syncGazetteerNames(db, renamedGazetteer({}))).toBe(0);
    await syncGazetteerNames(db, renamedGazetteer({ 537737: 'Кузнецк-Пензенский' }));
    expect((await names())[537737]).toBe('Кузнецк (Пензенская обл.)');
  });
});

describe.each(testEngines())(
  'upgrading a registry whose place names users corrected, on $engine',
  ({ open }) => {
    it('renames on upgrade only the cities whose names no audited change touched', async () => {
      const handle = await open({ migrate: false });
      const db = handle.db;
      try {
        await migrateTo(db, '0016-session-password-change');
        await loadOld(db);
        // Before the upgrade, a user renamed Kuznetsk by hand, and the audit trail says so.
        await db
          .updateTable('city')
          .set({ name_ru: 'Кузнецк Пензенский' })
          .where('id', '=', 537737)
          .execute();
        await db
          .insertInto('audit_entry')
          .values({
            action: 'update',
            record_type: 'city',
            record_id: 537737,
            before: JSON.stringify({ id: 537737, nameRu: 'Кузнецкъ', nameBe: null }),
            after: JSON.stringify({ id: 537737, nameRu: 'Кузнецк Пензенский', nameBe: null }),
          })
          .execute();
        // Another update that left the names alone does not count as a renaming.
        await db
          .insertInto('audit_entry')
          .values({
            action: 'update',
            record_type: 'city',
            record_id: 630429,
            before: JSON.stringify({ id: 630429, nameRu: 'Барановичы', population: 1 }),
            after: JSON.stringify({ id: 630429, nameRu: 'Барановичы', population: 2 }),
          })
          .execute();
        expect(await migrateToLatest(db)).toContain('0017-gazetteer-names');
        expect(await gazetteerNamesAreCurrent(db)).toBe(false);

        expect(await syncGazetteerNames(db, renamedGazetteer({}))).toBe(1);
        const names = await db.selectFrom('city').select(['id', 'name_ru']).orderBy('id').execute();
        expect(names).toEqual([
          { id: 1, name_ru: null },
          { id: 537737, name_ru: 'Кузнецк Пензенский' },
          { id: 630429, name_ru: 'Барановичи' },
        ]);
      } finally {
        await handle.close();
      }
    });
  },
);

/** The cities as a release before 0017 loaded them: the old gazetteer's names, no kept copies. */
async function loadOld(db: Kysely<Database>): Promise<void> {
  const old = renamedGazetteer({ 630429: 'Барановичы', 537737: 'Кузнецкъ' });
  for (const place of old.all()) {
    await db
      .insertInto('city')
      .values({
        id: place.id,
        source: 'geonames',
        name_ru: place.ru,
        name_be: place.be,
        name_en: place.en,
        country: place.country,
        latitude: place.lat,
        longitude: place.lng,
        timezone: place.timezone,
        founded_year: null,
        city_day: null,
      })
      .execute();
  }
}
