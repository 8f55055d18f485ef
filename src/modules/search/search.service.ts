import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { parseInput } from '../audit/audited-write.ts';
import { can, isAdministrator, isEditor, readFilter } from '../auth/policy.ts';
import { readableRows } from '../../server/record-scope.ts';
import { loosenNameSimilarity } from '../cities/city.repository.ts';
import type { Principal } from '../auth/principal.ts';
import { MATCH_END, MATCH_START, searchKind } from './search.repository.ts';
import { scopesOfHits } from './search.scope.ts';
import { searchKindSchema, searchQuerySchema, type SearchHit, type SearchKind } from './search.schema.ts';

/**
 * The ids of these hits the asker may see: cities are reference data; records by their scope, read
 * for all the hits of a kind at once; a document not yet reviewed (no scope) by editors.
 */
async function visibleIds(
  db: Kysely<Database>,
  principal: Principal,
  kind: SearchKind,
  ids: number[],
): Promise<Set<number>> {
  if (kind === 'city' || isAdministrator(principal)) return new Set(ids);
  const scopes = await scopesOfHits(db, kind, ids);
  return new Set(
    ids.filter((id) => {
      const scope = scopes.get(id);
      if (scope) return can(principal, 'read', scope);
      return kind === 'document' && isEditor(principal);
    }),
  );
}

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
      const hits: SearchHit[] = [];
      // Records with a row scope are filtered in the query, so the asker's hits are not crowded out by
      // others'. Documents take their scope from the records they sourced, so they are checked after
      // the query; three times the limit is fetched so that hidden ones do not empty the group.
      const scoped = kind !== 'city' && kind !== 'document';
      const restrict = scoped ? readableRows(kind, readFilter(principal)) : undefined;
      const raws = await searchKind(trx, kind, query.q, scoped ? query.limit : query.limit * 3, restrict);
      const visible = scoped
        ? new Set(raws.map((raw) => raw.id))
        : await visibleIds(
            trx,
            principal,
            kind,
            raws.map((raw) => raw.id),
          );
      for (const raw of raws) {
        if (hits.length >= query.limit) break;
        if (!visible.has(raw.id)) continue;
        hits.push({
          kind,
          id: raw.id,
          label: raw.label,
          rank: Number(raw.rank),
          fragment: toFragment(raw.headline),
        });
      }
      if (hits.length > 0) groups.push({ kind, hits });
    }
    // The kind whose best hit matched best comes first: a surname finds the person before a village.
    groups.sort((a, b) => b.hits[0]!.rank - a.hits[0]!.rank);
    return { groups };
  });
}
