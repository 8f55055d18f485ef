import { z } from 'zod';
import { pageQuerySchema, sortSchema } from '../audit/cursor-page.ts';
import {
  isoDateSchema,
  optionalTextSchema,
  queryIdSchema,
  recordIdSchema,
  searchTextSchema,
  storedFields,
  textSchema,
  versionSchema,
} from '../audit/fields.schema.ts';

const positionFields = z.object({
  title: textSchema,
  organizationId: recordIdSchema.nullable().default(null),
  cityId: recordIdSchema.nullable().default(null),
  startedOn: isoDateSchema.nullable().default(null),
  endedOn: isoDateSchema.nullable().default(null),
});

/** A position a person holds or held: title, where, and from when to when (open ends allowed). */
export const positionInputSchema = positionFields.refine(
  (position) => !position.startedOn || !position.endedOn || position.endedOn >= position.startedOn,
  { message: 'A position cannot end before it starts.', path: ['endedOn'] },
);
export type PositionInput = z.infer<typeof positionInputSchema>;

/** A stored position. */
export const positionSchema = positionFields.extend({ id: recordIdSchema });
export type Position = z.infer<typeof positionSchema>;

const personFields = z.object({
  fullName: textSchema,
  firstName: optionalTextSchema,
  patronymic: optionalTextSchema,
  lastName: optionalTextSchema,
  cityId: recordIdSchema.nullable(),
  notes: optionalTextSchema,
});

/** A new person, with the positions known so far. */
export const personCreateSchema = personFields
  .partial()
  .required({ fullName: true })
  .extend({ positions: z.array(positionInputSchema).max(100).default([]) });
export type PersonCreate = z.infer<typeof personCreateSchema>;

/** A change to a person; `positions`, when given, replaces the list. */
export const personUpdateSchema = personFields
  .partial()
  .extend({ positions: z.array(positionInputSchema).max(100).optional(), version: versionSchema });
export type PersonUpdate = z.infer<typeof personUpdateSchema>;

/** A person with their positions over time, latest first. */
export const personSchema = personFields.extend(storedFields).extend({ positions: z.array(positionSchema) });
export type Person = z.infer<typeof personSchema>;

/** The fields a person list can be sorted by (`sort=`). */
export const PERSON_SORTS = ['name', 'createdAt', 'updatedAt'] as const;

/** People of a city, people who worked at an organization, or whose name contains `q`. */
export const personListQuerySchema = pageQuerySchema.extend({
  sort: sortSchema(PERSON_SORTS),
  cityId: queryIdSchema.optional(),
  organizationId: queryIdSchema.optional(),
  q: searchTextSchema.optional(),
});
export type PersonListQuery = z.infer<typeof personListQuerySchema>;
