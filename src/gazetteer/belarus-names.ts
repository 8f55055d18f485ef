import {
  NOT_RUSSIAN,
  RUSSIAN_ONLY,
  UKRAINIAN_SOFT_SIGN,
  belarusianStrength,
  closest,
  distanceToLatin,
  dropsSoftSign,
  russianScore,
} from './cyrillic-scores.ts';
import type { CyrillicNames } from './cyrillic-names.ts';

/**
 * The Russian and Belarusian names of a place in Belarus. Its Latin names are romanized from
 * Belarusian there («Mazyr», «Polatsk»), which would make Belarusian forms look Russian, so the
 * Belarusian name is chosen first (marked by ў, і, э, else the unmarked form closest to the Latin
 * one), and the Russian one then with «a» and «o» counted as one letter, preferring a form other
 * than the Belarusian one: «Мазыр» and «Мозырь», «Паставы» and «Поставы», «Орша» and «Орша».
 */
export function pickBelarusNames(cyrillic: string[], latinNames: string[]): CyrillicNames {
  // latinNames[0] is the place's main name.
  const notUkrainian = (name: string) => !UKRAINIAN_SOFT_SIGN.test(name.toLowerCase());
  const marked = cyrillic.filter((name) => belarusianStrength(name) >= 1 && notUkrainian(name));
  const unmarked = cyrillic.filter(
    (name) =>
      RUSSIAN_ONLY.test(name) &&
      !/[ищъ]/i.test(name) &&
      notUkrainian(name) &&
      !dropsSoftSign(name, cyrillic.filter(notUkrainian)),
  );
  // The place's main Latin name is the Belarusian romanization; alternates include the Russian one.
  const main = latinNames.slice(0, 1);
  const be =
    closest(marked, (name) => distanceToLatin(name, latinNames) - belarusianStrength(name)) ??
    closest(unmarked, (name) => distanceToLatin(name, main) + 0.01 * distanceToLatin(name, latinNames));
  const russian = cyrillic.filter((name) => RUSSIAN_ONLY.test(name));
  const ru = closest(
    russian,
    (name) =>
      russianScore(name, latinNames, cyrillic, true) +
      (name === be ? 0.2 : 0) +
      (NOT_RUSSIAN.test(name.toLowerCase()) ? 0.5 : 0) +
      (hasYeryTwin(name, cyrillic) ? 0.3 : 0),
  );
  // Akanye decides between two forms that differ only in unstressed vowels: «Навагрудак» is the
  // Belarusian, «Новогрудок» the Russian, whichever the Latin names resemble.
  if (ru && be && sameBesidesVowels(ru, be) && count(ru, /[ая]/g) > count(be, /[ая]/g))
    return { ru: be, be: ru };
  return { ru, be };
}

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

function sameBesidesVowels(a: string, b: string): boolean {
  const neutral = (text: string) => text.toLowerCase().replace(/[ао]/g, 'о').replace(/[яеё]/g, 'е');
  return a !== b && neutral(a) === neutral(b);
}

/** Ukrainian writes «и» where Russian and Belarusian write «ы»: «Пастави» beside «Поставы», «Паставы». */
function hasYeryTwin(name: string, cyrillic: string[]): boolean {
  if (!name.includes('и')) return false;
  const yery = name.replace(/и/g, 'ы').replace(/[ао]/g, 'о');
  return cyrillic.some((other) => other !== name && other.replace(/[ао]/g, 'о') === yery);
}
