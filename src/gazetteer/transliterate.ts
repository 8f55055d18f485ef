/** Russian letters in the BGN/PCGN romanization that GeoNames uses for Russian and Belarusian names. */
const RUSSIAN_TO_LATIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  // Letters of the neighbouring alphabets, so that any Cyrillic name gets a comparable form.
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
  ў: 'w',
  ј: 'j',
  љ: 'lj',
  њ: 'nj',
  ђ: 'dj',
  ћ: 'c',
  џ: 'dz',
};

/** Romanizes a Cyrillic name the way GeoNames spells Russian places (е is "ye" after a vowel). */
export function transliterateRussian(text: string): string {
  const lower = text.toLowerCase();
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const ch = lower[i]!;
    const previous = i > 0 ? lower[i - 1]! : ' ';
    if ((ch === 'е' || ch === 'ё') && /[\sаеёиоуыэюяьъй-]/.test(previous)) {
      out += 'ye';
      continue;
    }
    out += RUSSIAN_TO_LATIN[ch] ?? ch;
  }
  return out;
}

/**
 * A coarse phonetic skeleton of a normalized Latin (or Cyrillic) name, equal for the usual
 * spelling variants of one Slavic or German name: «Baranovichi», «Baranavichy», «Baranowitschi»
 * and «Kuznetsk», «Kuzneck» meet. Only used to find candidates; an edit distance decides.
 */
export function phoneticSkeleton(normalized: string): string {
  let s = /[\u0400-\u04ff]/.test(normalized) ? transliterateRussian(normalized) : normalized;
  s = s
    .replace(/[\s']+/g, '')
    .replace(/shch|sch|szcz|sh|sz|ş|š/g, 's')
    .replace(/tsch|tch|ch|cz|ts|tz|c/g, 'c')
    .replace(/dzh|zh|rz/g, 'z')
    .replace(/kh|ck|q/g, 'k')
    .replace(/ph/g, 'f')
    .replace(/w/g, 'v')
    .replace(/x/g, 'ks')
    .replace(/([a-z])\1+/g, '$1')
    .replace(/[aeiouyj]+/g, 'a')
    .replace(/h/g, '');
  return s;
}
