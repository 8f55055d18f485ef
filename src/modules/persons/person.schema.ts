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
import { contactFields } from './contact.schema.ts';

const positionFields = z.object({
  title: textSchema,
  organizationId: recordIdSchema.nullable().default(null),
  cityId: recordIdSchema.nullable().default(null),
  startedOn: isoDateSchema.nullable().default(null),
  endedOn: isoDateSchema.nullable().default(null),
  headsCity: z
    .boolean()
    .default(false)
    .describe(
      'the position makes its holder the head of its city (a mayor, the chairman of the executive committee)',
    ),
});

/** A position a person holds or held: title, where, and from when to when (open ends allowed). */
export const positionInputSchema = positionFields
  .refine((position) => !position.startedOn || !position.endedOn || position.endedOn >= position.startedOn, {
    message: 'A position cannot end before it starts.',
    path: ['endedOn'],
  })
  .refine((position) => !position.headsCity || position.cityId !== null || position.organizationId !== null, {
    message: 'The head of a city needs the city, or the organization (its administration), of the position.',
    path: ['headsCity'],
  });
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
  ...contactFields,
  address: optionalTextSchema,
  salutation: z
    .string()
    .trim()
    .max(200)
    .nullable()
    .describe('how a letter addresses them: «Уважаемый Андрей Петрович!»'),
  birthday: isoDateSchema
    .refine((date) => date >= '1900-01-01', { message: 'must be after 1900' })
    .nullable(),
  languages: z
    .array(z.string().trim().min(2).max(40))
    .max(20)
    .describe('the languages they speak, as the office writes them: «русский», «немецкий»'),
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
