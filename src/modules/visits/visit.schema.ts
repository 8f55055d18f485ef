import { z } from 'zod';
import type { VisitKind, VisitStatus } from '../../db/database.ts';
import { pageQuerySchema, sortSchema } from '../audit/cursor-page.ts';
import {
  clockTimeSchema,
  isoDateSchema,
  optionalTextSchema,
  queryIdSchema,
  recordIdSchema,
  storedFields,
  versionSchema,
} from '../audit/fields.schema.ts';

/** How the visit was called: official, working, business. */
export const visitKindSchema = z.enum([
  'official',
  'working',
  'business',
  'other',
] as const satisfies readonly VisitKind[]);
/** Whether the visit is planned, took place or was called off. */
export const visitStatusSchema = z.enum([
  'planned',
  'done',
  'cancelled',
] as const satisfies readonly VisitStatus[]);

/** A member of the delegation and their role in it («руководитель делегации», «солистка»). */
export const visitMemberSchema = z.object({
  personId: recordIdSchema,
  role: optionalTextSchema.default(null),
});
export type VisitMember = z.infer<typeof visitMemberSchema>;

const members = z
  .array(visitMemberSchema)
  .max(500)
  .refine((list) => new Set(list.map((member) => member.personId)).size === list.length, {
    message: 'A person is listed twice in the delegation.',
  });

const visitFields = z.object({
  fromCityId: recordIdSchema,
  toCityId: recordIdSchema,
  startDate: isoDateSchema,
  endDate: isoDateSchema,
  /** When the delegation arrives and leaves, on the host city's clock, if known. */
  startTime: clockTimeSchema.nullable(),
  endTime: clockTimeSchema.nullable(),
  kind: visitKindSchema.nullable(),
  status: visitStatusSchema,
  headPersonId: recordIdSchema.nullable(),
  headPosition: optionalTextSchema,
  purpose: optionalTextSchema,
  outcomes: optionalTextSchema,
});

/** On a single day the end time is not before the start time (the database checks it too). */
export function timesInOrder(item: {
  startDate?: string | null;
  endDate?: string | null;
  startTime?: string | null;
  endTime?: string | null;
}): boolean {
  const sameDay = !item.endDate || item.endDate === item.startDate;
  return !sameDay || !item.startTime || !item.endTime || item.endTime >= item.startTime;
}

/** A new visit: a delegation from one city to another between two dates, with its members. */
export const visitCreateSchema = visitFields
  .partial()
  .required({ fromCityId: true, toCityId: true, startDate: true, endDate: true })
  .extend({ members: members.default([]) })
  .refine((visit) => visit.endDate >= visit.startDate, {
    message: 'A visit cannot end before it starts.',
    path: ['endDate'],
  })
  .refine(timesInOrder, { message: 'A one-day visit cannot end before it starts.', path: ['endTime'] })
  .refine((visit) => visit.fromCityId !== visit.toCityId, {
    message: 'A visit goes to another city.',
    path: ['toCityId'],
  });
export type VisitCreate = z.infer<typeof visitCreateSchema>;

/** A change to a visit; `members`, when given, replaces the delegation. */
export const visitUpdateSchema = visitFields
  .partial()
  .extend({ members: members.optional(), version: versionSchema });
export type VisitUpdate = z.infer<typeof visitUpdateSchema>;

/** A visit with its delegation. */
export const visitSchema = visitFields.extend(storedFields).extend({ members: z.array(visitMemberSchema) });
export type Visit = z.infer<typeof visitSchema>;

/** The fields a visit list can be sorted by (`sort=`). */
export const VISIT_SORTS = ['startDate', 'endDate', 'purpose', 'status', 'createdAt', 'updatedAt'] as const;

/** A city's visits: outgoing (its delegations), incoming (its guests) or both, by year and status. */
export const visitListQuerySchema = pageQuerySchema.extend({
  sort: sortSchema(VISIT_SORTS),
  cityId: queryIdSchema.optional(),
  direction: z.enum(['outgoing', 'incoming', 'both']).default('both'),
  year: z.coerce.number().int().min(1900).max(2100).optional(),
  status: visitStatusSchema.optional(),
  personId: queryIdSchema.optional(),
});
export type VisitListQuery = z.infer<typeof visitListQuerySchema>;
