import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { ARTIFACT_VERSION } from '../../gazetteer/artifact.ts';
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
    await recordNamesVersion(trx);
  });
  return loaded;
}

/** Whether the city table holds the names of this gazetteer (false after an upgrade that improved them). */
export async function gazetteerNamesAreCurrent(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('gazetteer_state').select('names_version').executeTakeFirst();
  return row?.names_version === ARTIFACT_VERSION;
}

async function recordNamesVersion(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto('gazetteer_state')
    .values({ names_version: ARTIFACT_VERSION })
    .onConflict((oc) => oc.column('single').doUpdateSet({ names_version: ARTIFACT_VERSION }))
    .execute();
}

/**
 * Gives the gazetteer's cities the gazetteer's current Russian and Belarusian names, in one
 * transaction, where the stored name is still the one the gazetteer gave before: a name a user
 * changed stays as they wrote it (its city keeps the gazetteer's name aside for the next time).
 * Returns how many cities were renamed.
 */
export async function syncGazetteerNames(db: Kysely<Database>, gazetteer: Gazetteer): Promise<number> {
  let renamed = 0;
  await db.transaction().execute(async (trx) => {
    let batch: Place[] = [];
    const flush = async () => {
      if (batch.length > 0) renamed += await renameBatch(trx, batch);
      batch = [];
    };
    for (const place of gazetteer.all()) {
      batch.push(place);
      if (batch.length === BATCH_SIZE) await flush();
    }
    await flush();
    await recordNamesVersion(trx);
  });
  return renamed;
}

async function renameBatch(db: Kysely<Database>, places: Place[]): Promise<number> {
  const { rows } = await sql<{ id: number; renamed: boolean }>`
    UPDATE city c SET
      name_ru = CASE WHEN c.name_ru IS NOT DISTINCT FROM c.gazetteer_name_ru THEN t.ru ELSE c.name_ru END,
      name_be = CASE WHEN c.name_be IS NOT DISTINCT FROM c.gazetteer_name_be THEN t.be ELSE c.name_be END,
      gazetteer_name_ru = t.ru,
      gazetteer_name_be = t.be
    FROM unnest(${places.map((p) => p.id)}::integer[], ${places.map((p) => p.ru)}::text[],
      ${places.map((p) => p.be)}::text[]) AS t(id, ru, be)
    WHERE c.id = t.id AND c.source = 'geonames'
      AND (c.gazetteer_name_ru IS DISTINCT FROM t.ru OR c.gazetteer_name_be IS DISTINCT FROM t.be)
    RETURNING c.id, (c.name_ru IS NOT DISTINCT FROM t.ru AND c.name_be IS NOT DISTINCT FROM t.be) AS renamed
  `.execute(db);
  // The search names follow the names: city.search_names is what lookups by name compare.
  await sql`
    UPDATE city SET search_names = ARRAY(
      SELECT DISTINCT name_key(n) FROM unnest(ARRAY[name_ru, name_be, name_en]) AS n WHERE n IS NOT NULL
    )
    WHERE id = ANY(${rows.map((row) => row.id)}::integer[])
  `.execute(db);
  return rows.filter((row) => row.renamed).length;
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
      population, timezone, gazetteer_name_ru, gazetteer_name_be)
    SELECT id, 'geonames', name_ru, name_be, name_en, names::text[], country, admin1, lat, lng,
      population, timezone, name_ru, name_be
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
