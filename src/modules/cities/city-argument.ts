import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { notFound, validationFailed } from '../../errors.ts';
import type { Gazetteer } from '../../gazetteer/index.ts';
import { nameKey } from './city.names.ts';
import type { City } from './city.schema.ts';
import { getCity, searchCities } from './city.service.ts';

function describe(city: City): string {
  return `${city.nameRu ?? city.nameEn} (${city.country}${city.admin1 ? `, region ${city.admin1}` : ''}, id ${city.id})`;
}

/** Cities among these with anything in the registry: a twinning, a visit, an organization or a home-city entry. */
async function citiesWithRecords(db: Kysely<Database>, ids: number[]): Promise<Set<number>> {
  const rows = await db
    .selectFrom('city')
    .select('id')
    .where('id', 'in', ids)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('twinning')
            .select('id')
            .where((w) =>
              w.or([w('city_a_id', '=', w.ref('city.id')), w('city_b_id', '=', w.ref('city.id'))]),
            ),
        ),
        eb.exists(
          eb
            .selectFrom('visit')
            .select('id')
            .where((w) =>
              w.or([w('from_city_id', '=', w.ref('city.id')), w('to_city_id', '=', w.ref('city.id'))]),
            ),
        ),
        eb.exists(
          eb.selectFrom('organization').select('id').whereRef('organization.city_id', '=', 'city.id'),
        ),
        eb.exists(eb.selectFrom('home_city').select('city_id').whereRef('home_city.city_id', '=', 'city.id')),
      ]),
    )
    .execute();
  return new Set(rows.map((row) => row.id));
}

/**
 * The city a command's `--city` names, by id or by name (the report and reminders commands). A name matching a city's name exactly (in any
 * language, «ё» as «е», any case) wins; among several such places, or failing an exact name among
 * the close ones (an inflected or transliterated form), the only one with records in the registry
 * wins; otherwise the error lists the candidates with their ids to choose from.
 */
export async function resolveCityArgument(
  db: Kysely<Database>,
  asked: string,
  gazetteer?: Gazetteer,
): Promise<City> {
  const text = asked.trim();
  if (/^\d+$/.test(text)) return getCity(db, Number(text));
  if (text === '') throw validationFailed('Name the city (or give its id).');
  const found = await searchCities(db, { q: text, limit: 20 }, gazetteer);
  const key = nameKey(text);
  const exact = found.filter((city) =>
    [city.nameRu, city.nameBe, city.nameEn].some((name) => name && nameKey(name) === key),
  );
  if (exact.length === 1) return exact[0]!;
  if (exact.length > 1) {
    const known = await citiesWithRecords(
      db,
      exact.map((city) => city.id),
    );
    const withRecords = exact.filter((city) => known.has(city.id));
    if (withRecords.length === 1) return withRecords[0]!;
    const listed = (withRecords.length > 1 ? withRecords : exact).map(describe).join('; ');
    throw validationFailed(`Several cities are named «${text}»: ${listed}. Give the id of the one you mean.`);
  }
  if (found.length > 0) {
    // No exact name, but a close one («Барановичей», «Baranavichy»): the only close place the registry
    // has records of is the one meant; the command prints the city it chose.
    const known = await citiesWithRecords(
      db,
      found.map((city) => city.id),
    );
    const withRecords = found.filter((city) => known.has(city.id));
    if (withRecords.length === 1) return withRecords[0]!;
    throw validationFailed(
      `No city is named «${text}»; the closest are ${found.slice(0, 5).map(describe).join('; ')}. Give the exact name or the id.`,
    );
  }
  throw notFound('City', `«${text}»`);
}
