import { eventForPublic } from '../visits/visit-details.service.ts';
import type { RecordRoutesDefinition } from '../audit/record-definition.ts';
import { resolveScope, type ScopeIds } from '../auth/record-scope.ts';
import { findEventById } from './event.repository.ts';
import {
  eventCreateSchema,
  eventListQuerySchema,
  eventSchema,
  eventUpdateSchema,
  type Event,
  type Participant,
} from './event.schema.ts';
import { createEvent, deleteEvent, listEvents, updateEvent } from './event.service.ts';

type Participants = Array<Partial<Participant>>;

/** An event belongs to its host city and to the cities and organizations that took part. */
function eventScopeIds(cityId: number | undefined, participants: Participants): ScopeIds {
  return {
    cityIds: [cityId, ...participants.map((participant) => participant.cityId)],
    organizationIds: participants.map((participant) => participant.organizationId),
  };
}

/** /api/events. */
export const eventRecord: RecordRoutesDefinition<Event> = {
  path: 'events',
  what: 'Event',
  recordType: 'event',
  schemas: {
    record: eventSchema,
    create: eventCreateSchema,
    update: eventUpdateSchema,
    list: eventListQuerySchema,
  },
  find: findEventById,
  list: listEvents,
  create: createEvent,
  update: updateEvent,
  remove: deleteEvent,
  forPublic: eventForPublic,
  scopeOf: (db, event) =>
    resolveScope(db, eventScopeIds(event.cityId, event.participants), {
      publishable: true,
      partnerKept: true,
    }),
  scopeOfInput: (db, input, stored) =>
    resolveScope(
      db,
      eventScopeIds(
        (input.cityId as number | undefined) ?? stored?.cityId,
        (input.participants as Participants | undefined) ?? stored?.participants ?? [],
      ),
      { partnerKept: true },
    ),
};
