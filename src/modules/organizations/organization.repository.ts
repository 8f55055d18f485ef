import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database, OrganizationRow } from '../../db/database.ts';
import { isoTimestamp } from '../audit/audit.repository.ts';
import { deleteRowIfVersion, updateRowIfVersion } from '../audit/versioned-row.ts';
import { findOrThrow } from '../audit/record-readers.ts';
import { selectPage, textKey, TIMESTAMP_SORTS, type ListSorts, type Page } from '../audit/cursor-page.ts';
import type {
  Organization,
  OrganizationCreate,
  OrganizationListQuery,
  OrganizationUpdate,
} from './organization.schema.ts';
import type { ORGANIZATION_SORTS } from './organization.schema.ts';

/** Maps a stored row to the domain shape. */
export function toOrganization(row: OrganizationRow): Organization {
  return {
    id: row.id,
    cityId: row.city_id,
    name: row.name,
    shortName: row.short_name,
    kind: row.kind,
    sphere: row.sphere,
    address: row.address,
    website: row.website,
    email: row.email,
    phones: row.phones,
    notes: row.notes,
    version: row.version,
    updatedAt: isoTimestamp(row.updated_at),
  };
}

/** The organization with this id, if any. */
export async function findOrganizationById(
  db: Kysely<Database>,
  id: number,
): Promise<Organization | undefined> {
  const row = await db.selectFrom('organization').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toOrganization(row);
}

/** The organization with this id; its absence is an error. */
export const findOrganizationByIdOrThrow = findOrThrow(findOrganizationById, 'Organization');

/** The organization of a city with this name, compared as the unique index does (case, «ё», accents). */
export async function findOrganizationByName(
  db: Kysely<Database>,
  cityId: number,
  name: string,
): Promise<Organization | undefined> {
  const row = await db
    .selectFrom('organization')
    .selectAll()
    .where('city_id', '=', cityId)
    .where(sql<boolean>`name_key(name) = name_key(${name})`)
    .executeTakeFirst();
  return row && toOrganization(row);
}

/** Stores a new organization and returns its id. */
export async function insertOrganization(db: Kysely<Database>, input: OrganizationCreate): Promise<number> {
  const row = await db
    .insertInto('organization')
    .values({
      city_id: input.cityId,
      name: input.name,
      short_name: input.shortName ?? null,
      kind: input.kind,
      sphere: input.sphere,
      address: input.address ?? null,
      website: input.website ?? null,
      email: input.email ?? null,
      phones: input.phones ?? [],
      notes: input.notes ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Applies a change when the stored version is still `version`; false when it is not. */
export async function updateOrganizationRow(
  db: Kysely<Database>,
  id: number,
  { version, ...patch }: OrganizationUpdate,
): Promise<boolean> {
  return updateRowIfVersion(db, 'organization', id, version, {
    city_id: patch.cityId,
    name: patch.name,
    short_name: patch.shortName,
    kind: patch.kind,
    sphere: patch.sphere,
    address: patch.address,
    website: patch.website,
    email: patch.email,
    phones: patch.phones,
    notes: patch.notes,
  });
}

/** Removes an organization, when its stored version is still the one given. */
export async function deleteOrganizationRow(
  db: Kysely<Database>,
  id: number,
  version: number,
): Promise<boolean> {
  return deleteRowIfVersion(db, 'organization', id, version);
}

/** How organizations can be sorted; in Russian alphabetical order unless asked otherwise. */
const ORGANIZATION_SORTING: ListSorts<(typeof ORGANIZATION_SORTS)[number]> = {
  fields: {
    name: { key: textKey(sql.ref('sort_key')), direction: 'asc' },
    kind: { key: textKey(sql.ref('kind')), direction: 'asc' },
    sphere: { key: textKey(sql.ref('sphere')), direction: 'asc' },
    ...TIMESTAMP_SORTS,
  },
  default: 'name',
};

/** A page of organizations matching the filter, in Russian alphabetical order. */
export async function selectOrganizationPage(
  db: Kysely<Database>,
  query: OrganizationListQuery,
  restrict?: Expression<SqlBool>,
): Promise<Page<Organization>> {
  let select = db.selectFrom('organization').selectAll();
  if (query.cityId !== undefined) select = select.where('city_id', '=', query.cityId);
  if (query.sphere !== undefined) select = select.where('sphere', '=', query.sphere);
  if (query.kind !== undefined) select = select.where('kind', '=', query.kind);
  if (query.q !== undefined)
    select = select.where(sql<boolean>`search_key like '%' || name_key(${query.q}) || '%'`);
  return selectPage(select, ORGANIZATION_SORTING, query, (rows) => rows.map(toOrganization), restrict);
}
