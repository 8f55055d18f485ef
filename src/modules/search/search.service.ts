import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { parseInput } from '../audit/audited-write.ts';
import { readFilter } from '../auth/policy.ts';
import { readableDocuments, readableRows } from '../../server/record-scope.ts';
import { loosenNameSimilarity } from '../cities/city.repository.ts';
import type { Principal } from '../auth/principal.ts';
import { MATCH_END, MATCH_START, searchKind } from './search.repository.ts';
import { searchKindSchema, searchQuerySchema, type SearchHit } from './search.schema.ts';

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

/**
 * Searches the registry in Russian (stems: «библиотечной» finds «библиотечная система») and by
 * similar names («Баранавичы», «Kuznetsk»), ranked, grouped by kind, only what the asker may see.
 */
export async function searchRegistry(db: Kysely<Database>, principal: Principal, input: unknown) {
  const query = parseInput(searchQuerySchema, input);
  const kinds = query.kinds ?? searchKindSchema.options;
  return db.transaction().execute(async (trx) => {
    await loosenNameSimilarity(trx);
    const groups = [];
    for (const kind of kinds) {
      // The asker's read scope is part of each query, so their hits are not crowded out by records
      // of other cities: a document by the records it sourced (and, for editors, the review queue).
      const restrict =
        kind === 'city'
          ? undefined
          : kind === 'document'
            ? readableDocuments(principal)
            : readableRows(kind, readFilter(principal));
      const raws = await searchKind(trx, kind, query.q, query.limit, restrict);
      const hits: SearchHit[] = raws.map((raw) => ({
        kind,
        id: raw.id,
        label: raw.label,
        rank: Number(raw.rank),
        fragment: toFragment(raw.headline),
      }));
      if (hits.length > 0) groups.push({ kind, hits });
    }
    // The kind whose best hit matched best comes first: a surname finds the person before a village.
    groups.sort((a, b) => b.hits[0]!.rank - a.hits[0]!.rank);
    return { groups };
  });
}
