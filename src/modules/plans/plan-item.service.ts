import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { insertAuditEntry } from '../audit/audit.repository.ts';
import type { Actor } from '../audit/audit.schema.ts';
import { assertVersion, inTransaction, parseInput, updateVersioned } from '../audit/audited-write.ts';
import type { Page } from '../audit/cursor-page.ts';
import {
  deletePlanItemRow,
  findPlanItemById,
  findPlanItemByIdOrThrow,
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

/** Adds an item to an agreement's plan of joint activities, audited. */
export async function createPlanItem(db: Kysely<Database>, actor: Actor, input: unknown): Promise<PlanItem> {
  const values = parseInput(planItemCreateSchema, input);
  return inTransaction(db, async (trx) => {
    const created = await findPlanItemByIdOrThrow(trx, await insertPlanItem(trx, values));
    await insertAuditEntry(trx, {
      actor,
      action: 'create',
      recordType: 'plan_item',
      recordId: created.id,
      after: created,
    });
    return created;
  });
}

/** Changes a plan item (its status, report, deadline) if the editor saw the current version. */
export async function updatePlanItem(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  input: unknown,
): Promise<PlanItem> {
  const change = parseInput(planItemUpdateSchema, input);
  return inTransaction(db, async (trx) => {
    const { before, after } = await updateVersioned({
      what: 'Plan item',
      id,
      expectedVersion: change.version,
      load: () => findPlanItemById(trx, id),
      update: () => updatePlanItemRow(trx, id, change),
    });
    await insertAuditEntry(trx, {
      actor,
      action: 'update',
      recordType: 'plan_item',
      recordId: id,
      before,
      after,
    });
    return after;
  });
}

/** Deletes a plan item, audited. */
export async function deletePlanItem(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  version: number,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const before = await findPlanItemById(trx, id);
    assertVersion('Plan item', id, before, version);
    await deletePlanItemRow(trx, id);
    await insertAuditEntry(trx, { actor, action: 'delete', recordType: 'plan_item', recordId: id, before });
  });
}

/** Lists plan items (overdue ones, an agreement's, a city's), nearest deadline first, a page at a time. */
export async function listPlanItems(
  db: Kysely<Database>,
  query: unknown,
  today: string = new Date().toISOString().slice(0, 10),
): Promise<Page<PlanItem>> {
  return selectPlanItemPage(db, parseInput(planItemListQuerySchema, query), today);
}
