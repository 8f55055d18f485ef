/** The longest title made from a press release's text; longer ones are cut at a word with «…». */
export const MAX_TITLE_LENGTH = 150;

/** What a title is when the text gives nothing to make one from. */
const UNTITLED = 'Пресс-релиз';

/** Sentence ends and breaks within a sentence: a line ending so does not read as a headline. */
const ENDS_PHRASE = /[.,;:…\-–—]$/;
/** Where a new sentence or a headline's next line may begin. */
const STARTS_SENTENCE = /^[\p{Lu}\d«"„“(]/u;
/** Lines this short throughout are a hard-wrapped text (a .txt file), not one paragraph a line. */
const WRAPPED_WIDTH = 100;

/**
 * A title for a press release from its text: its headline when the first line is one, else its
 * first sentence; cut at a word boundary with «…» when too long, never inside a word. The first
 * line is a headline when a blank line or a new sentence follows it and it is not just the first
 * line of a hard-wrapped paragraph («С 18 по 21 сентября официальная» / «делегация из…» is not).
 */
export function pressReleaseTitle(text: string): string {
  const lines = text.split(/\r?\n/).map((line) => line.replace(/\s+/g, ' ').trim());
  const start = lines.findIndex((line) => line !== '');
  if (start < 0) return UNTITLED;
  const rest = lines.slice(start);
  if (isHeadline(rest)) return cutAtWord(rest[0]!);
  const end = rest.indexOf('');
  const paragraph = (end < 0 ? rest : rest.slice(0, end)).join(' ');
  return cutAtWord(firstSentence(paragraph));
}

/** Whether the first of these lines (the text's first non-blank one) is a headline. */
function isHeadline(lines: string[]): boolean {
  const [line, next] = lines as [string, string | undefined];
  if (ENDS_PHRASE.test(line)) return false;
  if (next === undefined || next === '') return true;
  if (!STARTS_SENTENCE.test(next)) return false;
  const body = lines.slice(1, 13).filter((l) => l !== '');
  const wrapped = body.length >= 3 && body.every((l) => l.length <= WRAPPED_WIDTH);
  if (!wrapped) return true;
  // A wrapped text breaks a line only where the next word would not fit: when it would have, the
  // break is the author's, after a headline.
  const nextWord = next.split(' ')[0] ?? '';
  return line.length + 1 + nextWord.length <= Math.max(...body.map((l) => l.length));
}

/**
 * The first sentence of a paragraph, without its closing full stop. An abbreviation («г.», «им.»)
 * or an initial («В. Щербаков») does not end a sentence: the word before the stop must be longer.
 */
function firstSentence(paragraph: string): string {
  for (const match of paragraph.matchAll(/[.!?…](?=\s+[\p{Lu}\d«"„“(])/gu)) {
    const before = paragraph.slice(0, match.index);
    const word = /[\p{L}\d)»"]+$/u.exec(before)?.[0] ?? '';
    if (word.length >= 4 || /[)»"\d]$/.test(word)) {
      return match[0] === '.' ? before : before + match[0];
    }
  }
  return paragraph.replace(/\.$/, '');
}

/** The text if short enough, else its words up to the limit and «…», never a word cut in two. */
function cutAtWord(text: string): string {
  if (text.length <= MAX_TITLE_LENGTH) return text;
  const head = text.slice(0, MAX_TITLE_LENGTH);
  const lastSpace = head.lastIndexOf(' ');
  // One word longer than a title (a link): nothing to keep whole.
  const words = lastSpace > 0 ? head.slice(0, lastSpace) : head.slice(0, MAX_TITLE_LENGTH - 1);
  return `${words.replace(/[\s,;:\-–—(«"„“]+$/u, '')}…`;
}
