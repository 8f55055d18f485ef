import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { SearchKind } from './search.schema.ts';

/** A raw hit before permissions and fragments: the record, its label and text to cut a fragment from. */
export interface RawHit {
  kind: SearchKind;
  id: number;
  label: string;
  rank: number;
  headline: string;
}

// Control characters mark the matched words in ts_headline's output; they never occur in stored
// text, so splitting on them cannot be fooled by what users typed (unlike HTML tags would be).
export const MATCH_START = '\u0001';
export const MATCH_END = '\u0002';
const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=25, MinWords=8, MaxFragments=1`;

/**
 * How many of a kind's newest matches are ranked. Ranking reads every candidate's tsvector, so a
 * common word («фестиваля» is in most of 200,000 press releases) made one search rank them all:
 * half a second on a server. Visits and documents, the kinds that grow without bound, rank their
 * newest matches (taken in the order of an index on their date), and a rare word, whose matches are
 * fewer, is ranked among all of them as before. 300, not 1,000: in the API benchmark the visits of
 * «сотрудничество в сфере культуры» took 25 ms to rank at 1,000 and 4 ms at 300; at 100 the planner
 * read the date index for a surname in 1% of the documents, 35 ms (docs/benchmarks.md).
 */
export const RANKED_MATCHES = 300;

/**
 * What tells a person found by name apart from namesakes, over a row of `person`: the current (or
 * latest) position with its organization and city, «директор, Гимназия № 1, Новокузнецк» (the city
 * left out when the organization's name already holds it), else the person's city; '' when nothing
 * is known but the name.
 */
const personDescription = sql<string>`coalesce(
  (SELECT concat_ws(', ', pos.title, o.name,
      CASE WHEN o.name IS NULL OR strpos(o.name, coalesce(c.name_ru, c.name_en)) = 0
        THEN coalesce(c.name_ru, c.name_en) END)
    FROM "position" pos
    LEFT JOIN organization o ON o.id = pos.organization_id
    LEFT JOIN city c ON c.id = coalesce(pos.city_id, o.city_id)
    WHERE pos.person_id = person.id
    ORDER BY pos.ended_on IS NULL DESC, pos.ended_on DESC NULLS LAST, pos.started_on DESC NULLS LAST, pos.id DESC
    LIMIT 1),
  (SELECT coalesce(c.name_ru, c.name_en) FROM city c WHERE c.id = person.city_id),
  '')`;

interface FullTextOptions {
  /** Trigram similarity of this name key to the query also matches (organizations' search_key). */
  fuzzy?: RawBuilder<string>;
  /** The order, newest first, of an index that gives the matches to rank (see RANKED_MATCHES). */
  newest?: RawBuilder<unknown>;
  /** Only the rows the asker may read (`readableRows`), judged before ranking and the limit. */
  restrict?: RawBuilder<SqlBool>;
  /** Another way a row matches (a visit by its head's name or its cities), ranked as a good match. */
  also?: RawBuilder<SqlBool>;
}

/**
 * The words of a query as prefixes of their stems, «щербаков:*»: a name typed in the nominative
 * finds the text that has it in another case («Вадимом Щербаковым»), which the Russian stemmer
 * reduces to another stem. Short words are left to the exact stems (a prefix of two letters matches
 * half the language); null when no word is long enough.
 */
export function prefixQueryText(q: string): string | null {
  const words = q.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 4);
  return words.length === 0 ? null : words.map((word) => `${word}:*`).join(' & ');
}

function fullText(
  db: Kysely<Database>,
  kind: SearchKind,
  table: 'organization' | 'visit' | 'agreement' | 'project' | 'event' | 'document' | 'attached_file',
  label: RawBuilder<string>,
  text: RawBuilder<string>,
  q: string,
  limit: number,
  { fuzzy, newest, restrict, also }: FullTextOptions = {},
) {
  const prefixes = prefixQueryText(q);
  const query = prefixes
    ? sql`(websearch_to_tsquery('russian', immutable_unaccent(${q})) || to_tsquery('russian', immutable_unaccent(${prefixes})))`
    : sql`websearch_to_tsquery('russian', immutable_unaccent(${q}))`;
  const fuzzyMatch = fuzzy ? sql`OR name_key(${q}) <% ${fuzzy}` : sql``;
  const fuzzyRank = fuzzy ? sql`word_similarity(name_key(${q}), ${fuzzy})` : sql`0`;
  const alsoMatch = also ? sql`OR ${also}` : sql``;
  const alsoRank = also ? sql`CASE WHEN ${also} THEN 0.9 ELSE 0 END` : sql`0`;
  const readable = restrict ? sql`AND ${restrict}` : sql``;
  const matches = newest
    ? sql`(SELECT * FROM ${sql.table(table)} WHERE (search @@ ${query} ${alsoMatch}) ${readable} ORDER BY ${newest} LIMIT ${RANKED_MATCHES}) AS newest`
    : sql`${sql.table(table)} WHERE (search @@ ${query} ${fuzzyMatch} ${alsoMatch}) ${readable}`;
  return sql<RawHit>`
    SELECT ${sql.lit(kind)} AS kind, id, ${label} AS label,
      greatest(ts_rank(search, ${query}), ${fuzzyRank}, ${alsoRank})::float8 AS rank,
      ts_headline('russian', ${text}, ${query}, ${sql.lit(HEADLINE_OPTIONS)}) AS headline
    FROM ${matches}
    ORDER BY rank DESC, id
    LIMIT ${limit}
  `.execute(db);
}

/**
 * Candidate hits of one kind, best first: Russian full-text search, and trigram similarity for names;
 * `restrict` (a `readableRows` condition) keeps only the rows the asker may read.
 */
export async function searchKind(
  db: Kysely<Database>,
  kind: SearchKind,
  q: string,
  limit: number,
  restrict?: RawBuilder<SqlBool>,
): Promise<RawHit[]> {
  const readable = restrict ? sql`AND ${restrict}` : sql``;
  switch (kind) {
    case 'city': {
      const rows = await sql<RawHit>`
        SELECT 'city' AS kind, id, coalesce(name_ru, name_en) || ' (' || country || ')' AS label,
          word_similarity(name_key(${q}), search_key)::float8
            + CASE WHEN search_names @> ARRAY[name_key(${q})] THEN 1 ELSE 0 END AS rank,
          coalesce(name_ru, name_en) || ' / ' || name_en AS headline
        FROM city
        WHERE search_names @> ARRAY[name_key(${q})] OR name_key(${q}) <% search_key
        -- The registry's own cities (home cities, twins) before the gazetteer's namesakes.
        ORDER BY EXISTS (SELECT 1 FROM home_city h WHERE h.city_id = city.id)
            OR EXISTS (SELECT 1 FROM twinning t WHERE city.id IN (t.city_a_id, t.city_b_id)) DESC,
          rank DESC, population DESC, id
        LIMIT ${limit}
      `.execute(db);
      return rows.rows;
    }
    case 'person': {
      // The label is the name, marked by the page; the fragment tells the person apart instead.
      const rows = await sql<RawHit>`
        SELECT 'person' AS kind, id, full_name AS label,
          word_similarity(name_key(${q}), search_key)::float8 AS rank,
          ${personDescription} AS headline
        FROM person
        WHERE name_key(${q}) <% search_key ${readable}
        ORDER BY rank DESC, id
        LIMIT ${limit}
      `.execute(db);
      return rows.rows;
    }
    case 'organization':
      return (
        await fullText(db, kind, 'organization', sql`name`, sql`name`, q, limit, {
          fuzzy: sql`search_key`,
          restrict,
        })
      ).rows;
    case 'visit':
      return (
        await fullText(
          db,
          kind,
          'visit',
          sql`start_date::text || ' — ' || end_date::text`,
          // Who: the fragment of a visit found by its head says so (its cities are in its label's
          // page; their names here would be in Russian whatever the interface's language).
          sql`concat_ws(' ', (SELECT p.full_name FROM person p WHERE p.id = head_person_id), purpose, outcomes)`,
          q,
          limit,
          {
            // visit_start_idx
            newest: sql`start_date DESC, id DESC`,
            restrict,
            // A visit is found by its head's name («Щербаков») and by its cities («Кузнецк»).
            also: sql`(head_person_id IN (SELECT id FROM person WHERE name_key(${q}) <% search_key)
              OR from_city_id IN (SELECT id FROM city WHERE search_names @> ARRAY[name_key(${q})])
              OR to_city_id IN (SELECT id FROM city WHERE search_names @> ARRAY[name_key(${q})]))`,
          },
        )
      ).rows;
    case 'agreement':
      return (
        await fullText(
          db,
          kind,
          'agreement',
          sql`title`,
          sql`title || ' ' || coalesce(notes, '')`,
          q,
          limit,
          {
            restrict,
          },
        )
      ).rows;
    case 'project':
      return (
        await fullText(
          db,
          kind,
          'project',
          sql`title`,
          sql`title || ' ' || coalesce(description, '')`,
          q,
          limit,
          { restrict },
        )
      ).rows;
    case 'event':
      return (
        await fullText(
          db,
          kind,
          'event',
          sql`name`,
          sql`name || ' ' || coalesce(description, '')`,
          q,
          limit,
          {
            restrict,
          },
        )
      ).rows;
    case 'document':
      return (
        await fullText(db, kind, 'document', sql`title`, sql`left(body, 100000)`, q, limit, {
          // document_published_idx
          newest: sql`published_on DESC, id DESC`,
          restrict,
        })
      ).rows;
    case 'file':
      // An attached file by its name and its text (a DOCX's, a PDF's text layer: migration 0019).
      return (
        await fullText(
          db,
          kind,
          'attached_file',
          sql`name`,
          sql`name || ' ' || left(coalesce(text, ''), 100000)`,
          q,
          limit,
          {
            restrict,
          },
        )
      ).rows;
    default: {
      const unknown: never = kind;
      throw new Error(`Unhandled search kind ${String(unknown)}`);
    }
  }
}
