import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Scope } from '../auth/policy.ts';
import type { SearchKind } from './search.schema.ts';

const known = (ids: (number | null)[]): number[] => [
  ...new Set(ids.filter((id): id is number => typeof id === 'number')),
];

/**
 * The scope of each of these document hits, as `documentScope` (documents/document.routes.ts) gives
 * one document: the cities and organizations an accepted import linked it to, and those
 * organizations' cities; never published. One query for any number of hits. A document with no scope
 * yet (pending review) is absent from the map. Only documents are asked: search filters the other
 * kinds in its query (`readableRows`), so their hits are all readable.
 */
export async function scopesOfHits(
  db: Kysely<Database>,
  kind: Exclude<SearchKind, 'city'>,
  ids: number[],
): Promise<Map<number, Scope>> {
  if (kind !== 'document') throw new Error(`Search filters ${kind} hits in its query, not afterwards`);
  const scopes = new Map<number, Scope>();
  if (ids.length === 0) return scopes;
  const { rows } = await sql<{
    id: number;
    city_ids: (number | null)[];
    organization_ids: (number | null)[];
  }>`
    SELECT rs.document_id AS id,
      array_agg(CASE rs.record_type WHEN 'city' THEN rs.record_id ELSE o.city_id END) AS city_ids,
      array_agg(CASE rs.record_type WHEN 'organization' THEN rs.record_id END) AS organization_ids
    FROM record_source rs
    LEFT JOIN organization o ON rs.record_type = 'organization' AND o.id = rs.record_id
    WHERE rs.document_id = ANY(${ids}::integer[]) AND rs.record_type IN ('city', 'organization')
    GROUP BY rs.document_id
  `.execute(db);
  for (const row of rows) {
    scopes.set(row.id, {
      cityIds: known(row.city_ids),
      organizationIds: known(row.organization_ids),
      published: false,
    });
  }
  return scopes;
}
