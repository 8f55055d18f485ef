import { z } from 'zod';
import type { PlanItemStatus } from '../../db/database.ts';
import { pageQuerySchema, sortSchema } from '../audit/cursor-page.ts';
import {
  isoDateSchema,
  optionalTextSchema,
  queryIdSchema,
  recordIdSchema,
  storedFields,
  textSchema,
  versionSchema,
} from '../audit/fields.schema.ts';

/** Where a plan item stands. */
export const planItemStatusSchema = z.enum([
  'planned',
  'in_progress',
  'done',
  'cancelled',
] as const satisfies readonly PlanItemStatus[]);

const planItemFields = z.object({
  agreementId: recordIdSchema,
  title: textSchema,
  responsibleOrganizationId: recordIdSchema.nullable(),
  responsiblePersonId: recordIdSchema.nullable(),
  responsibleText: optionalTextSchema,
  dueOn: isoDateSchema.nullable(),
  status: planItemStatusSchema,
  doneOn: isoDateSchema.nullable(),
  report: optionalTextSchema,
  assigneeUserId: recordIdSchema
    .nullable()
    .describe('the user the item is assigned to, told by mail when an SMTP server is set'),
});

const doneHasDate = (item: { status?: PlanItemStatus | undefined; doneOn?: string | null | undefined }) =>
  item.status !== 'done' || !!item.doneOn;
const doneHasDateProblem = {
  message: 'A plan item marked done needs the date it was done.',
  path: ['doneOn'],
};

/** A new item of a plan of joint activities: what, who, by when. */
export const planItemCreateSchema = planItemFields
  .partial()
  .required({ agreementId: true, title: true })
  .refine(doneHasDate, doneHasDateProblem);
export type PlanItemCreate = z.infer<typeof planItemCreateSchema>;

/** A change to a plan item (often: its status, date done and report). */
export const planItemUpdateSchema = planItemFields
  .omit({ agreementId: true })
  .partial()
  .extend({ version: versionSchema });
export type PlanItemUpdate = z.infer<typeof planItemUpdateSchema>;

/** A plan item as the registry shows it. */
export const planItemSchema = planItemFields.extend(storedFields);
export type PlanItem = z.infer<typeof planItemSchema>;

const booleanParam = z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]);

/** The fields a plan item list can be sorted by (`sort=`). */
export const PLAN_ITEM_SORTS = ['dueOn', 'doneOn', 'status', 'title', 'createdAt', 'updatedAt'] as const;

/** Plan items of an agreement, of a city or an organization, by status; `overdue` as of a date (today). */
export const planItemListQuerySchema = pageQuerySchema.extend({
  sort: sortSchema(PLAN_ITEM_SORTS),
  agreementId: queryIdSchema.optional(),
  cityId: queryIdSchema.optional(),
  responsibleOrganizationId: queryIdSchema.optional(),
  status: planItemStatusSchema.optional(),
  overdue: booleanParam.optional(),
  asOf: isoDateSchema.optional(),
});
export type PlanItemListQuery = z.infer<typeof planItemListQuerySchema>;
