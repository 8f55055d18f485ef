/** The text rules of an iCalendar document (RFC 5545 §3.1, §3.3): escaping, folding, dates. */

/** A TEXT value escaped: backslashes, semicolons and commas behind a backslash, line breaks as `\n`. */
export function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (match) => `\\${match}`).replace(/\r\n|\r|\n/g, '\\n');
}

/** The UTF-8 octets of the UTF-16 unit `code`; a surrogate alone is written as U+FFFD, three octets. */
function unitOctets(code: number): number {
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  return 3;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * One content line folded to 75 octets: a CRLF and a space before the character that would pass 74
 * octets, never inside a character. Counts octets from the UTF-16 codes in one pass over the line;
 * ical-generator 10 ran a new TextEncoder for every character, most of a large feed's time.
 */
export function foldLine(line: string): string {
  // Three octets per unit at most: a line of 24 units or fewer fits.
  if (line.length <= 24) return line;
  let folded = '';
  let from = 0;
  let octets = 0;
  for (let i = 0; i < line.length; i++) {
    const start = i;
    const code = line.charCodeAt(i);
    let size = unitOctets(code);
    // A high surrogate is never parted from the unit after it: with a low one, a four-octet character.
    if (isHighSurrogate(code) && i + 1 < line.length) {
      const next = line.charCodeAt(++i);
      size = isLowSurrogate(next) ? 4 : size + unitOctets(next);
    }
    octets += size;
    if (octets > 74) {
      folded += `${line.slice(from, start)}\r\n `;
      from = start;
      octets = size;
    }
  }
  return from === 0 ? line : folded + line.slice(from);
}

/** Every line of a document folded; lines are separated by CRLF. */
export function foldLines(text: string): string {
  return text.split('\r\n').map(foldLine).join('\r\n');
}

/** `YYYY-MM-DD` as a DATE value: `YYYYMMDD`. */
export function dateValue(date: string): string {
  return date.slice(0, 4) + date.slice(5, 7) + date.slice(8, 10);
}

const two = (n: number) => String(n).padStart(2, '0');

/** An instant as a UTC DATE-TIME value: `YYYYMMDDTHHMMSSZ`. */
export function utcDateTimeValue(at: Date): string {
  return (
    `${at.getUTCFullYear()}${two(at.getUTCMonth() + 1)}${two(at.getUTCDate())}` +
    `T${two(at.getUTCHours())}${two(at.getUTCMinutes())}${two(at.getUTCSeconds())}Z`
  );
}
