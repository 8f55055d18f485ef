import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { insertAuditEntry } from '../audit/audit.repository.ts';
import type { Actor } from '../audit/audit.schema.ts';
import { assertVersion, inTransaction, parseInput, updateVersioned } from '../audit/audited-write.ts';
import type { Page } from '../audit/cursor-page.ts';
import {
  deleteVisitRow,
  findVisitById,
  findVisitByIdOrThrow,
  insertVisit,
  selectVisitPage,
  updateVisitRow,
} from './visit.repository.ts';
import { replaceVisitMembers } from './visit-member.repository.ts';
import { visitCreateSchema, visitListQuerySchema, visitUpdateSchema, type Visit } from './visit.schema.ts';

/** Records a visit with its delegation in one transaction, audited. */
export async function createVisit(db: Kysely<Database>, actor: Actor, input: unknown): Promise<Visit> {
  const values = parseInput(visitCreateSchema, input);
  return inTransaction(db, async (trx) => {
    const id = await insertVisit(trx, values);
    await replaceVisitMembers(trx, id, values.members);
    const created = await findVisitByIdOrThrow(trx, id);
    await insertAuditEntry(trx, {
      actor,
      action: 'create',
      recordType: 'visit',
      recordId: id,
      after: created,
    });
    return created;
  });
}

/** Changes a visit (and its delegation when given) if the editor saw the current version. */
export async function updateVisit(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  input: unknown,
): Promise<Visit> {
  const change = parseInput(visitUpdateSchema, input);
  return inTransaction(db, async (trx) => {
    const { before, after } = await updateVersioned({
      what: 'Visit',
      id,
      expectedVersion: change.version,
      load: () => findVisitById(trx, id),
      update: async () => {
        if (!(await updateVisitRow(trx, id, change))) return false;
        if (change.members) await replaceVisitMembers(trx, id, change.members);
        return true;
      },
    });
    await insertAuditEntry(trx, {
      actor,
      action: 'update',
      recordType: 'visit',
      recordId: id,
      before,
      after,
    });
    return after;
  });
}

/** Deletes a visit with its delegation; agreements signed at it keep existing. Audited. */
export async function deleteVisit(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  version: number,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const before = await findVisitById(trx, id);
    assertVersion('Visit', id, before, version);
    await deleteVisitRow(trx, id);
    await insertAuditEntry(trx, { actor, action: 'delete', recordType: 'visit', recordId: id, before });
  });
}

/** Lists a city's visits by direction, year and status, latest first, a page at a time. */
export async function listVisits(db: Kysely<Database>, query: unknown): Promise<Page<Visit>> {
  return selectVisitPage(db, parseInput(visitListQuerySchema, query));
}
