/** Names in Latin letters: a run of capitalized words, a person when it starts with a given name. */
import type { Token } from './01-tokens.ts';
import { LATIN_GIVEN_NAMES } from './06-entities-lexicon-orgs.ts';
import { spanText, type RuleMatch } from './06-entities-words.ts';

// Small words inside a name: «Bank of China», «Harles und Jentzsch», «AT&T».
const CONNECTORS = new Set([
  'della',
  'del',
  'of',
  'and',
  'und',
  'the',
  'for',
  'to',
  'de',
  'la',
  'du',
  'von',
  'van',
  '&',
  'et',
]);
const ROMAN = /^[IVXLCM]+$/;
// Software and devices are things, not organizations; «STS-124» is a flight.
const NOT_NAMES = new Set(
  'windows linux android ios iphone ipad ipod mac macos office word excel xbox playstation wi-fi gps usb dvd cd'.split(
    ' ',
  ),
);

const nameWord = (t: Token | undefined): t is Token =>
  !!t && t.kind === 'word' && t.latin && (t.cap || /^\d/.test(t.text)) && !/[А-Яа-яЁё]/.test(t.text);

/** A Latin name starting at token i, and whether it reads as a person's name. */
export function latinNameAt(tokens: Token[], i: number): (RuleMatch & { person: boolean }) | undefined {
  const t = tokens[i];
  if (!nameWord(t) || ROMAN.test(t.text) || t.text.length < 2 || NOT_NAMES.has(t.lower)) return undefined;
  if (/-\d+$/.test(t.text)) return undefined;
  if (nameWord(tokens[i - 1])) return undefined;
  let last = i + 1;
  for (;;) {
    const n = tokens[last];
    if (!n || n.sent !== t.sent) break;
    const glued = n.start === (tokens[last - 1] as Token).end;
    if (nameWord(n) && (!glued || (tokens[last - 1] as Token).kind !== 'word')) last++;
    // «Lenta.ru», «NEWSru.com», «France-Presse»: dots and hyphens inside a name.
    else if (/^[.\-&]$/.test(n.text) && glued && tokens[last + 1]?.latin && tokens[last + 1]?.start === n.end)
      last += 2;
    else if (CONNECTORS.has(n.lower) && n.latin && nameWord(tokens[last + 1])) last += 2;
    // «Sami al-Haj», «Khaled el-Masri»: Arabic articles in lower case.
    else if (/^(al|el|ad|as|bin|ibn)-\p{Lu}/u.test(n.text) && !glued) last++;
    else break;
  }
  const words = tokens.slice(i, last).filter((w) => w.kind === 'word');
  const person =
    words.length >= 2 &&
    words.length <= 3 &&
    LATIN_GIVEN_NAMES.has(t.lower) &&
    words.every((w) => w.cap && !w.upper);
  return { first: i, last, normal: spanText(tokens, i, last), person };
}
