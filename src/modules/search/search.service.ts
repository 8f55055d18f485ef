import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { parseInput } from '../audit/audited-write.ts';
import { readFilter } from '../auth/policy.ts';
import { readableDocuments, readableFiles, readableRows } from '../auth/record-scope.ts';
import { loosenNameSimilarity } from '../cities/city.repository.ts';
import type { Principal } from '../auth/principal.ts';
import { MATCH_END, MATCH_START, searchKind } from './search.repository.ts';
import {
  searchKindSchema,
  searchQuerySchema,
  type SearchHit,
  type SearchKind,
  type SearchQuery,
} from './search.schema.ts';

/** Splits a headline with match markers into parts to highlight. */
export function toFragment(headline: string): SearchHit['fragment'] {
  const parts: SearchHit['fragment'] = [];
  for (const [i, piece] of headline.split(MATCH_START).entries()) {
    const [matched, rest] = i === 0 ? [null, piece] : piece.split(MATCH_END, 2);
    if (matched) parts.push({ text: matched, match: true });
    if (rest) parts.push({ text: rest, match: false });
  }
  return parts;
}

/** The kinds matched by trigram similarity of names: they need the loosened threshold, in a transaction. */
const NAME_KINDS: ReadonlySet<SearchKind> = new Set(['city', 'person', 'organization']);

/** One kind's hits for the asker, best first. */
async function searchOneKind(
  db: Kysely<Database>,
  principal: Principal,
  kind: SearchKind,
  query: SearchQuery,
): Promise<SearchHit[]> {
  // The asker's read scope is part of each query, so their hits are not crowded out by records of
  // other cities: a document by the records it sourced (and, for editors, the review queue).
  const restrict =
    kind === 'city'
      ? undefined
      : kind === 'document'
        ? readableDocuments(principal)
        : kind === 'file'
          ? readableFiles(readFilter(principal))
          : readableRows(kind, readFilter(principal));
  const search = (conn: Kysely<Database>) => searchKind(conn, kind, query.q, query.limit, restrict);
  const raws =
    NAME_KINDS.has(kind) && !db.isTransaction
      ? await db.transaction().execute(async (trx) => {
          await loosenNameSimilarity(trx);
          return search(trx);
        })
      : await search(db);
  const records =
    kind === 'file'
      ? await fileRecords(
          db,
          raws.map((raw) => raw.id),
        )
      : undefined;
  return raws.map((raw) => ({
    kind,
    id: raw.id,
    label: raw.label,
    rank: Number(raw.rank),
    fragment: toFragment(raw.headline),
    ...(records?.has(raw.id) && { record: records.get(raw.id)! }),
  }));
}

/** The records the found files are attached to, by file id: the page a file's hit opens. */
async function fileRecords(db: Kysely<Database>, ids: number[]) {
  if (ids.length === 0) return new Map<number, { kind: string; id: number }>();
  const rows = await db
    .selectFrom('attached_file')
    .select(['id', 'record_type', 'record_id'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, { kind: row.record_type, id: row.record_id }]));
}

/**
 * Searches the registry in Russian (stems: «библиотечной» finds «библиотечная система») and by
 * similar names («Баранавичы», «Kuznetsk»), ranked, grouped by kind, only what the asker may see.
 *
 * The kinds are searched at once, each on a connection of its own from the server's pool, so a
 * search takes about as long as its slowest kind rather than the sum of eight; PGlite's one
 * connection takes them in turn. Inside a caller's transaction they run in it, one after another.
 */
export async function searchRegistry(db: Kysely<Database>, principal: Principal, input: unknown) {
  const query = parseInput(searchQuerySchema, input);
  const kinds = query.kinds ?? searchKindSchema.options;
  let perKind: SearchHit[][];
  if (db.isTransaction) {
    await loosenNameSimilarity(db);
    perKind = [];
    for (const kind of kinds) perKind.push(await searchOneKind(db, principal, kind, query));
  } else {
    perKind = await Promise.all(kinds.map((kind) => searchOneKind(db, principal, kind, query)));
  }
  const groups = perKind.flatMap((hits, i) => (hits.length > 0 ? [{ kind: kinds[i]!, hits }] : []));
  // The registry's records first, the kind whose best hit matched best before the others (a surname
  // finds the person); the gazetteer's places, a group of their own, after them: «Кузнецк» shows
  // the visits to Кузнецк before villages with a similar name.
  groups.sort(
    (a, b) => Number(a.kind === 'city') - Number(b.kind === 'city') || b.hits[0]!.rank - a.hits[0]!.rank,
  );
  return { groups };
}
