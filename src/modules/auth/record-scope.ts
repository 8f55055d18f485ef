import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { AuditedRecordType } from '../audit/audit.schema.ts';
import { isEditor, readFilter, type ReadFilter, type Scope } from './policy.ts';
import { keeperCityIds } from './partners.ts';
import type { Principal } from './principal.ts';

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
 * that publishes is readable by the public. `partnerKept` (institutions, people, events) adds the cities
 * whose staff keep the record as a partner's (`keeperCityIds`).
 */
export async function resolveScope(
  db: Kysely<Database>,
  ids: ScopeIds,
  options: { publishable?: boolean; partnerKept?: boolean } = {},
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
  const [published, keepers] = await Promise.all([
    options.publishable === true ? publishes(db, cityIds) : false,
    options.partnerKept === true ? keeperCityIds(db, cityIds) : [],
  ]);
  return { cityIds, organizationIds, published, ...(keepers.length > 0 && { keeperCityIds: keepers }) };
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
 * A set of ids as an SQL array: `array[1, 2]`, or `array(select …)` computed once per query. Rows test
 * it with `= any(…)`, which PostgreSQL can hand to an index (a bitmap of each city's rows) even when
 * the array comes from a subquery, where `in (select …)` made the published cities' test a filter on
 * every row: an editor's search of visits walked 54,000 of them by date.
 */
type IdSet = RawBuilder<unknown>;
type RowTest = (ids: IdSet) => RawBuilder<SqlBool>;

/**
 * Where a row of a listed record belongs, as SQL conditions over the row of its table: whether one of
 * its cities (organizations' cities included, as `resolveScope` adds them) or one of its organizations
 * is in a set of ids. The same cities and organizations its routes' `scopeOf` gives one record;
 * written as plain `in` tests so PostgreSQL can hash the set and use the indexes on those columns.
 */
interface RowScope {
  cityIn: RowTest;
  organizationIn?: RowTest;
  /** Every city the row concerns is in the set (a partner-kept kind's test of `keptCityIds`). */
  citiesWithin?: RowTest;
  publishable: boolean;
}

/** A party table's rows of one owner (an agreement's, a project's): a city or an organization each. */
const partyCityIn = (parties: string, owner: string) => (ids: IdSet) =>
  sql<SqlBool>`exists (select 1 from ${sql.raw(parties)} p left join organization o on o.id = p.organization_id
    where p.${sql.raw(owner)} and (p.city_id = any(${ids}) or o.city_id = any(${ids})))`;
/** No party row of the owner is in a city outside the set (a party's own city or its organization's). */
const partiesWithin = (parties: string, owner: string) => (ids: IdSet) =>
  sql<SqlBool>`not exists (select 1 from ${sql.raw(parties)} p left join organization o on o.id = p.organization_id
    where p.${sql.raw(owner)} and (p.city_id <> all(${ids}) or o.city_id <> all(${ids})))`;
const partyOrganizationIn = (parties: string, owner: string) => (ids: IdSet) =>
  sql<SqlBool>`exists (select 1 from ${sql.raw(parties)} p where p.${sql.raw(owner)} and p.organization_id = any(${ids}))`;

const ROW_SCOPES: Partial<Record<AuditedRecordType, RowScope>> = {
  visit: {
    cityIn: (ids) => sql`(visit.from_city_id = any(${ids}) or visit.to_city_id = any(${ids}))`,
    publishable: true,
  },
  visit_program_item: {
    cityIn: (ids) =>
      sql`exists (select 1 from visit v where v.id = visit_program_item.visit_id
        and (v.from_city_id = any(${ids}) or v.to_city_id = any(${ids})))`,
    publishable: true,
  },
  organization: {
    cityIn: (ids) => sql`organization.city_id = any(${ids})`,
    organizationIn: (ids) => sql`organization.id = any(${ids})`,
    citiesWithin: (ids) => sql`organization.city_id = any(${ids})`,
    publishable: true,
  },
  person: {
    cityIn: (ids) =>
      sql`(person.city_id = any(${ids}) or ${partyCityIn('"position"', 'person_id = person.id')(ids)})`,
    organizationIn: partyOrganizationIn('"position"', 'person_id = person.id'),
    citiesWithin: (ids) =>
      sql`((person.city_id is null or person.city_id = any(${ids}))
        and ${partiesWithin('"position"', 'person_id = person.id')(ids)})`,
    publishable: false,
  },
  agreement: {
    cityIn: partyCityIn('agreement_party', 'agreement_id = agreement.id'),
    organizationIn: partyOrganizationIn('agreement_party', 'agreement_id = agreement.id'),
    publishable: true,
  },
  project: {
    cityIn: partyCityIn('project_party', 'project_id = project.id'),
    organizationIn: partyOrganizationIn('project_party', 'project_id = project.id'),
    publishable: true,
  },
  event: {
    cityIn: (ids) =>
      sql`(event.city_id = any(${ids}) or ${partyCityIn('event_participant', 'event_id = event.id')(ids)})`,
    organizationIn: partyOrganizationIn('event_participant', 'event_id = event.id'),
    citiesWithin: (ids) =>
      sql`((event.city_id is null or event.city_id = any(${ids}))
        and ${partiesWithin('event_participant', 'event_id = event.id')(ids)})`,
    publishable: true,
  },
  // As documentScope (documents/document.routes.ts): the cities and organizations an accepted import
  // linked the document to, and those organizations' cities, which the database keeps on the
  // document itself (migration 0014) so these are index conditions, not a search of record_source.
  document: {
    cityIn: (ids) => sql`document.scope_city_ids && ${ids}`,
    organizationIn: (ids) => sql`document.scope_organization_ids && ${ids}`,
    publishable: false,
  },
  plan_item: {
    cityIn: (ids) =>
      sql`(${partyCityIn('agreement_party', 'agreement_id = plan_item.agreement_id')(ids)}
        or exists (select 1 from organization o where o.id = plan_item.responsible_organization_id
          and o.city_id = any(${ids})))`,
    organizationIn: (ids) =>
      sql`(plan_item.responsible_organization_id = any(${ids})
        or ${partyOrganizationIn('agreement_party', 'agreement_id = plan_item.agreement_id')(ids)})`,
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
  const allowed: RawBuilder<SqlBool>[] = [];
  const list = (ids: number[]): IdSet => sql`array[${sql.join(ids)}]::integer[]`;
  if (filter.cityIds.length > 0) allowed.push(scope.cityIn(list(filter.cityIds)));
  if (filter.organizationIds.length > 0 && scope.organizationIn) {
    allowed.push(scope.organizationIn(list(filter.organizationIds)));
  }
  const kept = filter.keptCityIds ?? [];
  if (kept.length > 0 && scope.citiesWithin) {
    // A kept partner's record: one of its cities is kept, and none is beyond the asker's and kept ones.
    allowed.push(
      sql<SqlBool>`(${scope.cityIn(list(kept))} and ${scope.citiesWithin(list([...filter.cityIds, ...kept]))})`,
    );
  }
  if (filter.published && scope.publishable) {
    allowed.push(scope.cityIn(sql`array(select h.city_id from home_city h where h.published)`));
  }
  if (allowed.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${sql.join(allowed, sql` or `)})`;
}

/**
 * The condition a document query adds so it returns only the documents the asker may read, as
 * `canReadDocument` judges one: those of the asker's cities and organizations, and, for an editor,
 * those no accepted import has linked to a city or organization yet (the shared review queue).
 * `undefined` for an administrator.
 */
export function readableDocuments(principal: Principal): RawBuilder<SqlBool> | undefined {
  const scoped = readableRows('document', readFilter(principal));
  if (!scoped || !isEditor(principal)) return scoped;
  return sql<SqlBool>`(${scoped} or (document.scope_city_ids = '{}' and document.scope_organization_ids = '{}'))`;
}

/** The kinds of record files are attached to (migration 0019). */
const FILE_RECORD_TYPES = ['organization', 'person', 'visit', 'agreement', 'project', 'event'] as const;

/**
 * The condition a query of `attached_file` adds so it returns only the files the asker may read:
 * those of the records the asker may read, by the same conditions those records' lists use.
 * `undefined` when everything is readable.
 */
export function readableFiles(filter: ReadFilter): RawBuilder<SqlBool> | undefined {
  if (filter.everything) return undefined;
  const perKind = FILE_RECORD_TYPES.map((type) => {
    const readable = readableRows(type, filter) ?? sql<SqlBool>`true`;
    return sql<SqlBool>`(attached_file.record_type = ${type} and exists (select 1 from ${sql.table(type)}
      where ${sql.ref(`${type}.id`)} = attached_file.record_id and ${readable}))`;
  });
  return sql<SqlBool>`(${sql.join(perKind, sql` or `)})`;
}
