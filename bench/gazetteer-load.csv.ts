/** CSV rows of the city table for the COPY floor of the gazetteer-load benchmark. */
import type { Place } from '../src/gazetteer/index.ts';
import { searchNames, textArrayLiteral } from '../src/modules/cities/city.names.ts';

/** The city columns a gazetteer place fills, in the order of `cityCsv` rows. */
export const CITY_CSV_COLUMNS = [
  'id',
  'source',
  'name_ru',
  'name_be',
  'name_en',
  'search_names',
  'country',
  'admin1',
  'latitude',
  'longitude',
  'population',
  'timezone',
] as const;

function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // Quoted always for text, so an empty string stays distinct from NULL (unquoted empty).
  return typeof value === 'number' ? text : `"${text.replace(/"/g, '""')}"`;
}

/** One CSV line (with its newline) for COPY … WITH (FORMAT csv) into CITY_CSV_COLUMNS. */
export function cityCsvLine(place: Place): string {
  return (
    [
      place.id,
      'geonames',
      place.ru,
      place.be,
      place.en,
      textArrayLiteral(searchNames(place)),
      place.country,
      place.admin1,
      place.lat,
      place.lng,
      place.population,
      place.timezone || null,
    ]
      .map(csvField)
      .join(',') + '\n'
  );
}
