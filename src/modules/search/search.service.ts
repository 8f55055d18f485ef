import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { agreementRecord } from '../agreements/agreement.routes.ts';
import { parseInput } from '../audit/audited-write.ts';
import { can, isAdministrator } from '../auth/policy.ts';
import { loosenNameSimilarity } from '../cities/city.repository.ts';
import type { Principal } from '../auth/principal.ts';
import { canReadDocument } from '../documents/document.routes.ts';
import { eventRecord } from '../events/event.routes.ts';
import { organizationRecord } from '../organizations/organization.routes.ts';
import { personRecord } from '../persons/person.routes.ts';
import { visitRecord } from '../visits/visit.routes.ts';
import type { RecordRoutesDefinition } from '../../server/record-routes.ts';
import { MATCH_END, MATCH_START, searchKind } from './search.repository.ts';
import { searchKindSchema, searchQuerySchema, type SearchHit, type SearchKind } from './search.schema.ts';

const RECORDS: Partial<Record<SearchKind, RecordRoutesDefinition<{ id: number; version: number }>>> = {
  organization: organizationRecord as never,
  person: personRecord as never,
  visit: visitRecord as never,
  agreement: agreementRecord as never,
  event: eventRecord as never,
};

/** Whether the asker may see this hit: cities are reference data; records by their scope. */
async function visible(
  db: Kysely<Database>,
  principal: Principal,
  kind: SearchKind,
  id: number,
): Promise<boolean> {
  if (kind === 'city' || isAdministrator(principal)) return true;
  if (kind === 'document') return canReadDocument(db, principal, id);
  const definition = RECORDS[kind]!;
  const record = await definition.find(db, id);
  return !!record && can(principal, 'read', await definition.scopeOf(db, record));
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
      // Three times the limit is fetched so that hits the asker may not see do not empty the group.
      for (const raw of await searchKind(trx, kind, query.q, query.limit * 3)) {
        if (hits.length >= query.limit) break;
        if (!(await visible(trx, principal, kind, raw.id))) continue;
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
