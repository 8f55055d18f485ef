import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Scope } from '../auth/policy.ts';
import type { SearchKind } from './search.schema.ts';

/** The cities and organizations a hit names directly, before its organizations' cities are added. */
interface ScopeIdsRow {
  id: number;
  city_ids: (number | null)[];
  organization_ids: (number | null)[];
}

/** Whether a kind's records are shown on a publishing city's public page (persons and documents are not). */
const PUBLISHABLE: Record<Exclude<SearchKind, 'city'>, boolean> = {
  visit: true,
  organization: true,
  agreement: true,
  event: true,
  person: false,
  document: false,
};

/**
 * The ids each record's `scopeOf` starts from (visit.routes.ts, organization.routes.ts, …), read
 * for many hits in one query: a search of seven kinds checked each of up to thirty hits per kind
 * with two or three queries, which was most of a city editor's search. `search.scope.test.ts` holds
 * these to the records' own scopeOf.
 */
function scopeIdsQuery(kind: Exclude<SearchKind, 'city'>, ids: number[]) {
  switch (kind) {
    case 'visit':
      return sql<ScopeIdsRow>`
        SELECT id, ARRAY[from_city_id, to_city_id] AS city_ids, '{}'::integer[] AS organization_ids
        FROM visit WHERE id = ANY(${ids}::integer[])`;
    case 'organization':
      return sql<ScopeIdsRow>`
        SELECT id, ARRAY[city_id] AS city_ids, ARRAY[id] AS organization_ids
        FROM organization WHERE id = ANY(${ids}::integer[])`;
    case 'person':
      return sql<ScopeIdsRow>`
        SELECT p.id, ARRAY[p.city_id] || array_agg(pos.city_id) AS city_ids, array_agg(pos.organization_id) AS organization_ids
        FROM person p LEFT JOIN position pos ON pos.person_id = p.id
        WHERE p.id = ANY(${ids}::integer[]) GROUP BY p.id`;
    case 'agreement':
      return sql<ScopeIdsRow>`
        SELECT agreement_id AS id, array_agg(city_id) AS city_ids, array_agg(organization_id) AS organization_ids
        FROM agreement_party WHERE agreement_id = ANY(${ids}::integer[]) GROUP BY agreement_id`;
    case 'event':
      return sql<ScopeIdsRow>`
        SELECT e.id, ARRAY[e.city_id] || array_agg(ep.city_id) AS city_ids, array_agg(ep.organization_id) AS organization_ids
        FROM event e LEFT JOIN event_participant ep ON ep.event_id = e.id
        WHERE e.id = ANY(${ids}::integer[]) GROUP BY e.id`;
    case 'document':
      // As documentScope (document.routes.ts): the cities and organizations the accepted import
      // linked the document to; a document without any is still pending review.
      return sql<ScopeIdsRow>`
        SELECT document_id AS id,
          array_agg(CASE record_type WHEN 'city' THEN record_id END) AS city_ids,
          array_agg(CASE record_type WHEN 'organization' THEN record_id END) AS organization_ids
        FROM record_source
        WHERE document_id = ANY(${ids}::integer[]) AND record_type IN ('city', 'organization')
        GROUP BY document_id`;
    default: {
      const unknown: never = kind;
      throw new Error(`Unhandled search kind ${String(unknown)}`);
    }
  }
}

const known = (ids: (number | null)[]): number[] => [
  ...new Set(ids.filter((id): id is number => typeof id === 'number')),
];

/**
 * The scope of each of these records, as `resolveScope` (server/record-scope.ts) makes it from the
 * record's ids: its organizations' cities join its cities, and a publishable record of a city that
 * publishes is public. Three queries for any number of hits. A document with no scope yet (pending
 * review) is absent from the map.
 */
export async function scopesOfHits(
  db: Kysely<Database>,
  kind: Exclude<SearchKind, 'city'>,
  ids: number[],
): Promise<Map<number, Scope>> {
  const scopes = new Map<number, Scope>();
  if (ids.length === 0) return scopes;
  const { rows } = await scopeIdsQuery(kind, ids).execute(db);
  const organizationIds = known(rows.flatMap((row) => row.organization_ids));
  const cityOf = new Map<number, number>();
  if (organizationIds.length > 0) {
    const organizations = await db
      .selectFrom('organization')
      .select(['id', 'city_id'])
      .where('id', 'in', organizationIds)
      .execute();
    for (const organization of organizations) cityOf.set(organization.id, organization.city_id);
  }
  const withCities = rows.map((row) => {
    const organizations = known(row.organization_ids);
    const cities = known([...row.city_ids, ...organizations.map((id) => cityOf.get(id) ?? null)]);
    return { id: row.id, cityIds: cities, organizationIds: organizations };
  });
  const published = new Set<number>();
  const allCities = known(withCities.flatMap((row) => row.cityIds));
  if (PUBLISHABLE[kind] && allCities.length > 0) {
    const homes = await db
      .selectFrom('home_city')
      .select('city_id')
      .where('city_id', 'in', allCities)
      .where('published', '=', true)
      .execute();
    for (const home of homes) published.add(home.city_id);
  }
  for (const row of withCities) {
    scopes.set(row.id, {
      cityIds: row.cityIds,
      organizationIds: row.organizationIds,
      published: PUBLISHABLE[kind] && row.cityIds.some((id) => published.has(id)),
    });
  }
  return scopes;
}
