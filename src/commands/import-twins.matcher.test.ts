import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../gazetteer/index.ts';
import { cityMatcher, type WrittenCity } from './import-twins.matcher.ts';
import { nameVariants } from './import-twins.names.ts';

const match = cityMatcher(loadGazetteer());
const placeOf = (city: WrittenCity) => {
  const result = match(city);
  return result.ok
    ? `${result.place.en} ${result.place.country}${result.place.country === 'US' ? ` ${result.place.admin1}` : ''}`
    : result.failure;
};

describe('matching twin-list cities to the gazetteer', () => {
  it.each([
    ['Baranavichy', 'Belarus', 'Baranovichi BY'],
    ['Kuznetsk', 'Russia', 'Kuznetsk RU'],
    ['Bağcılar', 'Turkey', 'Bağcılar TR'],
    ['Tbilisi', 'Georgia (country)', 'Tbilisi GE'],
    ['Coventry', 'England, United Kingdom', 'Coventry GB'],
    ['Mariehamn', 'Finland', 'Mariehamn AX'],
    ['Thessaloniki', 'Grece', 'Thessaloníki GR'],
    ['Berlin – Steglitz-Zehlendorf', 'Germany', 'Berlin DE'],
    ['Prague 1', 'Czech Republic', 'Prague CZ'],
    ['Rottenburg am Neckar', 'Germany', 'Rottenburg DE'],
    ['Varna, Bulgaria', 'Bulgaria', 'Varna BG'],
  ])('%s, %s is %s', (name, country, expected) => {
    expect(placeOf({ name, country })).toBe(expected);
  });

  it('takes the most prominent namesake (a state capital) without coordinates and the one at the coordinates with them', () => {
    expect(placeOf({ name: 'Springfield', country: 'United States' })).toBe('Springfield US IL');
    expect(placeOf({ name: 'Springfield', country: 'United States', lat: 42.1, lng: -72.59 })).toBe(
      'Springfield US MA',
    );
  });

  it('says why a city is not matched', () => {
    expect(match({ name: 'Minsk', country: 'Narnia' })).toMatchObject({
      ok: false,
      failure: 'unknown_country',
    });
    expect(match({ name: 'Atlantis Undersea', country: 'Russia' })).toMatchObject({
      ok: false,
      failure: 'city_not_found',
      detail: expect.stringContaining('RU'),
    });
  });

  it('tries the literal name first, then its parts', () => {
    expect(nameVariants('Seoul – Songpa')).toEqual(['Seoul – Songpa', 'Songpa', 'Seoul']);
    expect(nameVariants('Frankfurt (Oder)').slice(0, 2)).toEqual(['Frankfurt (Oder)', 'Frankfurt']);
    expect(nameVariants('Zeulenroda-Triebes')).toContain('Zeulenroda');
  });
});
