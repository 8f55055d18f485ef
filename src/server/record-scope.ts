import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../db/database.ts';
import type { AuditedRecordType } from '../modules/audit/audit.schema.ts';
import type { ReadFilter, Scope } from '../modules/auth/policy.ts';

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

/**
 * Where a row of a listed record belongs, in SQL over the row of its table: the same cities and
 * organizations its routes' `scopeOf` gives one record (`resolveScope` adds organizations' cities,
 * so these queries do too), and whether it is publishable. Static SQL, no input in it.
 */
interface RowScope {
  /** A query of the row's city ids. */
  cities: string;
  /** A query of the row's organization ids, if it names any. */
  organizations?: string;
  publishable: boolean;
}

/** Parties (an agreement's, a project's): each a city or an organization, whose city counts too. */
const partyCities = (parties: string, owner: string) =>
  `select p.city_id from ${parties} p where p.${owner}
   union all select o.city_id from ${parties} p join organization o on o.id = p.organization_id where p.${owner}`;
const partyOrganizations = (parties: string, owner: string) =>
  `select p.organization_id from ${parties} p where p.${owner}`;

const ROW_SCOPES: Partial<Record<AuditedRecordType, RowScope>> = {
  visit: { cities: 'select unnest(array[visit.from_city_id, visit.to_city_id])', publishable: true },
  visit_program_item: {
    cities:
      'select unnest(array[v.from_city_id, v.to_city_id]) from visit v where v.id = visit_program_item.visit_id',
    publishable: true,
  },
  organization: {
    cities: 'select organization.city_id',
    organizations: 'select organization.id',
    publishable: true,
  },
  person: {
    cities: `select person.city_id
      union all select p.city_id from "position" p where p.person_id = person.id
      union all select o.city_id from "position" p join organization o on o.id = p.organization_id
        where p.person_id = person.id`,
    organizations: 'select p.organization_id from "position" p where p.person_id = person.id',
    publishable: false,
  },
  agreement: {
    cities: partyCities('agreement_party', 'agreement_id = agreement.id'),
    organizations: partyOrganizations('agreement_party', 'agreement_id = agreement.id'),
    publishable: true,
  },
  project: {
    cities: partyCities('project_party', 'project_id = project.id'),
    organizations: partyOrganizations('project_party', 'project_id = project.id'),
    publishable: true,
  },
  event: {
    cities: `select event.city_id
      union all select p.city_id from event_participant p where p.event_id = event.id
      union all select o.city_id from event_participant p join organization o on o.id = p.organization_id
        where p.event_id = event.id`,
    organizations: 'select p.organization_id from event_participant p where p.event_id = event.id',
    publishable: true,
  },
  plan_item: {
    cities: `${partyCities('agreement_party', 'agreement_id = plan_item.agreement_id')}
      union all select o.city_id from organization o where o.id = plan_item.responsible_organization_id`,
    organizations: `${partyOrganizations('agreement_party', 'agreement_id = plan_item.agreement_id')}
      union all select plan_item.responsible_organization_id`,
    publishable: false,
  },
};

/**
 * Whether the public may list this kind of record, of this city or of all: only publishable records,
 * and only of a city that publishes (any city, when none is named). Otherwise the answer is 401: there
 * is nothing public to see, signing in may show more.
 */
export async function publicMayList(
  db: Kysely<Database>,
  recordType: AuditedRecordType,
  cityId: number | undefined,
): Promise<boolean> {
  if (ROW_SCOPES[recordType]?.publishable !== true) return false;
  let published = db.selectFrom('home_city').select('city_id').where('published', '=', true);
  if (cityId !== undefined) published = published.where('city_id', '=', cityId);
  return (await published.executeTakeFirst()) !== undefined;
}

/**
 * The condition a list query adds so it returns only the rows the read filter lets through: those
 * of the filter's cities or organizations, and the published ones (a publishable record of a city
 * that publishes). `undefined` when everything is readable. Judged in SQL, so a page holds `limit`
 * readable rows instead of `limit` rows less those filtered out after the query.
 */
export function readableRows(
  recordType: AuditedRecordType,
  filter: ReadFilter,
): RawBuilder<SqlBool> | undefined {
  if (filter.everything) return undefined;
  const scope = ROW_SCOPES[recordType];
  if (!scope) throw new Error(`No row scope for ${recordType} lists`);
  const cities = sql.raw(scope.cities);
  const allowed: RawBuilder<SqlBool>[] = [];
  if (filter.cityIds.length > 0) {
    allowed.push(
      sql`exists (select 1 from (${cities}) as s (city_id) where s.city_id in (${sql.join(filter.cityIds)}))`,
    );
  }
  if (filter.organizationIds.length > 0 && scope.organizations) {
    allowed.push(
      sql`exists (select 1 from (${sql.raw(scope.organizations)}) as s (organization_id)
        where s.organization_id in (${sql.join(filter.organizationIds)}))`,
    );
  }
  if (filter.published && scope.publishable) {
    allowed.push(
      sql`exists (select 1 from (${cities}) as s (city_id)
        join home_city h on h.city_id = s.city_id and h.published)`,
    );
  }
  if (allowed.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${sql.join(allowed, sql` or `)})`;
}
