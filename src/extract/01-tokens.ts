/** Pass 1: tokens with character offsets, and sentences. */

export interface Token {
  /** Index in the token array. */
  i: number;
  text: string;
  /** Lower case, ё read as е. */
  lower: string;
  start: number;
  end: number;
  kind: 'word' | 'num' | 'punct';
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Two or more letters, all upper case (an abbreviation such as «ЦБС»). */
  upper: boolean;
  latin: boolean;
  /** A line break in the whitespace before the token. */
  nlBefore: boolean;
  sent: number;
}

export interface Sentence {
  index: number;
  /** Token range [first, last). */
  first: number;
  last: number;
  start: number;
  end: number;
}

// Words with inner hyphens ("город-побратим", "245-летнему"), numbers, single other characters.
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[-‐][\p{L}\p{M}\p{N}]+)*|\S/gu;
const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;
const LATIN = /[A-Za-z]/;

/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set(
  'г гг им ул пр просп д обл р-н пос с ст т тыс млн млрд руб коп св проф акад ген см стр рис англ нем пер ред напр др зам пл корр'.split(
    ' ',
  ),
);

/** Blanks HTML tags and entities so that offsets into the original text stay valid. */
function blankMarkup(text: string): string {
  return text.replace(/<\/?[A-Za-z!][^<>]{0,500}>|&[a-zA-Z]{2,8};|&#\d{1,6};/g, (m) => ' '.repeat(m.length));
}

/** Splits text into tokens; a hyphen joins two parts only if one of them has letters. */
export function tokenize(input: string): Token[] {
  const text = blankMarkup(input);
  const tokens: Token[] = [];
  let prevEnd = 0;
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    const parts = /^\p{N}+[-‐]\p{N}+$/u.test(m[0]) ? m[0].split(/(?=[-‐])|(?<=[-‐])/) : [m[0]];
    let offset = start;
    for (const part of parts) {
      const hasLetter = LETTER.test(part);
      const first = part[0] ?? '';
      tokens.push({
        i: tokens.length,
        text: part,
        lower: part.toLowerCase().replace(/ё/g, 'е'),
        start: offset,
        end: offset + part.length,
        kind: hasLetter ? 'word' : /^\p{N}/u.test(part) ? 'num' : 'punct',
        cap: UPPER.test(first),
        upper: hasLetter && part.length > 1 && part === part.toUpperCase() && part !== part.toLowerCase(),
        latin: LATIN.test(part),
        nlBefore: text.slice(prevEnd, offset).includes('\n'),
        sent: 0,
      });
      offset += part.length;
      prevEnd = offset;
    }
  }
  return tokens;
}

function endsSentence(tokens: Token[], k: number, text: string): boolean {
  const t = tokens[k];
  const next = tokens[k + 1];
  if (!t || !next) return false;
  if (next.nlBefore && /\n[ \t\r]*\n/.test(text.slice(t.end, next.start))) return true;
  if (!/^[.!?…]$/.test(t.text)) return false;
  const prev = tokens[k - 1];
  if (t.text === '.' && prev && prev.end === t.start) {
    if (ABBREVIATIONS.has(prev.lower)) return false;
    // An initial: «А. Н. Радищев».
    if (prev.kind === 'word' && prev.text.length === 1 && prev.cap) return false;
  }
  return next.cap || next.kind === 'num' || /^[«"„(—–-]$/.test(next.text);
}

/** Marks each token with its sentence index and returns the sentences. */
export function splitSentences(tokens: Token[], text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let first = 0;
  for (let k = 0; k < tokens.length; k++) {
    if (k + 1 === tokens.length || endsSentence(tokens, k, text)) {
      const a = tokens[first];
      const b = tokens[k];
      if (!a || !b) continue;
      const index = sentences.length;
      for (let j = first; j <= k; j++) (tokens[j] as Token).sent = index;
      sentences.push({ index, first, last: k + 1, start: a.start, end: b.end });
      first = k + 1;
    }
  }
  return sentences;
}
