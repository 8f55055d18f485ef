/** Pass 11: the persons who act in the story, each once, with the position the text gives. */
import type { PersonMention } from './04-persons.ts';
import type { Doc } from './07-document.ts';
import { titleAt, titleBefore, type Title } from './09-positions.ts';
import type { OrgMention } from './10-organizations.ts';
import type { Person } from './extraction.schema.ts';

/** A person with the title found beside the name. */
export interface Actor {
  mention: PersonMention;
  title: Title | undefined;
}

const DASHES = new Set([',', '–', '—', '-']);

/** The title written before the name («мэр Кузнецка Иван Петров») or after it («Петров, мэр Кузнецка»). */
export function titleOf(doc: Doc, m: PersonMention): Title | undefined {
  const before = titleBefore(doc, m.first);
  if (before) return before;
  const sep = doc.tokens[m.last];
  if (!sep || !DASHES.has(sep.text) || sep.sent !== doc.tokens[m.first]?.sent) return undefined;
  return titleAt(doc, m.last + 1);
}

const CREDIT = /^(источник|фото|автор|текст|фотограф)$/;

/**
 * A byline or a credit, not an actor: a name alone on its line («Анна Петрова (Гомель)» included),
 * or the name after «Фото:», «Источник:», «Автор:».
 */
function credited(doc: Doc, m: PersonMention): boolean {
  const { tokens } = doc;
  const colon = tokens[m.first - 1]?.text === ':' ? tokens[m.first - 2] : undefined;
  if (colon && CREDIT.test(colon.lower)) return true;
  const first = tokens[m.first];
  if (!first || (m.first > 0 && !first.nlBefore)) return false;
  let end = m.last;
  if (tokens[end]?.text === '(' && !tokens[end]?.nlBefore) {
    while (end < tokens.length && end - m.last < 6 && tokens[end]?.text !== ')') end++;
    end++;
  }
  const next = tokens[end];
  return !next || next.nlBefore;
}

/** Persons outside organization names, the same surname merged, the first position kept. */
export function findActors(doc: Doc, orgs: OrgMention[]): Actor[] {
  const inOrg = new Set<number>();
  for (const o of orgs) for (let k = o.first; k < o.last; k++) inOrg.add(k);
  const out: Actor[] = [];
  for (const m of doc.persons) {
    if (inOrg.has(m.first) || credited(doc, m)) continue;
    const title = titleOf(doc, m);
    // A lone surname or first name needs a title to be taken for a person.
    if (m.last - m.first === 1 && !title) continue;
    const same = out.find((a) => samePerson(a.mention, m));
    if (same) {
      if (!same.title && title) same.title = title;
      if (m.name.length > same.mention.name.length && m.surname === same.mention.surname) same.mention = m;
      continue;
    }
    out.push({ mention: m, title });
  }
  return out;
}

/** Two mentions of one person: the same surname and no contradicting first name. */
export function samePerson(a: PersonMention, b: PersonMention): boolean {
  // «Александр Людвигович» after «Александр Людвигович Версоцкий»: name and patronymic, one person.
  const within = (x: PersonMention, y: PersonMention) => !!x.surname && y.full.split(' ').includes(x.surname);
  if (a.given && a.given === b.given && (within(a, b) || within(b, a))) return true;
  if (a.surname && b.surname) {
    if (a.given && a.given === b.given && nearSurnames(a.surname, b.surname)) return true;
    return a.surname === b.surname && (!a.given || !b.given || a.given === b.given);
  }
  return a.name === b.name;
}

/**
 * «Анатолий Локоть» and «Анатолий Локтя», «Михаил Гулый» and «Михаил Гулий»: with the same first
 * name, surnames the nominative was guessed apart for (a fleeting vowel, an adjective's ending).
 */
function nearSurnames(x: string, y: string): boolean {
  if (x.length < 4 || y.length < 4 || x.slice(0, 2) !== y.slice(0, 2)) return false;
  return editDistance(x.toLowerCase(), y.toLowerCase()) <= 2;
}

function editDistance(x: string, y: string): number {
  let row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++)
      next[j] = Math.min(
        (row[j] as number) + 1,
        (next[j - 1] as number) + 1,
        (row[j - 1] as number) + (x[i - 1] === y[j - 1] ? 0 : 1),
      );
    row = next;
  }
  return row[y.length] as number;
}
/** The persons field of the result. */
export function personFacts(doc: Doc, actors: Actor[]): Person[] {
  return actors.map(({ mention: m, title }) => ({
    name: m.name,
    position: title?.text ?? null,
    span: [doc.tokens[m.first]?.start ?? 0, doc.tokens[m.last - 1]?.end ?? 0] as [number, number],
    rule: m.rule,
  }));
}
