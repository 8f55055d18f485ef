import type { Place } from '../../gazetteer/index.ts';

/** Lower-cased, «ё» as «е», no diacritics: the same key the database's name_key() computes. */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replaceAll('ё', 'е')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The distinct name keys of a place (Russian, Belarusian, English), as stored in city.search_names. */
export function searchNames(place: Pick<Place, 'ru' | 'be' | 'en'>): string[] {
  return [...new Set([place.ru, place.be, place.en].filter((name): name is string => !!name).map(nameKey))];
}

/** A PostgreSQL array literal of texts, each quoted with its quotes and backslashes escaped. */
export function textArrayLiteral(values: string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}
