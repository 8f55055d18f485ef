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
import { pinyinToPalladius } from './palladius.ts';
import { toponymEvidence } from './toponym-dictionary.ts';

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
  let ru = hyphenated(
    closest(russian, (name) => russianScore(name, latinNames, cyrillic, false, country !== 'JP')),
    russian,
  );
  if (country === 'CN') ru = chineseName(ru, russian, latin[0] ?? '');
  const belarusian = cyrillic.filter(
    (name) => name !== ru && belarusianStrength(name) >= 2 && !UKRAINIAN_SOFT_SIGN.test(name.toLowerCase()),
  );
  const be = closest(belarusian, (name) => distanceToLatin(name, latinNames) - belarusianStrength(name));
  return { ru, be };
}

/**
 * Russian hyphenates compound place names («Ростов-на-Дону», «Нови-Сад», «Баня-Лука»): of two
 * spellings that differ only there, the hyphenated one.
 */
function hyphenated(picked: string | null, russian: string[]): string | null {
  if (!picked || !picked.includes(' ')) return picked;
  const joined = picked.replace(/ /g, '-');
  return russian.find((name) => name === joined) ?? picked;
}

/**
 * A Chinese place's Russian name: one the dictionary knows («Пекин», «Харбин»), else the alternate
 * spelled as Palladius spells its pinyin name, else that spelling itself (the system Russian uses
 * for Chinese names), else the best alternate.
 */
function chineseName(picked: string | null, russian: string[], pinyin: string): string | null {
  if (picked && toponymEvidence(picked) > 0) return picked;
  const palladius = pinyinToPalladius(pinyin);
  if (!palladius) return picked;
  const key = (name: string) => name.toLowerCase().replace(/ё/g, 'е').replace(/[\s-]/g, '');
  return russian.find((name) => key(name) === key(palladius)) ?? palladius;
}
