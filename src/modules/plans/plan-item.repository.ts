import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database, PlanItemRow } from '../../db/database.ts';
import { hasPartyInCity } from '../agreements/party.repository.ts';
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
import type { PlanItem, PlanItemCreate, PlanItemListQuery, PlanItemUpdate } from './plan-item.schema.ts';
import type { PLAN_ITEM_SORTS } from './plan-item.schema.ts';

/** Maps a stored plan item row to the domain shape. */
export function toPlanItem(row: PlanItemRow): PlanItem {
  return {
    id: row.id,
    agreementId: row.agreement_id,
    title: row.title,
    responsibleOrganizationId: row.responsible_organization_id,
    responsiblePersonId: row.responsible_person_id,
    responsibleText: row.responsible_text,
    dueOn: row.due_on,
    status: row.status,
    doneOn: row.done_on,
    report: row.report,
    assigneeUserId: row.assignee_user_id,
    version: row.version,
    updatedAt: isoTimestamp(row.updated_at),
  };
}

/** The plan item with this id, if any. */
export async function findPlanItemById(db: Kysely<Database>, id: number): Promise<PlanItem | undefined> {
  const row = await db.selectFrom('plan_item').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toPlanItem(row);
}

/** The plan item with this id; absence is an error. */
export const findPlanItemByIdOrThrow = findOrThrow(findPlanItemById, 'Plan item');

/** Stores a new plan item and returns its id. */
export async function insertPlanItem(db: Kysely<Database>, input: PlanItemCreate): Promise<number> {
  const row = await db
    .insertInto('plan_item')
    .values({
      agreement_id: input.agreementId,
      title: input.title,
      responsible_organization_id: input.responsibleOrganizationId ?? null,
      responsible_person_id: input.responsiblePersonId ?? null,
      responsible_text: input.responsibleText ?? null,
      due_on: input.dueOn ?? null,
      status: input.status,
      done_on: input.doneOn ?? null,
      report: input.report ?? null,
      assignee_user_id: input.assigneeUserId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Applies a change when the stored version is still the one given. */
export async function updatePlanItemRow(
  db: Kysely<Database>,
  id: number,
  change: PlanItemUpdate,
): Promise<boolean> {
  return updateRowIfVersion(db, 'plan_item', id, change.version, {
    title: change.title,
    responsible_organization_id: change.responsibleOrganizationId,
    responsible_person_id: change.responsiblePersonId,
    responsible_text: change.responsibleText,
    due_on: change.dueOn,
    status: change.status,
    done_on: change.doneOn,
    report: change.report,
    assignee_user_id: change.assigneeUserId,
  });
}

/** Removes a plan item, when its stored version is still the one given. */
export async function deletePlanItemRow(db: Kysely<Database>, id: number, version: number): Promise<boolean> {
  return deleteRowIfVersion(db, 'plan_item', id, version);
}

// Items without a deadline come last: a date far in the future stands in for «no date».
const DUE_KEY = sql<string>`coalesce(due_on, '9999-12-31'::date)`;

/** How plan items can be sorted; the nearest deadline first unless asked otherwise. Items without a
 * deadline come after those with one; items not done yet count as done at the earliest. */
const PLAN_ITEM_SORTING: ListSorts<(typeof PLAN_ITEM_SORTS)[number]> = {
  fields: {
    dueOn: { key: dateKey(DUE_KEY), direction: 'asc' },
    doneOn: { key: dateKey(sql`coalesce(done_on, '0001-01-01'::date)`), direction: 'desc' },
    status: { key: enumKey('status', ['planned', 'in_progress', 'done', 'cancelled']), direction: 'asc' },
    title: { key: textKey(sql`lower(title)`), direction: 'asc' },
    ...TIMESTAMP_SORTS,
  },
  default: 'dueOn',
};

/** A page of plan items matching the filter, the nearest deadline first. */
export async function selectPlanItemPage(
  db: Kysely<Database>,
  query: PlanItemListQuery,
  today: string,
  restrict?: Expression<SqlBool>,
): Promise<Page<PlanItem>> {
  let select = db.selectFrom('plan_item').selectAll();
  if (query.agreementId !== undefined) select = select.where('agreement_id', '=', query.agreementId);
  if (query.cityId !== undefined) {
    select = select.where(hasPartyInCity('agreement_party', 'plan_item.agreement_id', query.cityId));
  }
  if (query.responsibleOrganizationId !== undefined) {
    select = select.where('responsible_organization_id', '=', query.responsibleOrganizationId);
  }
  if (query.status !== undefined) select = select.where('status', '=', query.status);
  const open = ['planned', 'in_progress'] as const;
  const asOf = query.asOf ?? today;
  if (query.overdue === true) select = select.where('status', 'in', open).where('due_on', '<', asOf);
  if (query.overdue === false) {
    select = select.where((eb) =>
      eb.or([eb('status', 'not in', open), eb('due_on', 'is', null), eb('due_on', '>=', asOf)]),
    );
  }
  return selectPage(select, PLAN_ITEM_SORTING, query, (rows) => rows.map(toPlanItem), restrict);
}
