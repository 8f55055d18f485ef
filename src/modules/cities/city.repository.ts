import { sql, type Kysely } from 'kysely';
import type { CityRow, Database } from '../../db/database.ts';
import { isoTimestamp } from '../audit/audit.repository.ts';
import { updateRowIfVersion } from '../audit/versioned-row.ts';
import { findOrThrow } from '../audit/record-readers.ts';
import { nameKey, searchNames } from './city.names.ts';
import type { City, CityCreate, CitySearchQuery, CityUpdate } from './city.schema.ts';

/** Maps a stored row to the domain shape. */
export function toCity(row: CityRow): City {
  return {
    id: row.id,
    source: row.source,
    nameRu: row.name_ru,
    nameBe: row.name_be,
    nameEn: row.name_en,
    country: row.country,
    admin1: row.admin1,
    latitude: row.latitude,
    longitude: row.longitude,
    population: row.population,
    timezone: row.timezone,
    foundedYear: row.founded_year,
    cityDay: row.city_day,
    version: row.version,
    updatedAt: isoTimestamp(row.updated_at),
  };
}

/** The city with this id, if any. */
export async function findCityById(db: Kysely<Database>, id: number): Promise<City | undefined> {
  const row = await db.selectFrom('city').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toCity(row);
}

/** The city with this id; its absence is an error. */
export const findCityByIdOrThrow = findOrThrow(findCityById, 'City');

/** The cities with these ids that exist, in the order of the ids. */
export async function findCitiesByIds(db: Kysely<Database>, ids: number[]): Promise<City[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('city')
    .selectAll()
    .where(sql<boolean>`id = ANY(${ids}::integer[])`)
    .execute();
  const byId = new Map(rows.map((row) => [row.id, toCity(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Which of these ids are cities in the database. */
export async function existingCityIds(db: Kysely<Database>, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('city')
    .select('id')
    .where(sql<boolean>`id = ANY(${ids}::integer[])`)
    .execute();
  return new Set(rows.map((row) => row.id));
}

// pg_trgm's default (0.6) misses one-letter transliteration variants: «Baranavichy» is 0.58 of
// «Baranovichi»; 0.45 still keeps unrelated names out.
const WORD_SIMILARITY = 0.45;

/**
 * Lowers pg_trgm's word-similarity threshold (the `<%` operator) for the rest of the transaction
 * `db` must be: SET LOCAL ends with it, so the threshold never leaks to other queries.
 */
export async function loosenNameSimilarity(db: Kysely<Database>): Promise<void> {
  await sql`SET LOCAL pg_trgm.word_similarity_threshold = ${sql.lit(WORD_SIMILARITY)}`.execute(db);
}

/**
 * Cities by name in any language, best first: an exact name (search_names, GIN-indexed) before a
 * trigram-similar one (pg_trgm over name_key, so «Барановичей» finds «Барановичи»), then the
 * countries asked for, then closeness and population. Transliteration variants far apart in letters
 * («Baranavichy») are the in-memory gazetteer's `find`, which compares phonetic skeletons.
 */
export async function searchCitiesByName(db: Kysely<Database>, query: CitySearchQuery): Promise<City[]> {
  // SET LOCAL needs a transaction and ends with it, so the threshold never leaks to other queries.
  if (!db.isTransaction) return db.transaction().execute((trx) => searchCitiesByName(trx, query));
  await loosenNameSimilarity(db);
  const key = nameKey(query.q);
  const countries = query.countries ?? [];
  // The stored name_key() of both names (migration 0013), trigram-indexed.
  const haystack = sql`search_key`;
  const rows = await db
    .selectFrom('city')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb(sql`search_names`, '@>', sql`ARRAY[${key}]::text[]`),
        eb(sql`name_key(${query.q})`, sql`<%`, haystack),
      ]),
    )
    .orderBy(sql`search_names @> ARRAY[${key}]::text[]`, 'desc')
    .orderBy(sql`country = ANY(${countries}::text[])`, 'desc')
    // Among places named exactly so, the larger one: Brest in Belarus before the hamlets.
    .orderBy(sql`CASE WHEN search_names @> ARRAY[${key}]::text[] THEN population END`, (ob) =>
      ob.desc().nullsLast(),
    )
    // Closeness (within a word, and of the whole name, which favours «Кузнецк» over «Ленинск-
    // Кузнецкий» for «Кузнецка») weighted by the order of magnitude of the population.
    .orderBy(
      sql`(word_similarity(name_key(${query.q}), ${haystack}) + similarity(name_key(${query.q}), ${haystack}))
        * (1 + 0.1 * log(population + 1))`,
      'desc',
    )
    .orderBy('id')
    .limit(query.limit)
    .execute();
  return rows.map(toCity);
}

/** Stores a city a user adds and returns its id (drawn from the user range, above GeoNames ids). */
export async function insertCity(db: Kysely<Database>, input: CityCreate): Promise<number> {
  const row = await db
    .insertInto('city')
    .values({
      name_ru: input.nameRu ?? null,
      name_be: input.nameBe ?? null,
      name_en: input.nameEn,
      search_names: searchNames({ ru: input.nameRu ?? null, be: input.nameBe ?? null, en: input.nameEn }),
      country: input.country,
      admin1: input.admin1 ?? '',
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      population: input.population ?? 0,
      timezone: input.timezone ?? null,
      founded_year: input.foundedYear ?? null,
      city_day: input.cityDay ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Applies a change if the row still has the version the editor saw; false when it does not. */
export async function updateCityRow(
  db: Kysely<Database>,
  id: number,
  { version, ...patch }: CityUpdate,
  names: { ru: string | null; be: string | null; en: string },
): Promise<boolean> {
  return updateRowIfVersion(db, 'city', id, version, {
    name_ru: patch.nameRu,
    name_be: patch.nameBe,
    name_en: patch.nameEn,
    search_names: searchNames(names),
    country: patch.country,
    admin1: patch.admin1,
    latitude: patch.latitude,
    longitude: patch.longitude,
    population: patch.population,
    timezone: patch.timezone,
    founded_year: patch.foundedYear,
    city_day: patch.cityDay,
  });
}
