import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { insertAuditEntry } from '../audit/audit.repository.ts';
import type { Actor } from '../audit/audit.schema.ts';
import { assertVersion, inTransaction, parseInput, updateVersioned } from '../audit/audited-write.ts';
import type { Page } from '../audit/cursor-page.ts';
import {
  deleteEventRow,
  findEventById,
  findEventByIdOrThrow,
  insertEvent,
  selectEventPage,
  updateEventRow,
} from './event.repository.ts';
import { replaceParticipants } from './event-participant.repository.ts';
import { eventCreateSchema, eventListQuerySchema, eventUpdateSchema, type Event } from './event.schema.ts';

/** Records an event with its participants in one transaction, audited. */
export async function createEvent(db: Kysely<Database>, actor: Actor, input: unknown): Promise<Event> {
  const values = parseInput(eventCreateSchema, input);
  return inTransaction(db, async (trx) => {
    const id = await insertEvent(trx, values);
    await replaceParticipants(trx, id, values.participants);
    const created = await findEventByIdOrThrow(trx, id);
    await insertAuditEntry(trx, {
      actor,
      action: 'create',
      recordType: 'event',
      recordId: id,
      after: created,
    });
    return created;
  });
}

/** Changes an event (and its participants when given) if the editor saw the current version. */
export async function updateEvent(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  input: unknown,
): Promise<Event> {
  const change = parseInput(eventUpdateSchema, input);
  return inTransaction(db, async (trx) => {
    const { before, after } = await updateVersioned({
      what: 'Event',
      id,
      expectedVersion: change.version,
      load: () => findEventById(trx, id),
      update: async () => {
        if (!(await updateEventRow(trx, id, change))) return false;
        if (change.participants) await replaceParticipants(trx, id, change.participants);
        return true;
      },
    });
    await insertAuditEntry(trx, {
      actor,
      action: 'update',
      recordType: 'event',
      recordId: id,
      before,
      after,
    });
    return after;
  });
}

/** Deletes an event with its participants, audited. */
export async function deleteEvent(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  version: number,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const before = await findEventById(trx, id);
    assertVersion('Event', id, before, version);
    await deleteEventRow(trx, id);
    await insertAuditEntry(trx, { actor, action: 'delete', recordType: 'event', recordId: id, before });
  });
}

/** Lists events of a city by year, dates and kind, earliest first, a page at a time. */
export async function listEvents(db: Kysely<Database>, query: unknown): Promise<Page<Event>> {
  return selectEventPage(db, parseInput(eventListQuerySchema, query));
}
