import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Gazetteer, Place } from '../../gazetteer/index.ts';
import { loadGazetteerIntoDatabase } from './city.loader.ts';

/**
 * Loads only the gazetteer's places a test needs into the city table, under their GeoNames ids as
 * the first start loads them all (which takes half a minute); returns how many were loaded.
 */
export async function loadTestPlaces(
  db: Kysely<Database>,
  gazetteer: Gazetteer,
  wanted: (place: Place) => boolean,
): Promise<number> {
  const places = [...gazetteer.all()].filter(wanted);
  return loadGazetteerIntoDatabase(db, { ...gazetteer, size: places.length, all: () => places });
}
