import type { Expression, Kysely, SqlBool } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Actor } from '../audit/audit.schema.ts';
import { createAudited, deleteAudited, updateAudited, type AuditedRecord } from '../audit/audited-record.ts';
import { parseInput } from '../audit/audited-write.ts';
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

export const PROGRAM_ITEM: AuditedRecord<ProgramItem> = {
  what: 'Program item',
  recordType: 'visit_program_item',
  findById: findProgramItemById,
};

/** Adds an item to a visit's program, audited. */
export async function createProgramItem(
  db: Kysely<Database>,
  actor: Actor,
  input: unknown,
): Promise<ProgramItem> {
  const values = parseInput(programItemCreateSchema, input);
  return createAudited(db, actor, PROGRAM_ITEM, values, insertProgramItem);
}

/** Changes a program item if the editor saw the current version, audited. */
export async function updateProgramItem(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  input: unknown,
): Promise<ProgramItem> {
  const change = parseInput(programItemUpdateSchema, input);
  return updateAudited(db, actor, PROGRAM_ITEM, id, change, updateProgramItemRow);
}

/** Removes a program item if the editor saw the current version, audited. */
export async function deleteProgramItem(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  version: number,
): Promise<void> {
  await deleteAudited(db, actor, PROGRAM_ITEM, id, version, deleteProgramItemRow);
}

/** A visit's program in its order, a page at a time; `restrict` keeps the rows the asker may read. */
export async function listProgramItems(
  db: Kysely<Database>,
  query: unknown,
  restrict?: Expression<SqlBool>,
): Promise<Page<ProgramItem>> {
  return selectProgramItemPage(db, parseInput(programItemListQuerySchema, query), restrict);
}
