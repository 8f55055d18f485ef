import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Gazetteer, Place } from '../../gazetteer/index.ts';

const BATCH_SIZE = 10_000;

/** Lower-cased, «ё» as «е», no diacritics: the same key the database's name_key() computes. */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replaceAll('ё', 'е')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

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
 */
export async function loadGazetteerIntoDatabase(
  db: Kysely<Database>,
  gazetteer: Gazetteer,
  onProgress?: (loaded: number, total: number) => void,
): Promise<number> {
  let loaded = 0;
  await db.transaction().execute(async (trx) => {
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
  });
  return loaded;
}

async function insertBatch(db: Kysely<Database>, places: Place[]): Promise<number> {
  const names = places.map((place) =>
    // Postgres array literal of the distinct keys; quotes and backslashes escaped for its syntax.
    [...new Set([place.ru, place.be, place.en].filter((name): name is string => !!name).map(nameKey))]
      .map((key) => `"${key.replace(/["\\]/g, '\\$&')}"`)
      .join(','),
  );
  await sql`
    INSERT INTO city (id, source, name_ru, name_be, name_en, search_names, country, admin1, latitude, longitude,
      population, timezone)
    SELECT id, 'geonames', name_ru, name_be, name_en, ('{' || names || '}')::text[], country, admin1, lat, lng,
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
