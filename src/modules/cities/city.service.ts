import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Actor } from '../audit/audit.schema.ts';
import { createAudited, updateAudited, type AuditedRecord } from '../audit/audited-record.ts';
import { parseInput } from '../audit/audited-write.ts';
import type { Gazetteer } from '../../gazetteer/index.ts';
import {
  findCitiesByIds,
  findCityById,
  findCityByIdOrThrow,
  insertCity,
  searchCitiesByName,
  updateCityRow,
} from './city.repository.ts';
import { cityCreateSchema, citySearchQuerySchema, cityUpdateSchema, type City } from './city.schema.ts';

const CITY: AuditedRecord<City> = { what: 'City', recordType: 'city', findById: findCityById };

/** The city with this id; `not_found` when there is none. */
export async function getCity(db: Kysely<Database>, id: number): Promise<City> {
  return findCityByIdOrThrow(db, id);
}

/**
 * Cities whose name in any language matches `q` exactly or closely, best first. Given the
 * gazetteer, its places come first (it knows inflected and transliterated forms: «Кузнецка»,
 * «Baranavichy»), then the database's trigram matches, which include cities users added.
 */
export async function searchCities(
  db: Kysely<Database>,
  query: unknown,
  gazetteer?: Gazetteer,
): Promise<City[]> {
  const parsed = parseInput(citySearchQuerySchema, query);
  const fromDatabase = await searchCitiesByName(db, parsed);
  if (!gazetteer) return fromDatabase;
  const options = parsed.countries ? { countries: parsed.countries } : {};
  const ids = gazetteer
    .find(parsed.q, options)
    .slice(0, parsed.limit)
    .map((place) => place.id);
  const found = await findCitiesByIds(db, ids);
  const seen = new Set(found.map((city) => city.id));
  return [...found, ...fromDatabase.filter((city) => !seen.has(city.id))].slice(0, parsed.limit);
}

/** Adds a city the gazetteer lacks, audited. */
export async function createCity(db: Kysely<Database>, actor: Actor, input: unknown): Promise<City> {
  return createAudited(db, actor, CITY, parseInput(cityCreateSchema, input), insertCity);
}

/**
 * Changes a city (its founding year and city day, typically) if the editor saw the current version;
 * its search names follow its names.
 */
export async function updateCity(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  input: unknown,
): Promise<City> {
  const change = parseInput(cityUpdateSchema, input);
  return updateAudited(db, actor, CITY, id, change, async (trx) => {
    const current = await findCityByIdOrThrow(trx, id);
    const names = {
      ru: change.nameRu !== undefined ? change.nameRu : current.nameRu,
      be: change.nameBe !== undefined ? change.nameBe : current.nameBe,
      en: change.nameEn ?? current.nameEn,
    };
    return updateCityRow(trx, id, change, names);
  });
}
