import type { Expression, Kysely, SqlBool } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Actor } from '../audit/audit.schema.ts';
import { createAudited, deleteAudited, updateAudited, type AuditedRecord } from '../audit/audited-record.ts';
import { parseInput } from '../audit/audited-write.ts';
import type { Page } from '../audit/cursor-page.ts';
import {
  deleteEventRow,
  findEventById,
  insertEvent,
  selectEventPage,
  updateEventRow,
} from './event.repository.ts';
import { replaceParticipants } from './event-participant.repository.ts';
import { eventCreateSchema, eventListQuerySchema, eventUpdateSchema, type Event } from './event.schema.ts';

const EVENT: AuditedRecord<Event> = { what: 'Event', recordType: 'event', findById: findEventById };

/** Records an event with its participants in one transaction, audited. */
export async function createEvent(db: Kysely<Database>, actor: Actor, input: unknown): Promise<Event> {
  const values = parseInput(eventCreateSchema, input);
  return createAudited(db, actor, EVENT, values, async (trx) => {
    const id = await insertEvent(trx, values);
    await replaceParticipants(trx, id, values.participants);
    return id;
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
  return updateAudited(db, actor, EVENT, id, change, async (trx) => {
    if (!(await updateEventRow(trx, id, change))) return false;
    if (change.participants) await replaceParticipants(trx, id, change.participants);
    return true;
  });
}

/** Deletes an event with its participants, audited. */
export async function deleteEvent(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  version: number,
): Promise<void> {
  await deleteAudited(db, actor, EVENT, id, version, deleteEventRow);
}

/**
 * Lists events of a city by year, dates and kind, earliest first, a page at a time; `restrict` keeps the rows
 * the asker may read.
 */
export async function listEvents(
  db: Kysely<Database>,
  query: unknown,
  restrict?: Expression<SqlBool>,
): Promise<Page<Event>> {
  return selectEventPage(db, parseInput(eventListQuerySchema, query), restrict);
}
