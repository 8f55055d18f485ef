import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../../db/database.ts';
import { withChildren } from '../audit/record-readers.ts';
import { hasOrganizationParty, hasPartyInCity, selectParties, type PartyTable } from './party.repository.ts';
import type { Party } from './party.schema.ts';

/** The records whose parties are cities and organizations, each with the table of its parties. */
const PARTY_TABLES = { agreement: 'agreement_party', project: 'project_party' } as const satisfies Record<
  string,
  PartyTable
>;
export type PartyOwner = keyof typeof PARTY_TABLES;

/** Maps rows of agreements or projects to records, with the parties of all of them read in one query. */
export function withParties<R extends { id: number }, T>(
  db: Kysely<Database>,
  owner: PartyOwner,
  rows: R[],
  toRecord: (row: R, parties: Party[]) => T,
): Promise<T[]> {
  return withChildren(rows, (ids) => selectParties(db, PARTY_TABLES[owner], ids), toRecord);
}

/** The conditions of a list's party filters: a party in the city, the organization among the parties. */
export function partyFilters(
  owner: PartyOwner,
  query: { cityId?: number | undefined; organizationId?: number | undefined },
): Expression<SqlBool>[] {
  const table = PARTY_TABLES[owner];
  const ownerRef = `${owner}.id`;
  return [
    ...(query.cityId === undefined ? [] : [hasPartyInCity(table, ownerRef, query.cityId)]),
    ...(query.organizationId === undefined
      ? []
      : [hasOrganizationParty(table, ownerRef, query.organizationId)]),
  ];
}

/** The condition "a party in each of the two cities": the agreements or projects under their twinning. */
export function hasPartiesInBothCities(
  owner: PartyOwner,
  cityAId: number,
  cityBId: number,
): Expression<SqlBool> {
  const table = PARTY_TABLES[owner];
  const ownerRef = `${owner}.id`;
  return sql<boolean>`(${hasPartyInCity(table, ownerRef, cityAId)} AND ${hasPartyInCity(table, ownerRef, cityBId)})`;
}
