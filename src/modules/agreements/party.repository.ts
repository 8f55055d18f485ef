import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Party, PartyInput } from './party.schema.ts';

/** The two party tables, which share one shape: agreement_party and project_party. */
export type PartyTable = 'agreement_party' | 'project_party';
const OWNER_COLUMN = { agreement_party: 'agreement_id', project_party: 'project_id' } as const;

interface PartyRow {
  owner_id: number;
  city_id: number | null;
  organization_id: number | null;
  name: string;
  home_city_id: number;
}

/** The parties of each owner (agreement or project), cities first, then organizations by name. */
export async function selectParties(
  db: Kysely<Database>,
  table: PartyTable,
  ownerIds: number[],
): Promise<Map<number, Party[]>> {
  const byOwner = new Map<number, Party[]>();
  if (ownerIds.length === 0) return byOwner;
  const owner = sql.ref(`p.${OWNER_COLUMN[table]}`);
  // Raw SQL because the same query serves both tables, which Kysely's types cannot pick by a variable.
  const { rows } = await sql<PartyRow>`
    SELECT ${owner} AS owner_id, p.city_id, p.organization_id,
      coalesce(o.name, c.name_ru, c.name_en) AS name, c.id AS home_city_id
    FROM ${sql.table(table)} p
    LEFT JOIN organization o ON o.id = p.organization_id
    JOIN city c ON c.id = coalesce(p.city_id, o.city_id)
    WHERE ${owner} IN (${sql.join(ownerIds)})
    ORDER BY ${owner}, p.organization_id NULLS FIRST, o.sort_key, p.id
  `.execute(db);
  for (const row of rows) {
    byOwner.set(row.owner_id, [
      ...(byOwner.get(row.owner_id) ?? []),
      {
        cityId: row.city_id,
        organizationId: row.organization_id,
        name: row.name,
        homeCityId: row.home_city_id,
      },
    ]);
  }
  return byOwner;
}

/** Replaces the parties of one agreement or project; the two-party rule is checked at commit. */
export async function replaceParties(
  db: Kysely<Database>,
  table: PartyTable,
  ownerId: number,
  parties: PartyInput[],
): Promise<void> {
  const owner = sql.ref(OWNER_COLUMN[table]);
  await sql`DELETE FROM ${sql.table(table)} WHERE ${owner} = ${ownerId}`.execute(db);
  if (parties.length === 0) return;
  const values = parties.map(
    (party) => sql`(${ownerId}, ${party.cityId}::integer, ${party.organizationId}::integer)`,
  );
  await sql`
    INSERT INTO ${sql.table(table)} (${owner}, city_id, organization_id) VALUES ${sql.join(values)}
  `.execute(db);
}

/**
 * The condition "one of the owner's parties belongs to this city": the city itself or an
 * organization in it. The roll-up of institution agreements under a twinning stands on it.
 */
export function hasPartyInCity(table: PartyTable, ownerRef: string, cityId: number) {
  return sql<boolean>`EXISTS (
    SELECT 1 FROM ${sql.table(table)} p
    LEFT JOIN organization o ON o.id = p.organization_id
    WHERE p.${sql.ref(OWNER_COLUMN[table])} = ${sql.ref(ownerRef)} AND coalesce(p.city_id, o.city_id) = ${cityId}
  )`;
}

/** The condition "the organization is one of the owner's parties". */
export function hasOrganizationParty(table: PartyTable, ownerRef: string, organizationId: number) {
  return sql<boolean>`EXISTS (
    SELECT 1 FROM ${sql.table(table)} p
    WHERE p.${sql.ref(OWNER_COLUMN[table])} = ${sql.ref(ownerRef)} AND p.organization_id = ${organizationId}
  )`;
}

/** The condition "one of the owner's parties is an organization of this sphere" (a school: education). */
export function hasPartyInSphere(table: PartyTable, ownerRef: string, sphere: string) {
  return sql<boolean>`EXISTS (
    SELECT 1 FROM ${sql.table(table)} p JOIN organization o ON o.id = p.organization_id
    WHERE p.${sql.ref(OWNER_COLUMN[table])} = ${sql.ref(ownerRef)} AND o.sphere = ${sphere}
  )`;
}
