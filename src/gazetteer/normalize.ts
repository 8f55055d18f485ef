/** Latin letters that Unicode does not decompose into a base letter plus a combining mark. */
const UNDECOMPOSED: Record<string, string> = {
  ß: 'ss',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŀ: 'l',
  ŧ: 't',
  ĸ: 'k',
};
const UNDECOMPOSED_RE = new RegExp(`[${Object.keys(UNDECOMPOSED).join('')}]`, 'g');

/**
 * The search key of a name: lower case, ё as е, Latin diacritics dropped, punctuation as single
 * spaces. Cyrillic й survives (NFD would otherwise turn it into и), apostrophes vanish.
 */
export function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/и\u0306/g, 'й')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(UNDECOMPOSED_RE, (ch) => UNDECOMPOSED[ch] ?? ch)
    .replace(/ё/g, 'е')
    .replace(/['’ʼ‘`´ʻ"«»“”]/g, '')
    .replace(/[\s\-‐‑–—_.,;:!?()[\]{}/\\|*+&#]+/g, ' ')
    .trim();
}

/** True when the text is written in Cyrillic (at least one Cyrillic letter, no Latin ones). */
export function isCyrillic(text: string): boolean {
  return /[\u0400-\u04ff]/.test(text) && !/[a-z]/i.test(text);
}

/** True when the text is written in Latin letters only (with diacritics and punctuation). */
export function isLatin(text: string): boolean {
  return /[a-z]/i.test(text) && !/[^\u0020-\u024f\u1e00-\u1eff\u2018-\u201f\s]/.test(text);
}

/** Levenshtein distance, with an early exit once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}
