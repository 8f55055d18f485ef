import { describe, expect, it } from 'vitest';
import { GEONAMES_ATTRIBUTION, countryCodes, countryCodesFromName, countryName } from './index.ts';

describe('country names', () => {
  it('names countries in Russian, Belarusian and English', () => {
    expect(countryName('BY', 'ru')).toBe('Беларусь');
    expect(countryName('BY', 'be')).toBe('Беларусь');
    expect(countryName('RU', 'ru')).toBe('Россия');
    expect(countryName('RU', 'be')).toBe('Расія');
    expect(countryName('de', 'en')).toBe('Germany');
    expect(countryName('RU')).toBe('Россия');
  });

  it.each([
    ['Belarus', ['BY']],
    ['Беларусь', ['BY']],
    ['Czech Republic', ['CZ']],
    ['England, United Kingdom', ['GB']],
    ['Georgia (country)', ['GE']],
    ['Turkey', ['TR']],
    ['Vietnam', ['VN']],
    ['Bosnia and Hercegovina', ['BA']],
    ['Saint Kitts and Nevis', ['KN']],
    ['Grece', ['GR']],
    ['Kazakhstah', ['KZ']],
    ['Narnia', []],
  ])('«%s» is %j', (written, codes) => {
    expect(countryCodesFromName(written)).toEqual(codes);
  });

  it('lists real countries only, not withdrawn codes or groupings', () => {
    const codes = countryCodes();
    expect(codes).toContain('XK');
    for (const code of ['UK', 'SU', 'YU', 'EU', 'ZZ', 'VD']) expect(codes).not.toContain(code);
  });

  it('credits GeoNames under CC BY 4.0', () => {
    expect(GEONAMES_ATTRIBUTION.text).toMatch(/GeoNames.*CC BY 4\.0/);
  });
});
