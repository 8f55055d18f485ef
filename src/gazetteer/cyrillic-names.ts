import { pickBelarusNames } from './belarus-names.ts';
import {
  RUSSIAN_ONLY,
  UKRAINIAN_SOFT_SIGN,
  belarusianStrength,
  closest,
  distanceToLatin,
  russianScore,
} from './cyrillic-scores.ts';
import { isCyrillic, isLatin, normalizeName } from './normalize.ts';

export interface CyrillicNames {
  ru: string | null;
  be: string | null;
}

/**
 * Picks the Russian and Belarusian names of a place from its untagged alternate names, using its
 * Latin names to choose among several Russian-looking forms. A Belarusian form with only weak
 * signs (і or э alone, as Ukrainian also writes) counts only for places in Belarus.
 */
export function pickCyrillicNames(alternates: string[], latin: string[], country: string): CyrillicNames {
  const cyrillic = [...new Set(alternates.filter((name) => isCyrillic(name)))];
  if (cyrillic.length === 0) return { ru: null, be: null };
  const latinNames = [...new Set(latin.filter(isLatin).map(normalizeName))];
  if (country === 'BY') return pickBelarusNames(cyrillic, latinNames);
  const russian = cyrillic.filter((name) => RUSSIAN_ONLY.test(name));
  const ru = closest(russian, (name) => russianScore(name, latinNames, cyrillic));
  const belarusian = cyrillic.filter(
    (name) => name !== ru && belarusianStrength(name) >= 2 && !UKRAINIAN_SOFT_SIGN.test(name.toLowerCase()),
  );
  const be = closest(belarusian, (name) => distanceToLatin(name, latinNames) - belarusianStrength(name));
  return { ru, be };
}
