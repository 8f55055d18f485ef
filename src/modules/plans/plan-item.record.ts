import type { RecordRoutesDefinition } from '../audit/record-definition.ts';
import { agreementScopeIds, resolveScope } from '../auth/record-scope.ts';
import { findPlanItemById } from './plan-item.repository.ts';
import {
  planItemCreateSchema,
  planItemListQuerySchema,
  planItemSchema,
  planItemUpdateSchema,
  type PlanItem,
} from './plan-item.schema.ts';
import { notifyAssignee } from '../mail/assignment-notice.ts';
import { createPlanItem, deletePlanItem, listPlanItems, updatePlanItem } from './plan-item.service.ts';

/** A plan item belongs where its agreement does, and to the organization responsible for it. */
async function planItemScope(
  db: Parameters<typeof resolveScope>[0],
  agreementId: number | undefined,
  responsibleOrganizationId: number | null | undefined,
) {
  const ids = agreementId ? await agreementScopeIds(db, agreementId) : { cityIds: [], organizationIds: [] };
  return resolveScope(db, {
    cityIds: ids.cityIds,
    organizationIds: [...ids.organizationIds, responsibleOrganizationId],
  });
}

/** /api/plan-items. */
export const planItemRecord: RecordRoutesDefinition<PlanItem> = {
  path: 'plan-items',
  what: 'Plan item',
  recordType: 'plan_item',
  schemas: {
    record: planItemSchema,
    create: planItemCreateSchema,
    update: planItemUpdateSchema,
    list: planItemListQuerySchema,
  },
  find: findPlanItemById,
  list: listPlanItems,
  // The user a plan item is newly assigned to is told by mail, after the change is stored.
  create: async (db, actor, input) => {
    const item = await createPlanItem(db, actor, input);
    notifyAssignee(db, item.id, item.assigneeUserId, actor.userId);
    return item;
  },
  update: async (db, actor, id, input) => {
    const before = await findPlanItemById(db, id);
    const item = await updatePlanItem(db, actor, id, input);
    if (item.assigneeUserId !== before?.assigneeUserId) {
      notifyAssignee(db, item.id, item.assigneeUserId, actor.userId);
    }
    return item;
  },
  remove: deletePlanItem,
  scopeOf: (db, item) => planItemScope(db, item.agreementId, item.responsibleOrganizationId),
  scopeOfInput: (db, input, stored) =>
    planItemScope(
      db,
      (input.agreementId as number | undefined) ?? stored?.agreementId,
      input.responsibleOrganizationId === undefined
        ? stored?.responsibleOrganizationId
        : (input.responsibleOrganizationId as number | null),
    ),
};
