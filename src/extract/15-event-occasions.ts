/** Pass 15, occasions: an anniversary named with its celebration, and events that repeat one another. */
import type { Token } from './01-tokens.ts';
import { lemmas } from './02-morphology.ts';
import { phraseText, type Doc } from './07-document.ts';
import type { EventFact } from './extraction.schema.ts';
import type { Phrase } from './15-events.ts';

const OCCASION_RULES = new Set(['event.anniversary', 'event.jubilee']);

/**
 * «на празднование 50-летия дружбы», «мероприятия, посвященные 25-летию связей», «праздничные
 * мероприятия в честь 30-летия»: an anniversary is named together with its celebration, as written.
 */
export function celebrationOf(doc: Doc, p: Phrase): { first: number; text: string } | undefined {
  if (!OCCASION_RULES.has(p.rule.id)) return undefined;
  const { tokens } = doc;
  const written = phraseText(tokens, p.first, p.last);
  const at = (k: number) => tokens[k] as Token | undefined;
  const before = at(p.first - 1);
  if (before && lemmas(before).includes('празднование'))
    return { first: p.first - 1, text: `празднование ${written}` };
  let k = p.first - 1;
  let link: string;
  if (at(k)?.lower === 'честь' && at(k - 1)?.lower === 'в') {
    link = ' в честь ';
    k -= 2;
  } else if (/^посвящ/.test(at(k)?.lower ?? '')) {
    link = ', посвященные ';
    k -= at(k - 1)?.text === ',' ? 2 : 1;
  } else return undefined;
  const head = at(k);
  if (!head || head.sent !== at(p.first)?.sent || !/^мероприяти/.test(head.lower)) return undefined;
  const adjective = at(k - 1);
  const festive = adjective && /^(праздничн|торжествен)/.test(adjective.lower);
  const name = festive ? `${adjective.lower.slice(0, -2)}ые мероприятия` : 'мероприятия';
  return { first: festive ? k - 1 : k, text: `${name}${link}${written}` };
}

const norm = (s: string) => s.toLowerCase().replace(/ё/g, 'е');
const wordsOf = (s: string) =>
  norm(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
const quoted = (s: string) =>
  /[«"„]([^»"“]+)[»"“]/
    .exec(s)?.[1]
    ?.replace(/[^\p{L}\p{N}]+/gu, '')
    .toLowerCase();

/** «25-летие» and «25-летию»: the number of years an anniversary names. */
const years = (s: string) => /(\d+)-?\s*лет/u.exec(s)?.[1];

/**
 * «день города» inside «День города «Весна»», the same quoted name twice or cut short («форум
 * „Города 2030“» after «форум «Города 2030: вызовы»»), the same anniversary again, and «юбилей
 * города» after «празднование 800-летия города»: one event.
 */
function repeats(e: EventFact, other: EventFact): boolean {
  if (e === other || (e.city && other.city && e.city !== other.city)) return false;
  const q = quoted(e.name);
  const qo = quoted(other.name);
  if (q && qo && qo.startsWith(q)) return true;
  const y = years(e.name);
  if (y && y === years(other.name)) return true;
  const w = wordsOf(e.name);
  if (w[0] === 'юбилей' && years(other.name) && w.slice(1).every((x) => wordsOf(other.name).includes(x)))
    return true;
  const a = wordsOf(e.name);
  const b = wordsOf(other.name);
  return a.length < b.length && a.every((w) => b.includes(w));
}

/** The events without bare one-word names and without those another event already names. */
export function distinctEvents(events: EventFact[]): EventFact[] {
  const kept = events.filter((e) => wordsOf(e.name).length > 1);
  return kept.filter((e, i) => !kept.some((o, j) => repeats(e, o) && (j < i || !repeats(o, e))));
}
