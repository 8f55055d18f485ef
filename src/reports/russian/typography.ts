/**
 * Russian typography for generated documents: what an editor would otherwise fix by hand.
 * Hand-written because the rules are few and specific to Russian official writing; the typography
 * libraries on npm target web HTML and bring rule sets we would have to switch off one by one.
 */

/** U+00A0: keeps «№» with its number, «г.» with the name and initials with the surname. */
export const NBSP = '\u00a0';
/** U+2013: the dash of ranges («18–21 сентября»). */
export const EN_DASH = '\u2013';
/** U+2014: the dash between words, with a non-breaking space before it. */
export const EM_DASH = '\u2014';

/** «ёлочки» outside, „лапки“ inside: the quotes of Russian print. */
export function quote(text: string, nested = false): string {
  return nested ? `„${text}“` : `«${text}»`;
}

/**
 * Straight quotes turned into «ёлочки» (nested ones into „лапки“), spaces tied where Russian
 * typesetting ties them, and hyphens between spaces turned into dashes.
 */
export function typographRu(text: string): string {
  let out = replaceStraightQuotes(text);
  // A hyphen standing alone between words is a dash; the space before it does not break.
  out = out.replace(/ +[-–—] +/g, `${NBSP}${EM_DASH} `);
  // «№ 5», «§ 3»: the sign never ends a line.
  out = out.replace(/([№§]) *(?=\d)/g, `$1${NBSP}`);
  // «г. Кузнецк», «ул. Ленина», «д. 5»: the abbreviation stays with what follows.
  out = out.replace(/(^|[\s(«])(г|гг|ул|д|пр|пл|с|пос|обл|им|т|тт|стр|рис)\. +/g, `$1$2.${NBSP}`);
  // «2025 г.», «XX в.», «120 чел.»: the number stays with its abbreviation.
  // Only a year or a century takes «г.»/«в.»: in «№ 5 г. Барановичи» the «г.» belongs to the city.
  out = out.replace(/(?<![№\d]\s?)(\d{3,4}|[IVXLC]+) +(гг?|вв?)\./g, `$1${NBSP}$2.`);
  out = out.replace(/(\d) +(чел|тыс|млн|млрд|руб)\./g, `$1${NBSP}$2.`);
  // Initials with the surname: «В. А. Щербаков», «Щербаков В. А.».
  out = out.replace(/(?<=\p{Lu}\.) (?=\p{Lu}[\p{Ll}.])/gu, NBSP);
  out = out.replace(/(?<=\p{Lu}\p{Ll}+) (?=\p{Lu}\.)/gu, NBSP);
  // A number range with a hyphen: «18-21» → «18–21».
  out = out.replace(/(\d)-(\d)/g, `$1${EN_DASH}$2`);
  return out;
}

function replaceStraightQuotes(text: string): string {
  let depth = 0;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '"') {
      out += ch;
      continue;
    }
    // A quote at the start, or after a space, a bracket or another opening quote, opens.
    const opens = i === 0 || /[\s(«„[-]/.test(text.charAt(i - 1));
    if (opens) {
      out += depth === 0 ? '«' : '„';
      depth++;
    } else {
      depth = Math.max(0, depth - 1);
      out += depth === 0 ? '»' : '“';
    }
  }
  return out;
}
