import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database, EventRow } from '../../db/database.ts';
import { isoTimestamp } from '../audit/audit.repository.ts';
import { clockTime } from '../audit/fields.schema.ts';
import { deleteRowIfVersion, updateRowIfVersion } from '../audit/versioned-row.ts';
import { findOrThrow, withChildren } from '../audit/record-readers.ts';
import {
  dateKey,
  selectPage,
  textKey,
  TIMESTAMP_SORTS,
  type ListSorts,
  type Page,
} from '../audit/cursor-page.ts';
import type { Event, EventCreate, EventListQuery, EventUpdate } from './event.schema.ts';
import type { EVENT_SORTS } from './event.schema.ts';
import { selectParticipants } from './event-participant.repository.ts';

/** Maps a stored event row and its participants to the domain shape. */
export function toEvent(row: EventRow, participants: Event['participants']): Event {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    cityId: row.city_id,
    startDate: row.start_date,
    endDate: row.end_date,
    startTime: clockTime(row.start_time),
    endTime: clockTime(row.end_time),
    visitId: row.visit_id,
    description: row.description,
    version: row.version,
    updatedAt: isoTimestamp(row.updated_at),
    participants,
  };
}

async function withParticipants(db: Kysely<Database>, rows: EventRow[]): Promise<Event[]> {
  return withChildren(rows, (ids) => selectParticipants(db, ids), toEvent);
}

/** The event with this id and its participants, if any. */
export async function findEventById(db: Kysely<Database>, id: number): Promise<Event | undefined> {
  const row = await db.selectFrom('event').selectAll().where('id', '=', id).executeTakeFirst();
  return row && (await withParticipants(db, [row]))[0];
}

/** The event with this id; absence is an error. */
export const findEventByIdOrThrow = findOrThrow(findEventById, 'Event');

/** The event of a city with this name (compared ignoring case, «ё» and accents), if any. */
export async function findEventByName(
  db: Kysely<Database>,
  cityId: number,
  name: string,
): Promise<Event | undefined> {
  const row = await db
    .selectFrom('event')
    .selectAll()
    .where('city_id', '=', cityId)
    .where(sql<boolean>`name_key(name) = name_key(${name})`)
    .orderBy('id')
    .executeTakeFirst();
  return row && (await withParticipants(db, [row]))[0];
}

/** Stores a new event (without participants) and returns its id. */
export async function insertEvent(db: Kysely<Database>, input: EventCreate): Promise<number> {
  const row = await db
    .insertInto('event')
    .values({
      name: input.name,
      kind: input.kind,
      city_id: input.cityId,
      start_date: input.startDate ?? null,
      end_date: input.endDate ?? null,
      start_time: input.startTime ?? null,
      end_time: input.endTime ?? null,
      visit_id: input.visitId ?? null,
      description: input.description ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Applies a change to the event's own fields when the stored version is still the one given. */
export async function updateEventRow(
  db: Kysely<Database>,
  id: number,
  change: EventUpdate,
): Promise<boolean> {
  return updateRowIfVersion(db, 'event', id, change.version, {
    name: change.name,
    kind: change.kind,
    city_id: change.cityId,
    start_date: change.startDate,
    end_date: change.endDate,
    start_time: change.startTime,
    end_time: change.endTime,
    visit_id: change.visitId,
    description: change.description,
  });
}

/** Removes an event and its participants, when its stored version is still the one given. */
export async function deleteEventRow(db: Kysely<Database>, id: number, version: number): Promise<boolean> {
  return deleteRowIfVersion(db, 'event', id, version);
}

// Undated events (the text said «the city day», not when) come after the dated ones.
const START_KEY = sql<string>`coalesce(start_date, '9999-12-31'::date)`;

/** How events can be sorted; earliest first unless asked otherwise, undated ones last. */
const EVENT_SORTING: ListSorts<(typeof EVENT_SORTS)[number]> = {
  fields: {
    startDate: { key: dateKey(START_KEY), direction: 'asc' },
    endDate: { key: dateKey(sql`coalesce(end_date, start_date, '9999-12-31'::date)`), direction: 'asc' },
    name: { key: textKey(sql`lower(name)`), direction: 'asc' },
    kind: { key: textKey(sql.ref('kind')), direction: 'asc' },
    ...TIMESTAMP_SORTS,
  },
  default: 'startDate',
};

/** A page of events matching the filter, earliest first. */
export async function selectEventPage(
  db: Kysely<Database>,
  query: EventListQuery,
  restrict?: Expression<SqlBool>,
): Promise<Page<Event>> {
  let select = db.selectFrom('event').selectAll();
  if (query.cityId !== undefined) select = select.where('city_id', '=', query.cityId);
  if (query.kind !== undefined) select = select.where('kind', '=', query.kind);
  if (query.visitId !== undefined) select = select.where('visit_id', '=', query.visitId);
  if (query.year !== undefined) {
    select = select
      .where('start_date', '>=', `${query.year}-01-01`)
      .where('start_date', '<=', `${query.year}-12-31`);
  }
  if (query.from !== undefined) select = select.where('start_date', '>=', query.from);
  if (query.to !== undefined) select = select.where('start_date', '<=', query.to);
  return selectPage(select, EVENT_SORTING, query, (rows) => withParticipants(db, rows), restrict);
}
