import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Scope } from '../modules/auth/policy.ts';

type Id = number | null | undefined;

/** The ids a record names directly: its cities and its organizations (whose cities are added). */
export interface ScopeIds {
  cityIds?: Id[];
  organizationIds?: Id[];
}

/**
 * Turns the cities and organizations a record names into the scope the policy judges: an
 * organization's city belongs to the scope too, so the editors of that city may act on it. A
 * publishable record (visits, agreements, projects, events, organizations: not people) of a city
 * that publishes is readable by the public.
 */
export async function resolveScope(
  db: Kysely<Database>,
  ids: ScopeIds,
  options: { publishable?: boolean } = {},
): Promise<Scope> {
  const organizationIds = unique(ids.organizationIds ?? []);
  const cityIds = unique(ids.cityIds ?? []);
  if (organizationIds.length > 0) {
    const rows = await db
      .selectFrom('organization')
      .select('city_id')
      .where('id', 'in', organizationIds)
      .execute();
    cityIds.push(...rows.map((row) => row.city_id).filter((id) => !cityIds.includes(id)));
  }
  return {
    cityIds,
    organizationIds,
    published: options.publishable === true && (await publishes(db, cityIds)),
  };
}

/** Whether one of these cities publishes its twin network on the public page. */
async function publishes(db: Kysely<Database>, cityIds: number[]): Promise<boolean> {
  if (cityIds.length === 0) return false;
  const row = await db
    .selectFrom('home_city')
    .select('city_id')
    .where('city_id', 'in', cityIds)
    .where('published', '=', true)
    .executeTakeFirst();
  return row !== undefined;
}

/** The parties of an agreement, as scope ids (a plan item belongs where its agreement does). */
export async function agreementScopeIds(
  db: Kysely<Database>,
  agreementId: number,
): Promise<Required<ScopeIds>> {
  const rows = await db
    .selectFrom('agreement_party')
    .select(['city_id', 'organization_id'])
    .where('agreement_id', '=', agreementId)
    .execute();
  return { cityIds: rows.map((row) => row.city_id), organizationIds: rows.map((row) => row.organization_id) };
}

function unique(ids: Id[]): number[] {
  return [...new Set(ids.filter((id): id is number => typeof id === 'number'))];
}
