import { z } from 'zod';
import type { EventKind } from '../../db/database.ts';
import { pageQuerySchema, sortSchema } from '../audit/cursor-page.ts';
import { timesInOrder } from '../visits/visit.schema.ts';
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

/** What kind of event: city day, anniversary, festival, forum, concert… */
export const eventKindSchema = z.enum([
  'city_day',
  'anniversary',
  'festival',
  'forum',
  'concert',
  'exhibition',
  'competition',
  'conference',
  'other',
] as const satisfies readonly EventKind[]);

const participantFields = z.object({
  cityId: recordIdSchema.nullable().default(null),
  organizationId: recordIdSchema.nullable().default(null),
  personId: recordIdSchema.nullable().default(null),
  role: optionalTextSchema.default(null),
});

/** Who took part: a city (its delegation), an organization or a person, with their role. */
export const participantSchema = participantFields.refine(
  (participant) =>
    [participant.cityId, participant.organizationId, participant.personId].filter((id) => id !== null)
      .length === 1,
  { message: 'A participant is one city, one organization or one person.' },
);
export type Participant = z.infer<typeof participantSchema>;

const eventFields = z.object({
  name: textSchema,
  kind: eventKindSchema,
  cityId: recordIdSchema,
  startDate: isoDateSchema.nullable(),
  endDate: isoDateSchema.nullable(),
  /** When it begins and ends, on the city's clock, if known. */
  startTime: clockTimeSchema.nullable(),
  endTime: clockTimeSchema.nullable(),
  visitId: recordIdSchema.nullable(),
  description: optionalTextSchema,
});

const dateOrder = (event: { startDate?: string | null; endDate?: string | null }) =>
  !event.endDate || (!!event.startDate && event.endDate >= event.startDate);
const dateOrderProblem = { message: 'An event ends on or after the day it starts.', path: ['endDate'] };
const timeOrderProblem = { message: 'A one-day event cannot end before it starts.', path: ['endTime'] };

/** A new event in a city, with who took part. */
export const eventCreateSchema = eventFields
  .partial()
  .required({ name: true, cityId: true })
  .extend({ participants: z.array(participantSchema).max(500).default([]) })
  .refine(dateOrder, dateOrderProblem)
  .refine(timesInOrder, timeOrderProblem);
export type EventCreate = z.infer<typeof eventCreateSchema>;

/** A change to an event; `participants`, when given, replaces the list. */
export const eventUpdateSchema = eventFields
  .partial()
  .extend({ participants: z.array(participantSchema).max(500).optional(), version: versionSchema })
  .refine(dateOrder, dateOrderProblem)
  .refine(timesInOrder, timeOrderProblem);
export type EventUpdate = z.infer<typeof eventUpdateSchema>;

/** An event with its participants. */
export const eventSchema = eventFields
  .extend(storedFields)
  .extend({ participants: z.array(participantFields.extend({ id: recordIdSchema })) });
export type Event = z.infer<typeof eventSchema>;

/** The fields an event list can be sorted by (`sort=`). */
export const EVENT_SORTS = ['startDate', 'endDate', 'name', 'kind', 'createdAt', 'updatedAt'] as const;

/** Events of a city, by year or date range and kind, or those of a visit; earliest first. */
export const eventListQuerySchema = pageQuerySchema.extend({
  sort: sortSchema(EVENT_SORTS),
  cityId: queryIdSchema.optional(),
  kind: eventKindSchema.optional(),
  year: z.coerce.number().int().min(1900).max(2100).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  visitId: queryIdSchema.optional(),
});
export type EventListQuery = z.infer<typeof eventListQuerySchema>;
