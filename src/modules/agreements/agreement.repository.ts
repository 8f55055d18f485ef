import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { AgreementRow, Database } from '../../db/database.ts';
import { isoTimestamp } from '../audit/audit.repository.ts';
import { deleteRowIfVersion, updateRowIfVersion } from '../audit/versioned-row.ts';
import { findOrThrow } from '../audit/record-readers.ts';
import {
  dateKey,
  enumKey,
  selectPage,
  textKey,
  TIMESTAMP_SORTS,
  type ListSorts,
  type Page,
} from '../audit/cursor-page.ts';
import type { Agreement, AgreementCreate, AgreementListQuery, AgreementUpdate } from './agreement.schema.ts';
import type { AGREEMENT_SORTS } from './agreement.schema.ts';
import { hasPartiesInBothCities, partyFilters, withParties } from './party-owner.repository.ts';
import { hasPartyInSphere } from './party.repository.ts';
import type { Party } from './party.schema.ts';

/** Maps a stored agreement row and its parties to the domain shape. */
export function toAgreement(row: AgreementRow, parties: Party[]): Agreement {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    status: row.status,
    signedOn: row.signed_on,
    signedAtVisitId: row.signed_at_visit_id,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    autoRenew: row.auto_renew,
    documentId: row.document_id,
    notes: row.notes,
    stage: row.stage,
    version: row.version,
    updatedAt: isoTimestamp(row.updated_at),
    parties,
  };
}

const agreementsOf = (db: Kysely<Database>, rows: AgreementRow[]) =>
  withParties(db, 'agreement', rows, toAgreement);

/** The agreement with this id and its parties, if any. */
export async function findAgreementById(db: Kysely<Database>, id: number): Promise<Agreement | undefined> {
  const row = await db.selectFrom('agreement').selectAll().where('id', '=', id).executeTakeFirst();
  return row && (await agreementsOf(db, [row]))[0];
}

/** The agreement with this id; absence is an error. */
export const findAgreementByIdOrThrow = findOrThrow(findAgreementById, 'Agreement');

/** Stores a new agreement (its parties go in separately, before the commit) and returns its id. */
export async function insertAgreement(db: Kysely<Database>, input: AgreementCreate): Promise<number> {
  const row = await db
    .insertInto('agreement')
    .values({
      kind: input.kind,
      title: input.title,
      status: input.status,
      signed_on: input.signedOn ?? null,
      signed_at_visit_id: input.signedAtVisitId ?? null,
      valid_from: input.validFrom ?? null,
      valid_until: input.validUntil ?? null,
      auto_renew: input.autoRenew,
      document_id: input.documentId ?? null,
      notes: input.notes ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Applies a change to the agreement's own fields when the stored version is still the one given. */
export async function updateAgreementRow(
  db: Kysely<Database>,
  id: number,
  change: AgreementUpdate,
): Promise<boolean> {
  return updateRowIfVersion(db, 'agreement', id, change.version, {
    kind: change.kind,
    title: change.title,
    status: change.status,
    signed_on: change.signedOn,
    signed_at_visit_id: change.signedAtVisitId,
    valid_from: change.validFrom,
    valid_until: change.validUntil,
    auto_renew: change.autoRenew,
    document_id: change.documentId,
    notes: change.notes,
  });
}

/** Removes an agreement with its parties and plan items, when its stored version is still the one given. */
export async function deleteAgreementRow(
  db: Kysely<Database>,
  id: number,
  version: number,
): Promise<boolean> {
  return deleteRowIfVersion(db, 'agreement', id, version);
}

// Undated agreements sort as the oldest: a date far in the past stands in for «not known».
const SIGNED_KEY = sql<string>`coalesce(signed_on, '0001-01-01'::date)`;

/** How agreements can be sorted; latest signed first unless asked otherwise. Unsigned ones count as
 * the oldest, undated starts as the earliest, open-ended ones as expiring last. */
const AGREEMENT_SORTING: ListSorts<(typeof AGREEMENT_SORTS)[number]> = {
  fields: {
    signedOn: { key: dateKey(SIGNED_KEY), direction: 'desc' },
    validFrom: { key: dateKey(sql`coalesce(valid_from, '0001-01-01'::date)`), direction: 'desc' },
    validUntil: { key: dateKey(sql`coalesce(valid_until, '9999-12-31'::date)`), direction: 'asc' },
    title: { key: textKey(sql`lower(title)`), direction: 'asc' },
    status: { key: enumKey('status', ['draft', 'in_force', 'expired', 'terminated']), direction: 'asc' },
    kind: { key: textKey(sql.ref('kind')), direction: 'asc' },
    ...TIMESTAMP_SORTS,
  },
  default: 'signedOn',
};

/** A page of agreements matching the filter, latest signed first. */
export async function selectAgreementPage(
  db: Kysely<Database>,
  query: AgreementListQuery,
  restrict?: Expression<SqlBool>,
): Promise<Page<Agreement>> {
  let select = db.selectFrom('agreement').selectAll();
  if (query.status !== undefined) select = select.where('status', '=', query.status);
  if (query.kind !== undefined) select = select.where('kind', '=', query.kind);
  if (query.visitId !== undefined) select = select.where('signed_at_visit_id', '=', query.visitId);
  if (query.sphere !== undefined)
    select = select.where(hasPartyInSphere('agreement_party', 'agreement.id', query.sphere));
  if (query.validUntilBefore !== undefined) select = select.where('valid_until', '<', query.validUntilBefore);
  for (const condition of partyFilters('agreement', query)) select = select.where(condition);
  return selectPage(select, AGREEMENT_SORTING, query, (rows) => agreementsOf(db, rows), restrict);
}

/** Agreements with a party in each of the two cities (the cities or their organizations), latest first. */
export async function selectAgreementsBetweenCities(
  db: Kysely<Database>,
  cityAId: number,
  cityBId: number,
): Promise<Agreement[]> {
  const rows = await db
    .selectFrom('agreement')
    .selectAll()
    .where(hasPartiesInBothCities('agreement', cityAId, cityBId))
    .orderBy(SIGNED_KEY, 'desc')
    .orderBy('id', 'desc')
    .execute();
  return agreementsOf(db, rows);
}
