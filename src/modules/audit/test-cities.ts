import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';

/** Inserts a city for a test, so tests need not load the whole gazetteer; returns its id. */
export async function insertTestCity(
  db: Kysely<Database>,
  nameRu: string,
  nameEn: string,
  country = 'BY',
): Promise<number> {
  const row = await db
    .insertInto('city')
    .values({
      name_ru: nameRu,
      name_be: null,
      name_en: nameEn,
      country,
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
