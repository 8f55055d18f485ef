import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.ts';
import type { Database } from '../../db/database.ts';
import { testEngines } from '../../db/test-database.ts';
import { buildArtifact } from '../../gazetteer/build.ts';
import type { GeonamesRow } from '../../gazetteer/geonames-file.ts';
import { createGazetteer } from '../../gazetteer/index.ts';
import { isGazetteerLoaded, loadGazetteerIntoDatabase } from './city.loader.ts';

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
