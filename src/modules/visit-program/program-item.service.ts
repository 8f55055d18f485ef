import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import { insertAuditEntry } from '../audit/audit.repository.ts';
import type { Actor } from '../audit/audit.schema.ts';
import { assertVersion, inTransaction, parseInput, updateVersioned } from '../audit/audited-write.ts';
import type { Page } from '../audit/cursor-page.ts';
import {
  deleteProgramItemRow,
  findProgramItemById,
  insertProgramItem,
  selectProgramItemPage,
  updateProgramItemRow,
} from './program-item.repository.ts';
import {
  programItemCreateSchema,
  programItemListQuerySchema,
  programItemUpdateSchema,
  type ProgramItem,
} from './program-item.schema.ts';

const RECORD = 'visit_program_item' as const;

async function loadOrThrow(db: Kysely<Database>, id: number): Promise<ProgramItem> {
  const item = await findProgramItemById(db, id);
  if (!item) throw notFound('Program item', id);
  return item;
}

/** Adds an item to a visit's program, audited. */
export async function createProgramItem(
  db: Kysely<Database>,
  actor: Actor,
  input: unknown,
): Promise<ProgramItem> {
  const values = parseInput(programItemCreateSchema, input);
  return inTransaction(db, async (trx) => {
    const created = await loadOrThrow(trx, await insertProgramItem(trx, values));
    await insertAuditEntry(trx, {
      actor,
      action: 'create',
      recordType: RECORD,
      recordId: created.id,
      after: created,
    });
    return created;
  });
}

/** Changes a program item if the editor saw the current version, audited. */
export async function updateProgramItem(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  input: unknown,
): Promise<ProgramItem> {
  const change = parseInput(programItemUpdateSchema, input);
  return inTransaction(db, async (trx) => {
    const { before, after } = await updateVersioned({
      what: 'Program item',
      id,
      expectedVersion: change.version,
      load: () => findProgramItemById(trx, id),
      update: () => updateProgramItemRow(trx, id, change),
    });
    await insertAuditEntry(trx, { actor, action: 'update', recordType: RECORD, recordId: id, before, after });
    return after;
  });
}

/** Removes a program item if the editor saw the current version, audited. */
export async function deleteProgramItem(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  version: number,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const before = await findProgramItemById(trx, id);
    assertVersion('Program item', id, before, version);
    await deleteProgramItemRow(trx, id);
    await insertAuditEntry(trx, { actor, action: 'delete', recordType: RECORD, recordId: id, before });
  });
}

/** A visit's program in its order, a page at a time. */
export async function listProgramItems(db: Kysely<Database>, query: unknown): Promise<Page<ProgramItem>> {
  return selectProgramItemPage(db, parseInput(programItemListQuerySchema, query));
}
