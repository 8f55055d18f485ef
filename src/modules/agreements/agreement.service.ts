import type { Expression, Kysely, SqlBool } from 'kysely';
import type { Database } from '../../db/database.ts';
import { validationFailed } from '../../errors.ts';
import type { Actor } from '../audit/audit.schema.ts';
import { createAudited, deleteAudited, updateAudited, type AuditedRecord } from '../audit/audited-record.ts';
import { parseInput } from '../audit/audited-write.ts';
import type { Page } from '../audit/cursor-page.ts';
import { recordIdSchema } from '../audit/fields.schema.ts';
import {
  deleteAgreementRow,
  findAgreementById,
  insertAgreement,
  selectAgreementPage,
  selectAgreementsBetweenCities,
  updateAgreementRow,
} from './agreement.repository.ts';
import {
  agreementCreateSchema,
  agreementListQuerySchema,
  agreementUpdateSchema,
  type Agreement,
} from './agreement.schema.ts';
import { replaceParties } from './party.repository.ts';

const AGREEMENT: AuditedRecord<Agreement> = {
  what: 'Agreement',
  recordType: 'agreement',
  findById: findAgreementById,
};

/** Records an agreement with its parties in one transaction, audited; fewer than two parties is refused. */
export async function createAgreement(
  db: Kysely<Database>,
  actor: Actor,
  input: unknown,
): Promise<Agreement> {
  const values = parseInput(agreementCreateSchema, input);
  return createAudited(db, actor, AGREEMENT, values, async (trx) => {
    const id = await insertAgreement(trx, values);
    await replaceParties(trx, 'agreement_party', id, values.parties);
    return id;
  });
}

/** Changes an agreement (and its parties when given) if the editor saw the current version. */
export async function updateAgreement(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  input: unknown,
): Promise<Agreement> {
  const change = parseInput(agreementUpdateSchema, input);
  return updateAudited(db, actor, AGREEMENT, id, change, async (trx) => {
    if (!(await updateAgreementRow(trx, id, change))) return false;
    if (change.parties) await replaceParties(trx, 'agreement_party', id, change.parties);
    return true;
  });
}

/** Deletes an agreement with its parties and plan items; the audit trail keeps what it was. */
export async function deleteAgreement(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  version: number,
): Promise<void> {
  await deleteAudited(db, actor, AGREEMENT, id, version, deleteAgreementRow);
}

/**
 * Lists agreements by status, kind, city, organization, visit or expiry, a page at a time; `restrict` keeps
 * the rows the asker may read.
 */
export async function listAgreements(
  db: Kysely<Database>,
  query: unknown,
  restrict?: Expression<SqlBool>,
): Promise<Page<Agreement>> {
  return selectAgreementPage(db, parseInput(agreementListQuerySchema, query), restrict);
}

/**
 * The roll-up: every agreement between the two cities of a twinning, those of the cities themselves
 * and those of their schools, libraries and museums, found by a query over the parties (no copies).
 */
export async function listAgreementsUnderTwinning(
  db: Kysely<Database>,
  cityAId: number,
  cityBId: number,
): Promise<Agreement[]> {
  const a = parseInput(recordIdSchema, cityAId);
  const b = parseInput(recordIdSchema, cityBId);
  if (a === b) throw validationFailed('A twinning joins two different cities.');
  return selectAgreementsBetweenCities(db, a, b);
}
