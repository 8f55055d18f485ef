import { countryCodesFromName } from '../gazetteer/countries.ts';
import type { Gazetteer, Place } from '../gazetteer/index.ts';
import { distanceKm, SpatialIndex } from '../gazetteer/spatial-index.ts';
import { nameVariants } from './import-twins.names.ts';

/** A city as a twin-town list writes it: an English name, a country name, maybe coordinates. */
export interface WrittenCity {
  name: string;
  country: string;
  lat?: number | undefined;
  lng?: number | undefined;
}

/** Why a written city matched no place. */
export type MatchFailure = 'unknown_country' | 'city_not_found' | 'city_in_other_country';

/** The place a written city is, or why none was found. */
export type CityMatch =
  | { ok: true; place: Place; by: 'name' | 'coordinates' }
  | { ok: false; failure: MatchFailure; detail: string };

// Geocoders place a town at its centre or its municipality's; a namesake is usually much farther.
const NEAR_KM = 40;
// Without any name match, only a place this close to the given coordinates is trusted.
const COORDINATES_ONLY_KM = 8;

/**
 * Matches written cities to gazetteer places: the country name to ISO codes, then each spelling
 * variant of the name within those countries (exact, then transliteration-tolerant). Coordinates,
 * when given, choose among namesakes and, failing every name, accept a place within a few km.
 * Results are cached, since every city of a list's owner repeats on each of its lines.
 */
export function cityMatcher(gazetteer: Gazetteer): (city: WrittenCity) => CityMatch {
  const cache = new Map<string, CityMatch>();
  let spatialIndex: SpatialIndex | null = null;
  // Built on the first coordinates only: lists without them never pay for it.
  const spatial = () => (spatialIndex ??= new SpatialIndex(gazetteer));
  return (city: WrittenCity): CityMatch => {
    const key = `${city.name}\t${city.country}\t${city.lat ?? ''}\t${city.lng ?? ''}`;
    let match = cache.get(key);
    if (!match) {
      match = matchOne(gazetteer, spatial, city);
      cache.set(key, match);
    }
    return match;
  };
}

function matchOne(gazetteer: Gazetteer, spatial: () => SpatialIndex, city: WrittenCity): CityMatch {
  const countries = withDependencies(countryCodesFromName(city.country));
  if (countries.length === 0) {
    return { ok: false, failure: 'unknown_country', detail: `no country is called "${city.country}"` };
  }
  const hasCoordinates = city.lat !== undefined && city.lng !== undefined;
  let distantGuess: Place | undefined;
  for (const variant of nameVariants(city.name)) {
    const options = { within: countries, countries };
    const exact = gazetteer.lookup(variant, options);
    const places = exact.length > 0 ? exact : gazetteer.find(variant, options);
    if (places.length === 0) continue;
    if (!hasCoordinates) return { ok: true, place: places[0]!, by: 'name' };
    const nearest = closestTo(places, city.lat!, city.lng!);
    if (nearest.km <= NEAR_KM) return { ok: true, place: nearest.place, by: 'name' };
    // An exact name far from the coordinates is still the place (they may be its region's centre);
    // a merely similar name far away is likely another place, so the coordinates are asked first.
    if (exact.length > 0) return { ok: true, place: places[0]!, by: 'name' };
    distantGuess ??= places[0];
  }
  if (hasCoordinates) {
    const around = spatial().near(city.lat!, city.lng!, COORDINATES_ONLY_KM, countries);
    if (around.length > 0) return { ok: true, place: around[0]!, by: 'coordinates' };
  }
  if (distantGuess) return { ok: true, place: distantGuess, by: 'name' };
  // A namesake abroad is no match, but it tells the reader the name itself is known.
  const abroad = nameVariants(city.name).flatMap((variant) => gazetteer.lookup(variant))[0];
  if (abroad) {
    return {
      ok: false,
      failure: 'city_in_other_country',
      detail: `"${city.name}" is only known in ${abroad.country} (${abroad.en}), not in ${countries.join('/')}`,
    };
  }
  return {
    ok: false,
    failure: 'city_not_found',
    detail: `no place called "${city.name}" in ${countries.join('/')}`,
  };
}

// Territories GeoNames files under their own code that lists often give under their state's name.
const DEPENDENCIES: Record<string, string[]> = {
  FI: ['AX'],
  DK: ['FO', 'GL'],
  FR: ['RE', 'GP', 'MQ', 'GF', 'YT', 'NC', 'PF', 'PM', 'BL', 'MF', 'WF'],
  GB: ['JE', 'GG', 'IM', 'GI'],
  US: ['PR', 'GU', 'VI', 'AS', 'MP'],
  NL: ['AW', 'CW', 'SX', 'BQ'],
  CN: ['HK', 'MO'],
  NO: ['SJ'],
  MA: ['EH'],
  EH: ['MA'],
  RS: ['XK'],
  IL: ['PS'],
  PS: ['IL'],
};

/** The countries given, followed by their dependent territories. */
function withDependencies(countries: string[]): string[] {
  return [...new Set([...countries, ...countries.flatMap((code) => DEPENDENCIES[code] ?? [])])];
}

function closestTo(places: Place[], lat: number, lng: number): { place: Place; km: number } {
  let best = { place: places[0]!, km: Infinity };
  for (const place of places) {
    const km = distanceKm(lat, lng, place.lat, place.lng);
    if (km < best.km) best = { place, km };
  }
  return best;
}
