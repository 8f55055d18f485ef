import type { Expression, Kysely, SqlBool } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Actor } from '../audit/audit.schema.ts';
import { createAudited, deleteAudited, updateAudited, type AuditedRecord } from '../audit/audited-record.ts';
import { parseInput } from '../audit/audited-write.ts';
import type { Page } from '../audit/cursor-page.ts';
import {
  deleteVisitRow,
  findVisitById,
  insertVisit,
  selectVisitPage,
  updateVisitRow,
} from './visit.repository.ts';
import { replaceVisitMembers } from './visit-member.repository.ts';
import { visitCreateSchema, visitListQuerySchema, visitUpdateSchema, type Visit } from './visit.schema.ts';

const VISIT: AuditedRecord<Visit> = { what: 'Visit', recordType: 'visit', findById: findVisitById };

/** Records a visit with its delegation in one transaction, audited. */
export async function createVisit(db: Kysely<Database>, actor: Actor, input: unknown): Promise<Visit> {
  const values = parseInput(visitCreateSchema, input);
  return createAudited(db, actor, VISIT, values, async (trx) => {
    const id = await insertVisit(trx, values);
    await replaceVisitMembers(trx, id, values.members);
    return id;
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
  return updateAudited(db, actor, VISIT, id, change, async (trx) => {
    if (!(await updateVisitRow(trx, id, change))) return false;
    if (change.members) await replaceVisitMembers(trx, id, change.members);
    return true;
  });
}

/** Deletes a visit with its delegation; agreements signed at it keep existing. Audited. */
export async function deleteVisit(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  version: number,
): Promise<void> {
  await deleteAudited(db, actor, VISIT, id, version, deleteVisitRow);
}

/**
 * Lists a city's visits by direction, year and status, latest first, a page at a time; `restrict` keeps the
 * rows the asker may read.
 */
export async function listVisits(
  db: Kysely<Database>,
  query: unknown,
  restrict?: Expression<SqlBool>,
): Promise<Page<Visit>> {
  return selectVisitPage(db, parseInput(visitListQuerySchema, query), restrict);
}
