import type { Expression, Kysely, SqlBool } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Actor } from '../audit/audit.schema.ts';
import { createAudited, deleteAudited, updateAudited, type AuditedRecord } from '../audit/audited-record.ts';
import { parseInput } from '../audit/audited-write.ts';
import type { Page } from '../audit/cursor-page.ts';
import {
  deletePlanItemRow,
  findPlanItemById,
  insertPlanItem,
  selectPlanItemPage,
  updatePlanItemRow,
} from './plan-item.repository.ts';
import {
  planItemCreateSchema,
  planItemListQuerySchema,
  planItemUpdateSchema,
  type PlanItem,
} from './plan-item.schema.ts';

const PLAN_ITEM: AuditedRecord<PlanItem> = {
  what: 'Plan item',
  recordType: 'plan_item',
  findById: findPlanItemById,
};

/** Adds an item to an agreement's plan of joint activities, audited. */
export async function createPlanItem(db: Kysely<Database>, actor: Actor, input: unknown): Promise<PlanItem> {
  return createAudited(db, actor, PLAN_ITEM, parseInput(planItemCreateSchema, input), insertPlanItem);
}

/** Changes a plan item (its status, report, deadline) if the editor saw the current version. */
export async function updatePlanItem(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  input: unknown,
): Promise<PlanItem> {
  return updateAudited(db, actor, PLAN_ITEM, id, parseInput(planItemUpdateSchema, input), updatePlanItemRow);
}

/** Deletes a plan item, audited. */
export async function deletePlanItem(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  version: number,
): Promise<void> {
  await deleteAudited(db, actor, PLAN_ITEM, id, version, deletePlanItemRow);
}

/**
 * Lists plan items (overdue ones, an agreement's, a city's), nearest deadline first, a page at a time;
 * `restrict` keeps the rows the asker may read.
 */
export async function listPlanItems(
  db: Kysely<Database>,
  query: unknown,
  restrict?: Expression<SqlBool>,
  today: string = new Date().toISOString().slice(0, 10),
): Promise<Page<PlanItem>> {
  return selectPlanItemPage(db, parseInput(planItemListQuerySchema, query), today, restrict);
}
