import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { validationFailed } from '../../errors.ts';
import { insertAuditEntry } from '../audit/audit.repository.ts';
import type { Actor } from '../audit/audit.schema.ts';
import { assertVersion, inTransaction, parseInput, updateVersioned } from '../audit/audited-write.ts';
import type { Page } from '../audit/cursor-page.ts';
import { recordIdSchema } from '../audit/fields.schema.ts';
import {
  deleteAgreementRow,
  findAgreementById,
  findAgreementByIdOrThrow,
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

/** Records an agreement with its parties in one transaction, audited; fewer than two parties is refused. */
export async function createAgreement(
  db: Kysely<Database>,
  actor: Actor,
  input: unknown,
): Promise<Agreement> {
  const values = parseInput(agreementCreateSchema, input);
  return inTransaction(db, async (trx) => {
    const id = await insertAgreement(trx, values);
    await replaceParties(trx, 'agreement_party', id, values.parties);
    const created = await findAgreementByIdOrThrow(trx, id);
    await insertAuditEntry(trx, {
      actor,
      action: 'create',
      recordType: 'agreement',
      recordId: id,
      after: created,
    });
    return created;
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
  return inTransaction(db, async (trx) => {
    const { before, after } = await updateVersioned({
      what: 'Agreement',
      id,
      expectedVersion: change.version,
      load: () => findAgreementById(trx, id),
      update: async () => {
        if (!(await updateAgreementRow(trx, id, change))) return false;
        if (change.parties) await replaceParties(trx, 'agreement_party', id, change.parties);
        return true;
      },
    });
    await insertAuditEntry(trx, {
      actor,
      action: 'update',
      recordType: 'agreement',
      recordId: id,
      before,
      after,
    });
    return after;
  });
}

/** Deletes an agreement with its parties and plan items; the audit trail keeps what it was. */
export async function deleteAgreement(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  version: number,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const before = await findAgreementById(trx, id);
    assertVersion('Agreement', id, before, version);
    await deleteAgreementRow(trx, id);
    await insertAuditEntry(trx, { actor, action: 'delete', recordType: 'agreement', recordId: id, before });
  });
}

/** Lists agreements by status, kind, city, organization, visit or expiry, a page at a time. */
export async function listAgreements(db: Kysely<Database>, query: unknown): Promise<Page<Agreement>> {
  return selectAgreementPage(db, parseInput(agreementListQuerySchema, query));
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
