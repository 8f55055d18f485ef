/** Scores that tell Russian, Belarusian and other Cyrillic names of a place apart. */
import { editDistance, normalizeName } from './normalize.ts';
import { wordVariants } from './russian-cases.ts';
import { toponymEvidence } from './toponym-dictionary.ts';
import { transliterateRussian } from './transliterate.ts';

// GeoNames alternate names carry no language tags in cities500, so the language of a Cyrillic
// name is told from its letters: Russian uses only these, its neighbours add their own.
export const RUSSIAN_ONLY = /^[а-яё]+(?:[ -][а-яё]+)*$/i;
export const NOT_BELARUSIAN = /[иїєґщъјљњђћџѓќѕәғқңөұүһҳҷӣӯҫӑӗҗӈӧӱӹæ]/;
/** Ukrainian «-ськ», «-цьк», «-ець» where Russian writes «-ск», «-цк», «-ец». */
export const UKRAINIAN_SOFT_SIGN = /[сцз]ьк|ць$/;

/** How far a Cyrillic name's romanization is from the nearest Latin name of the place (0 = equal). */
export function distanceToLatin(cyrillic: string, latinNames: string[], akanye = false): number {
  // Belarusian romanizations write «a» where Russian has an unstressed «о» (Mazyr for Мозырь).
  const neutral = (text: string) => (akanye ? text.replace(/a/g, 'o') : text);
  const romanized = neutral(normalizeName(transliterateRussian(cyrillic)));
  let best = 1;
  for (const latin of latinNames) {
    const d = editDistance(romanized, neutral(latin)) / Math.max(romanized.length, latin.length, 1);
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
export const NOT_RUSSIAN = /[жшч]ы|шч|дзь/;

/**
 * Lower is more likely the Russian name. Above all a toponym the Russian dictionary knows, of
 * which the one nearest the Latin names wins («Мюнхен» over «Минхен», «Самара» over «Самар»);
 * else the name nearest the Latin names, backed by inflected forms, the main Latin name
 * (latinNames[0]) breaking ties («Хартум» over «Картум» for Khartoum) where Russian follows the
 * Latin spelling: not for Japanese places, whose Hepburn romaji Russian does not follow
 * (Kamaishi is «Камаиси» in Polivanov's system, not «Камаиши»).
 */
export function russianScore(
  name: string,
  latinNames: string[],
  cyrillic: string[],
  akanye = false,
  mainNameBreaksTies = true,
): number {
  const lower = name.toLowerCase();
  const evidence = toponymEvidence(name);
  const nearest = distanceToLatin(name, latinNames, akanye);
  const toMain = distanceToLatin(name, latinNames.slice(0, 1), akanye);
  let score =
    evidence > 0
      ? nearest + 0.5 * toMain - 2 * evidence
      : nearest + (mainNameBreaksTies ? 0.1 * toMain : 0) - Math.min(support(name, cyrillic), 1.5);
  // «Сага Япония», «Вильнюс Литва»: a town's name told apart by its country, not the name itself.
  if (lower.includes(' ') && RUSSIAN_COUNTRY_NAMES.has(lower.slice(lower.lastIndexOf(' ') + 1))) score += 1;
  // Pre-reform spellings («Полотьскъ») are history, not today's name.
  if (/ъ$/.test(lower)) score += 0.5;
  if (UKRAINIAN_SOFT_SIGN.test(lower)) score += 0.5;
  if (NOT_RUSSIAN.test(lower)) score += 0.5;
  if (dropsSoftSign(name, cyrillic)) score += 0.3;
  return score;
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** One-word country names in Russian, from ICU («япония», «литва», «германия»). */
const RUSSIAN_COUNTRY_NAMES: ReadonlySet<string> = (() => {
  const names = new Set<string>();
  const display = new Intl.DisplayNames(['ru'], { type: 'region', fallback: 'none' });
  for (const a of LETTERS) {
    for (const b of LETTERS) {
      const name = display.of(a + b)?.toLowerCase();
      if (name && !/[\s-]/.test(name) && /^[а-яё]+$/.test(name)) names.add(name);
    }
  }
  return names;
})();

/** How surely a name is Belarusian: 2 for ў or і beside ы/э, 1 for і, э or an apostrophe alone. */
export function belarusianStrength(name: string): number {
  const lower = name.toLowerCase();
  if (NOT_BELARUSIAN.test(lower) || /[a-z]/.test(lower)) return 0;
  if (lower.includes('ў') || (lower.includes('і') && /[ыэ]/.test(lower))) return 2;
  if (/[іэ'’ʼ]/.test(lower)) return 1;
  return 0;
}

/** The candidate with the lowest score, the first of equals. */
export function closest(candidates: string[], score: (name: string) => number): string | null {
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

/** Serbian and Bulgarian drop the soft sign Russian and Belarusian keep («Гомел» beside «Гомель»). */
export function dropsSoftSign(name: string, cyrillic: string[]): boolean {
  const lower = name.toLowerCase();
  return cyrillic.some(
    (other) => other.toLowerCase() !== lower && other.toLowerCase().replace(/ь/g, '') === lower,
  );
}
