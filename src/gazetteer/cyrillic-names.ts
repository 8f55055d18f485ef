import { editDistance, isCyrillic, isLatin, normalizeName } from './normalize.ts';
import { wordVariants } from './russian-cases.ts';
import { transliterateRussian } from './transliterate.ts';

// GeoNames alternate names carry no language tags in cities500, so the language of a Cyrillic
// name is told from its letters: Russian uses only these, its neighbours add their own.
const RUSSIAN_ONLY = /^[а-яё]+(?:[ -][а-яё]+)*$/i;
const NOT_BELARUSIAN = /[иїєґщъјљњђћџѓќѕәғқңөұүһҳҷӣӯҫӑӗҗӈӧӱӹæ]/;
/** Ukrainian «-ськ», «-цьк» where Russian writes «-ск», «-цк». */
const UKRAINIAN_SOFT_SIGN = /[сцз]ьк/;

export interface CyrillicNames {
  ru: string | null;
  be: string | null;
}

/** How far a Cyrillic name's romanization is from the nearest Latin name of the place (0 = equal). */
function distanceToLatin(cyrillic: string, latinNames: string[]): number {
  const romanized = normalizeName(transliterateRussian(cyrillic));
  let best = 1;
  for (const latin of latinNames) {
    const d = editDistance(romanized, latin) / Math.max(romanized.length, latin.length, 1);
    if (d < best) best = d;
  }
  return best;
}

/**
 * Evidence that a name is the Russian one, from the other names of the place: GeoNames carries
 * inflected Russian forms («Москвы», «Киеву») and Kalmyk names built on the Russian one
 * («Львов ош», «Кузнецк балһсн»), and Slavic cousins differ from it by one letter.
 */
function support(name: string, others: string[]): number {
  const lower = name.toLowerCase();
  let score = 0;
  for (const other of others) {
    const o = other.toLowerCase();
    if (o === lower) continue;
    if (o.startsWith(`${lower} `)) score += 1;
    else if (wordVariants(o).includes(lower)) score += 0.6;
    else if (editDistance(lower, o, 1) <= 1) score += 0.15;
  }
  return score;
}

/** Spellings Russian orthography rules out and Belarusian uses: «Валожын», «Шчучын». */
const NOT_RUSSIAN = /[жшч]ы|шч|дзь/;

function russianScore(name: string, latinNames: string[], cyrillic: string[]): number {
  const lower = name.toLowerCase();
  let score = distanceToLatin(name, latinNames) - support(name, cyrillic);
  if (UKRAINIAN_SOFT_SIGN.test(lower)) score += 0.5;
  if (NOT_RUSSIAN.test(lower)) score += 0.5;
  // Serbian and Bulgarian drop the soft sign Russian keeps («Гомел» beside «Гомель»).
  if (
    cyrillic.some((other) => other.toLowerCase() !== lower && other.toLowerCase().replace(/ь/g, '') === lower)
  ) {
    score += 0.3;
  }
  return score;
}

function belarusianStrength(name: string): number {
  const lower = name.toLowerCase();
  if (NOT_BELARUSIAN.test(lower) || /[a-z]/.test(lower)) return 0;
  if (lower.includes('ў') || (lower.includes('і') && /[ыэ]/.test(lower))) return 2;
  if (/[іэ'’ʼ]/.test(lower)) return 1;
  return 0;
}

function closest(candidates: string[], score: (name: string) => number): string | null {
  let best: string | null = null;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const value = score(candidate);
    if (value < bestScore) {
      best = candidate;
      bestScore = value;
    }
  }
  return best;
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
  const russian = cyrillic.filter((name) => RUSSIAN_ONLY.test(name));
  const ru = closest(russian, (name) => russianScore(name, latinNames, cyrillic));
  const minStrength = country === 'BY' ? 1 : 2;
  const belarusian = cyrillic.filter(
    (name) =>
      name !== ru && belarusianStrength(name) >= minStrength && !UKRAINIAN_SOFT_SIGN.test(name.toLowerCase()),
  );
  const be = closest(belarusian, (name) => distanceToLatin(name, latinNames) - belarusianStrength(name));
  if (be || country !== 'BY') return { ru, be };
  return { ru, be: unmarkedBelarusian(cyrillic, ru, latinNames) };
}

/**
 * For a place in Belarus without a marked Belarusian form: another Russian-looking name that its
 * Latin names (romanized from Belarusian there: «Polatsk», «Mazyr») favour over the Russian one
 * («Полацк», «Мазыр»), else the Russian name itself when Belarusian spells it alike («Орша»,
 * «Гомель»: no и, щ or ъ, which Belarusian lacks).
 */
function unmarkedBelarusian(cyrillic: string[], ru: string | null, latinNames: string[]): string | null {
  const ruDistance = ru ? distanceToLatin(ru, latinNames) : 1;
  const candidates = cyrillic.filter(
    (name) =>
      name !== ru &&
      RUSSIAN_ONLY.test(name) &&
      !/[ищъ]/i.test(name) &&
      !UKRAINIAN_SOFT_SIGN.test(name.toLowerCase()) &&
      // Serbian and Bulgarian drop the soft sign («Гомел»); Belarusian keeps it.
      name !== ru?.replace(/ь/g, '') &&
      distanceToLatin(name, latinNames) < ruDistance,
  );
  const found = closest(candidates, (name) => distanceToLatin(name, latinNames));
  if (found) return found;
  return ru && !/[ищъ]/i.test(ru) ? ru : null;
}
