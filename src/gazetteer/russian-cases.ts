import { nominativesOf } from './toponym-dictionary.ts';

/**
 * Endings of Russian oblique cases and the nominative endings they may come from. Every ending
 * found at the end of a word yields all its replacements; the gazetteer keeps the ones that exist.
 */
const ENDINGS: ReadonlyArray<readonly [string, readonly string[]]> = [
  // Plural town names: Барановичи, Чебоксары, Сочи.
  ['ами', ['и', 'ы', 'а']],
  ['ями', ['и', 'я', 'ь']],
  ['ах', ['и', 'ы', 'а']],
  ['ях', ['и', 'я']],
  ['ам', ['и', 'ы', 'а']],
  ['ям', ['и', 'я']],
  ['ей', ['и', 'ь', 'я']],
  // Adjectives: Нижнего Новгорода, Белой Церкви, Великих Лук.
  ['ого', ['ий', 'ый', 'ой', 'ое']],
  ['его', ['ий', 'ее']],
  ['ому', ['ий', 'ый', 'ой', 'ое']],
  ['ему', ['ий', 'ее']],
  ['ым', ['ый', 'ые', 'ое']],
  ['им', ['ий', 'ие', 'ее']],
  ['ых', ['ые']],
  ['их', ['ие']],
  ['ыми', ['ые']],
  ['ими', ['ие']],
  ['ую', ['ая']],
  ['юю', ['яя']],
  // Nouns: Кузнецка, Минске, Москвы, Казани, Ярославля, Феодосии.
  ['ией', ['ия']],
  ['ии', ['ия']],
  ['ию', ['ия']],
  ['ой', ['а', 'ая']],
  ['ою', ['а']],
  ['ом', ['', 'о']],
  ['ем', ['ь', 'й', 'е', 'ий', 'ее']],
  ['ью', ['ь']],
  ['а', ['', 'о']],
  ['я', ['ь', 'е', 'й']],
  ['у', ['', 'а', 'о']],
  ['ю', ['ь', 'я', 'е', 'й']],
  ['е', ['', 'а', 'я', 'о', 'ь']],
  ['и', ['ь', 'а', 'я']],
  ['ы', ['а']],
];
const CONSONANT = /[бвгджзклмнпрстфхцчшщ]/;
const MAX_VARIANTS = 64;

/** Nominative guesses for one word, the word itself first, then the dictionary's, then by endings. */
export function wordVariants(word: string, dictionary = false): string[] {
  const out = new Set<string>([word]);
  if (dictionary) for (const nominative of nominativesOf(word)) out.add(nominative);
  for (const [ending, replacements] of ENDINGS) {
    if (!word.endsWith(ending) || word.length - ending.length < 2) continue;
    const stem = word.slice(0, -ending.length);
    for (const replacement of replacements) {
      out.add(stem + replacement);
      // A vowel that drops out in oblique cases: Орла → Орёл, Ельца → Елец.
      const a = stem.at(-2);
      const b = stem.at(-1);
      if (replacement === '' && a && b && CONSONANT.test(a) && CONSONANT.test(b)) {
        out.add(`${stem.slice(0, -1)}е${b}`);
        out.add(`${stem.slice(0, -1)}о${b}`);
      }
    }
  }
  return [...out];
}

/** Nominative guesses for a normalized Cyrillic name, word by word, without the name itself. */
export function russianCaseVariants(normalized: string): string[] {
  if (!/^[\u0400-\u04ff ]+$/.test(normalized)) return [];
  let combos = [''];
  let pluralBefore = false;
  for (const word of normalized.split(' ')) {
    const variants = wordVariants(word, true);
    // The genitive plural often has no ending: «Великих Лук» is «Великие Луки».
    if (pluralBefore) variants.push(`${word}и`, `${word}ы`);
    pluralBefore = variants.some((variant) => /[иы]е$/.test(variant));
    const next: string[] = [];
    for (const prefix of combos) {
      for (const variant of variants) {
        if (next.length >= MAX_VARIANTS) break;
        next.push(prefix ? `${prefix} ${variant}` : variant);
      }
    }
    combos = next;
  }
  return combos.filter((variant) => variant !== normalized);
}
