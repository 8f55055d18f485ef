import { editDistance, normalizeName } from './normalize.ts';

/** The languages the interface speaks, and so the languages country names are given in. */
export type Language = 'ru' | 'be' | 'en';

// ICU also names groupings, pseudo-locales, withdrawn codes (UK, SU, YU, BU…) and parts of countries
// that ISO 3166-1 does not list; GeoNames files none of them, so they would only shadow real codes.
const NOT_COUNTRIES = new Set(
  'AC AN BU CP CQ CS DD DG DY EA EU EZ FX HV IC NH QO RH SU TA TP UK UN VD XA XB YD YU ZR ZZ'.split(' '),
);

/** Every ISO 3166-1 alpha-2 code ICU can name, with Kosovo's user-assigned XK, which GeoNames uses. */
const CODES: string[] = (() => {
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const codes: string[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (names.of(code) && !NOT_COUNTRIES.has(code)) codes.push(code);
    }
  }
  return codes;
})();

const displayNames = new Map<Language, Intl.DisplayNames>();

/** The name of a country in Russian, Belarusian or English («Беларусь», «Расія», «Czechia»), from ICU. */
export function countryName(code: string, language: Language = 'ru'): string {
  let names = displayNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
    displayNames.set(language, names);
  }
  return names.of(code.toUpperCase()) ?? code;
}

// Names that lists in English use and ICU does not: older names, constituent countries of the UK,
// territories GeoNames files under another code.
const ALIASES: Record<string, string[]> = {
  turkey: ['TR'],
  england: ['GB'],
  scotland: ['GB'],
  wales: ['GB'],
  'northern ireland': ['GB'],
  'great britain': ['GB'],
  'republic of ireland': ['IE'],
  'czech republic': ['CZ'],
  'republic of macedonia': ['MK'],
  macedonia: ['MK'],
  palestine: ['PS'],
  'west bank': ['PS'],
  'gaza strip': ['PS'],
  'northern cyprus': ['CY'],
  'ivory coast': ['CI'],
  'cape verde': ['CV'],
  'east timor': ['TL'],
  moldavia: ['MD'],
  burma: ['MM'],
  swaziland: ['SZ'],
  'georgia country': ['GE'],
  // The country and the US state share the name; lists of twin towns mean the country more often.
  georgia: ['GE', 'US'],
  congo: ['CG', 'CD'],
  'republic of the congo': ['CG'],
  'democratic republic of the congo': ['CD'],
  micronesia: ['FM'],
  'federated states of micronesia': ['FM'],
  'vatican city': ['VA'],
  'the gambia': ['GM'],
  'the bahamas': ['BS'],
  'saint vincent and the grenadines': ['VC'],
  usa: ['US'],
  'united states of america': ['US'],
  uk: ['GB'],
  'soviet union': ['RU', 'UA', 'BY'],
  yugoslavia: ['RS', 'ME'],
  island: ['IS'],
};

/** The comparable form of a country name: «&» and «St.» spelled out, as lists in English write them. */
const countryKey = (name: string) =>
  normalizeName(name.replace(/&/g, ' and ').replace(/\bSt\.?\s/g, 'Saint '));

const byName = new Map<string, string[]>();
for (const code of CODES) {
  for (const language of ['en', 'ru', 'be'] as const) {
    const name = countryName(code, language);
    // «Myanmar (Burma)», «Congo - Kinshasa»: each part names the country too.
    for (const part of [name, name.replace(/\(.*\)/, ''), ...name.split(/ - |[()]/)]) {
      const key = countryKey(part);
      if (key.length > 2 && !byName.has(key)) byName.set(key, [code]);
    }
  }
}
for (const [alias, codes] of Object.entries(ALIASES)) byName.set(alias, codes);

/**
 * ISO codes for a country as a person wrote it: an English, Russian or Belarusian name («Czech
 * Republic», «England, United Kingdom», «Grece»), best first; empty when nothing is close.
 * A "Region, Country" form gives the country's code, then any code the region names.
 */
export function countryCodesFromName(written: string): string[] {
  const parts = written.split(',').map((part) => countryKey(part.replace(/^\s*in\s+/i, '')));
  const found: string[] = [];
  for (const part of [...parts].reverse()) {
    for (const code of exactOrClose(part)) if (!found.includes(code)) found.push(code);
  }
  return found;
}

function exactOrClose(name: string): string[] {
  if (!name) return [];
  if (/^[a-z]{2}$/.test(name) && CODES.includes(name.toUpperCase())) return [name.toUpperCase()];
  const exact = byName.get(name);
  if (exact) return exact;
  // Misspellings («Kazakhstah», «Madagaskar», «Japa») are within one or two letters of one name.
  const limit = name.length < 7 ? 1 : 2;
  let best: string[] = [];
  let bestDistance = limit + 1;
  for (const [known, codes] of byName) {
    const distance = editDistance(name, known, limit);
    if (distance < bestDistance) [best, bestDistance] = [codes, distance];
  }
  return best;
}

/** Every country code ICU names, for pickers and validation. */
export function countryCodes(): readonly string[] {
  return CODES;
}
