import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { nameKey } from '../cities/city.names.ts';
import { searchCities } from '../cities/city.service.ts';
import { loadGazetteer } from '../../gazetteer/index.ts';
import { regionSeat } from '../../gazetteer/region-seats.ts';
import type { Match } from './draft.schema.ts';

/** Matches at or above this confidence are chosen for the reviewer; below it they are only offered. */
export const CHOOSE_AT = 0.8;

/** The countries of the cities the registry already works with, to rank ambiguous names by. */
export async function registryCountries(db: Kysely<Database>): Promise<string[]> {
  const rows = await sql<{ country: string }>`
    SELECT DISTINCT c.country FROM city c
    WHERE EXISTS (SELECT 1 FROM twinning t WHERE t.city_a_id = c.id OR t.city_b_id = c.id)
       OR EXISTS (SELECT 1 FROM organization o WHERE o.city_id = c.id)
       OR EXISTS (SELECT 1 FROM home_city h WHERE h.city_id = c.id)
  `.execute(db);
  return rows.rows.map((row) => row.country);
}

/** Cities of the registry a name may mean: an exact name first, in the registry's countries first. */
export async function matchCity(db: Kysely<Database>, name: string, countries: string[]): Promise<Match[]> {
  const gazetteer = loadGazetteer();
  const cities = await searchCities(db, { q: name, countries, limit: 3 }, gazetteer);
  const key = nameKey(name);
  const matches = cities.map((city, rank) => {
    const exact = [city.nameRu, city.nameBe, city.nameEn].some((n) => n !== null && nameKey(n) === key);
    const preferred = countries.length === 0 || countries.includes(city.country);
    const confidence = (exact ? 0.9 : 0.6) + (preferred && rank === 0 ? 0.1 : 0) - rank * 0.2;
    const seat = regionSeat(gazetteer, city);
    const own = seat && seat.id !== city.id ? seat : undefined;
    const place = {
      name: { ru: city.nameRu, be: city.nameBe, en: city.nameEn },
      country: city.country,
      region: own ? { ru: own.ru, be: own.be, en: own.en } : null,
      population: city.population,
    };
    return { id: city.id, label: '', confidence: round(Math.max(0.05, confidence)), place };
  });
  return labelled(matches);
}

/**
 * Labels of places, each told apart from the others offered: «Кузнецк (RU, регион: Пенза)»; two of
 * one name in one region also by their population, and by id when even that is the same.
 */
function labelled(matches: (Match & { place: NonNullable<Match['place']> })[]): Match[] {
  const base = (m: Match & { place: NonNullable<Match['place']> }) => {
    const { name, country, region } = m.place;
    const where = region ? `${country}, регион: ${region.ru ?? region.en}` : country;
    return `${name.ru ?? name.en} (${where})`;
  };
  const labels = matches.map(base);
  return matches.map((m, i) => {
    let label = labels[i]!;
    if (labels.filter((other) => other === label).length > 1) {
      label = `${label.slice(0, -1)}, жителей: ${m.place.population.toLocaleString('ru-RU')})`;
      const same = matches.filter(
        (o, j) => labels[j] === labels[i] && o.place.population === m.place.population,
      );
      if (same.length > 1) label = `${label.slice(0, -1)}, № ${m.id})`;
    }
    return { ...m, label };
  });
}

/** Organizations of a city with this name or a similar one (trigram similarity of the name keys). */
export async function matchOrganization(
  db: Kysely<Database>,
  cityId: number,
  name: string,
): Promise<Match[]> {
  const rows = await sql<{ id: number; name: string; score: number }>`
    SELECT id, name, similarity(search_key, name_key(${name})) AS score
    FROM organization
    WHERE city_id = ${cityId} AND (search_key = name_key(${name}) OR search_key % name_key(${name}))
    ORDER BY search_key = name_key(${name}) DESC, score DESC, id
    LIMIT 3
  `.execute(db);
  return rows.rows.map((row) => ({
    id: row.id,
    label: row.name,
    confidence: round(exactOr(row.name, name, row.score)),
  }));
}

/** People with this name or a similar one («Вадим Щербаков» and «Щербаков Вадим Иванович»). */
export async function matchPerson(db: Kysely<Database>, name: string): Promise<Match[]> {
  const rows = await sql<{ id: number; full_name: string; score: number }>`
    SELECT id, full_name, word_similarity(name_key(${name}), search_key) AS score
    FROM person
    WHERE search_key = name_key(${name}) OR name_key(${name}) <% search_key
    ORDER BY search_key = name_key(${name}) DESC, score DESC, id
    LIMIT 3
  `.execute(db);
  return rows.rows.map((row) => ({
    id: row.id,
    label: row.full_name,
    confidence: round(exactOr(row.full_name, name, row.score * 0.9)),
  }));
}

/** 1 for the same name as the database's name_key() compares them, else the similarity (below 1). */
function exactOr(stored: string, given: string, score: number): number {
  return nameKey(stored) === nameKey(given) ? 1 : Math.min(0.95, score);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
