import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Gazetteer, Place } from '../../gazetteer/index.ts';
import { searchNames, textArrayLiteral } from './city.names.ts';

const BATCH_SIZE = 10_000;

/** Whether the gazetteer's places are already in the database. */
export async function isGazetteerLoaded(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom('city')
    .select('id')
    .where('source', '=', 'geonames')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Copies every gazetteer place into the city table in one transaction (all or nothing), in batches
 * of one multi-row INSERT over unnest()ed arrays: the same statement on PGlite and on a server.
 * The table's secondary indexes are dropped for the load and rebuilt after it, since building a
 * GIN index once is several times cheaper than updating it 200,000 times.
 */
export async function loadGazetteerIntoDatabase(
  db: Kysely<Database>,
  gazetteer: Gazetteer,
  onProgress?: (loaded: number, total: number) => void,
): Promise<number> {
  let loaded = 0;
  await db.transaction().execute(async (trx) => {
    const rebuild = await dropSecondaryIndexes(trx);
    let batch: Place[] = [];
    for (const place of gazetteer.all()) {
      batch.push(place);
      if (batch.length === BATCH_SIZE) {
        loaded += await insertBatch(trx, batch);
        onProgress?.(loaded, gazetteer.size);
        batch = [];
      }
    }
    if (batch.length > 0) loaded += await insertBatch(trx, batch);
    onProgress?.(loaded, gazetteer.size);
    for (const definition of rebuild) await sql.raw(definition).execute(trx);
  });
  return loaded;
}

/** Drops the city table's indexes that back no constraint; returns the statements recreating them. */
async function dropSecondaryIndexes(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ name: string; definition: string }>`
    SELECT indexname AS name, indexdef AS definition FROM pg_indexes
    WHERE schemaname = current_schema() AND tablename = 'city'
      AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = 'city'::regclass)
  `.execute(db);
  for (const { name } of rows) await sql`DROP INDEX ${sql.id(name)}`.execute(db);
  return rows.map((row) => row.definition);
}

async function insertBatch(db: Kysely<Database>, places: Place[]): Promise<number> {
  const names = places.map((place) => textArrayLiteral(searchNames(place)));
  await sql`
    INSERT INTO city (id, source, name_ru, name_be, name_en, search_names, country, admin1, latitude, longitude,
      population, timezone)
    SELECT id, 'geonames', name_ru, name_be, name_en, names::text[], country, admin1, lat, lng,
      population, timezone
    FROM unnest(
      ${places.map((p) => p.id)}::integer[], ${places.map((p) => p.ru)}::text[], ${places.map((p) => p.be)}::text[],
      ${places.map((p) => p.en)}::text[], ${names}::text[], ${places.map((p) => p.country)}::text[],
      ${places.map((p) => p.admin1)}::text[], ${places.map((p) => p.lat)}::float8[],
      ${places.map((p) => p.lng)}::float8[], ${places.map((p) => p.population)}::integer[],
      ${places.map((p) => p.timezone || null)}::text[]
    ) AS t(id, name_ru, name_be, name_en, names, country, admin1, lat, lng, population, timezone)
  `.execute(db);
  return places.length;
}
