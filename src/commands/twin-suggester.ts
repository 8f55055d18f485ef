import { existsSync, readFileSync } from 'node:fs';
import { countryCodesFromName } from '../gazetteer/countries.ts';
import type { Gazetteer } from '../gazetteer/index.ts';
import { sharedDir } from '../shared-dir.ts';
import { readPairLines, type PairLine } from './import-twins.csv.ts';
import { cityMatcher, type WrittenCity } from './import-twins.matcher.ts';

/** The twin-city list the product knows: Wikipedia's lists, geocoded, in the shared folder. */
export function defaultTwinListFile(): string | null {
  try {
    const file = sharedDir('data', 'twin-cities', 'twin_cities_geocoded.csv');
    return existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

/** Finds a place's twin cities in a twin-city list; `null` when the product has no list. */
export type TwinSuggester = (placeId: number) => number[] | null;

/**
 * Reads a twin-city list once and answers, for a gazetteer place, the places the list twins it
 * with (GeoNames ids, in the list's order). Only the list's lines written in the place's country
 * are matched, through the same matcher as `import-twins`, so a question costs a few hundred
 * look-ups, not the whole list's.
 */
export function twinSuggester(gazetteer: Gazetteer, file: string | null): TwinSuggester {
  let pairs: PairLine[] | undefined;
  const match = cityMatcher(gazetteer);
  const countriesOf = new Map<string, string[]>();
  const inCountry = (city: WrittenCity, country: string) => {
    let codes = countriesOf.get(city.country);
    if (!codes) {
      codes = countryCodesFromName(city.country);
      countriesOf.set(city.country, codes);
    }
    return codes.includes(country);
  };
  return (placeId) => {
    if (!file) return null;
    const place = gazetteer.byId(placeId);
    if (!place) return [];
    pairs ??= readPairLines(readFileSync(file, 'utf8')).pairs;
    const found: number[] = [];
    for (const { cities } of pairs) {
      for (const [side, other] of [cities, [cities[1], cities[0]]] as const) {
        if (!inCountry(side, place.country)) continue;
        const own = match(side);
        if (!own.ok || own.place.id !== placeId) continue;
        const partner = match(other);
        if (partner.ok && partner.place.id !== placeId && !found.includes(partner.place.id))
          found.push(partner.place.id);
      }
    }
    return found;
  };
}
