import { z } from 'zod';
import type { ProgramItemKind } from '../../db/database.ts';
import { pageQuerySchema, sortSchema } from '../audit/cursor-page.ts';
import {
  clockTimeSchema,
  isoDateSchema,
  optionalTextSchema,
  queryIdSchema,
  recordIdSchema,
  storedFields,
  textSchema,
  versionSchema,
} from '../audit/fields.schema.ts';

/** What a program item is: a meeting, a visit to an organization, an event attended, a signing. */
export const programItemKindSchema = z.enum([
  'meeting',
  'organization_visit',
  'event',
  'signing',
  'other',
] as const satisfies readonly ProgramItemKind[]);

const programItemFields = z.object({
  visitId: recordIdSchema,
  kind: programItemKindSchema,
  title: textSchema,
  day: isoDateSchema.nullable(),
  /** When it starts and ends on that day, on the visited city's clock («10:00», «11:30»). */
  startTime: clockTimeSchema.nullable(),
  endTime: clockTimeSchema.nullable(),
  organizationId: recordIdSchema.nullable(),
  eventId: recordIdSchema.nullable(),
  agreementId: recordIdSchema.nullable(),
  notes: optionalTextSchema,
  position: z.number().int().min(0).max(10_000),
});

const timeOrder = (item: { startTime?: string | null; endTime?: string | null }) =>
  !item.startTime || !item.endTime || item.endTime >= item.startTime;
const timeOrderProblem = { message: 'A program item cannot end before it starts.', path: ['endTime'] };

/** A new item of a visit's program («Встреча с главой администрации», «Посещение лицея № 21»). */
export const programItemCreateSchema = programItemFields
  .partial()
  .required({ visitId: true, kind: true, title: true })
  .refine(timeOrder, timeOrderProblem);
export type ProgramItemCreate = z.infer<typeof programItemCreateSchema>;

/** A change to a program item; it stays with its visit. */
export const programItemUpdateSchema = programItemFields
  .omit({ visitId: true })
  .partial()
  .extend({ version: versionSchema })
  .refine(timeOrder, timeOrderProblem);
export type ProgramItemUpdate = z.infer<typeof programItemUpdateSchema>;

/** A program item as the registry shows it. */
export const programItemSchema = programItemFields.extend(storedFields);
export type ProgramItem = z.infer<typeof programItemSchema>;

/** The fields a program item list can be sorted by (`sort=`). */
export const PROGRAM_ITEM_SORTS = ['position', 'day', 'title', 'kind', 'createdAt', 'updatedAt'] as const;

/** The program of one visit, in its order. */
export const programItemListQuerySchema = pageQuerySchema.extend({
  sort: sortSchema(PROGRAM_ITEM_SORTS),
  visitId: queryIdSchema.optional(),
});
export type ProgramItemListQuery = z.infer<typeof programItemListQuerySchema>;
