import type { Gazetteer, Place } from './place.ts';

/**
 * The seat of each first-order region (GeoNames PPLA, or the capital where it seats its own region),
 * by «country.admin1». GeoNames' cities file carries the region's code but not its name; a region is
 * named here by its seat («Цзиньчжоу» of the region seated in Шэньян, not the one seated in Ухань),
 * which tells two places of one name apart as well as the region's own name would.
 */
const seatsOf = new WeakMap<Gazetteer, Map<string, Place>>();

function seats(gazetteer: Gazetteer): Map<string, Place> {
  let found = seatsOf.get(gazetteer);
  if (found) return found;
  found = new Map();
  for (const place of gazetteer.all()) {
    if (!place.admin1 || (place.featureCode !== 'PPLA' && place.featureCode !== 'PPLC')) continue;
    const key = `${place.country}.${place.admin1}`;
    const other = found.get(key);
    // A capital that is also a region's seat wins over none; of two seats, the larger.
    if (
      !other ||
      (other.featureCode !== 'PPLA' && place.featureCode === 'PPLA') ||
      other.population < place.population
    )
      found.set(key, place);
  }
  seatsOf.set(gazetteer, found);
  return found;
}

/** The seat of the region a place is in, if the gazetteer knows it; undefined for a place without a region. */
export function regionSeat(
  gazetteer: Gazetteer,
  place: { country: string; admin1: string },
): Place | undefined {
  if (!place.admin1) return undefined;
  return seats(gazetteer).get(`${place.country}.${place.admin1}`);
}
