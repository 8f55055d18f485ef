import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database, VisitRow } from '../../db/database.ts';
import { isoTimestamp } from '../audit/audit.repository.ts';
import { clockTime } from '../audit/fields.schema.ts';
import { deleteRowIfVersion, updateRowIfVersion } from '../audit/versioned-row.ts';
import { findOrThrow, withChildren } from '../audit/record-readers.ts';
import {
  dateKey,
  enumKey,
  selectPage,
  textKey,
  TIMESTAMP_SORTS,
  type ListSorts,
  type Page,
} from '../audit/cursor-page.ts';
import type {
  Visit,
  VisitCreate,
  VisitListQuery,
  VisitMember,
  VisitUpdate,
  VISIT_SORTS,
} from './visit.schema.ts';
import { selectMembers } from './visit-member.repository.ts';

/** Maps a stored visit row and its members to the domain shape. */
export function toVisit(row: VisitRow, members: VisitMember[]): Visit {
  return {
    id: row.id,
    fromCityId: row.from_city_id,
    toCityId: row.to_city_id,
    startDate: row.start_date,
    endDate: row.end_date,
    startTime: clockTime(row.start_time),
    endTime: clockTime(row.end_time),
    kind: row.kind,
    status: row.status,
    headPersonId: row.head_person_id,
    headPosition: row.head_position,
    purpose: row.purpose,
    outcomes: row.outcomes,
    version: row.version,
    updatedAt: isoTimestamp(row.updated_at),
    members,
  };
}

async function withMembers(db: Kysely<Database>, rows: VisitRow[]): Promise<Visit[]> {
  return withChildren(rows, (ids) => selectMembers(db, ids), toVisit);
}

/** The visit with this id and its delegation, if any. */
export async function findVisitById(db: Kysely<Database>, id: number): Promise<Visit | undefined> {
  const row = await db.selectFrom('visit').selectAll().where('id', '=', id).executeTakeFirst();
  return row && (await withMembers(db, [row]))[0];
}

/** The visit with this id; absence is an error. */
export const findVisitByIdOrThrow = findOrThrow(findVisitById, 'Visit');

/** The visit from one city to another starting on a date: how an import recognizes a known visit. */
export async function findVisitByRoute(
  db: Kysely<Database>,
  route: { fromCityId: number; toCityId: number; startDate: string },
): Promise<Visit | undefined> {
  const row = await db
    .selectFrom('visit')
    .selectAll()
    .where('from_city_id', '=', route.fromCityId)
    .where('to_city_id', '=', route.toCityId)
    .where('start_date', '=', route.startDate)
    .orderBy('id')
    .executeTakeFirst();
  return row && (await withMembers(db, [row]))[0];
}

/** Stores a new visit (without members) and returns its id. */
export async function insertVisit(db: Kysely<Database>, input: VisitCreate): Promise<number> {
  const row = await db
    .insertInto('visit')
    .values({
      from_city_id: input.fromCityId,
      to_city_id: input.toCityId,
      start_date: input.startDate,
      end_date: input.endDate,
      start_time: input.startTime ?? null,
      end_time: input.endTime ?? null,
      kind: input.kind ?? null,
      status: input.status,
      head_person_id: input.headPersonId ?? null,
      head_position: input.headPosition ?? null,
      purpose: input.purpose ?? null,
      outcomes: input.outcomes ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Applies a change to the visit's own fields when the stored version is still the one given. */
export async function updateVisitRow(
  db: Kysely<Database>,
  id: number,
  change: VisitUpdate,
): Promise<boolean> {
  return updateRowIfVersion(db, 'visit', id, change.version, {
    from_city_id: change.fromCityId,
    to_city_id: change.toCityId,
    start_date: change.startDate,
    end_date: change.endDate,
    start_time: change.startTime,
    end_time: change.endTime,
    kind: change.kind,
    status: change.status,
    head_person_id: change.headPersonId,
    head_position: change.headPosition,
    purpose: change.purpose,
    outcomes: change.outcomes,
  });
}

/** Removes a visit and its delegation, when its stored version is still the one given. */
export async function deleteVisitRow(db: Kysely<Database>, id: number, version: number): Promise<boolean> {
  return deleteRowIfVersion(db, 'visit', id, version);
}

/** How visits can be sorted; latest first unless asked otherwise. */
const VISIT_SORTING: ListSorts<(typeof VISIT_SORTS)[number]> = {
  fields: {
    startDate: { key: dateKey(sql.ref('start_date')), direction: 'desc' },
    endDate: { key: dateKey(sql.ref('end_date')), direction: 'desc' },
    // Visits without a stated purpose come first from А to Я.
    purpose: { key: textKey(sql`lower(coalesce(purpose, ''))`), direction: 'asc' },
    status: { key: enumKey('status', ['planned', 'done', 'cancelled']), direction: 'asc' },
    ...TIMESTAMP_SORTS,
  },
  default: 'startDate',
};

/** A page of visits matching the filter, in the asked sort; `restrict` keeps the rows the asker may read. */
export async function selectVisitPage(
  db: Kysely<Database>,
  query: VisitListQuery,
  restrict?: Expression<SqlBool>,
): Promise<Page<Visit>> {
  let select = db.selectFrom('visit').selectAll();
  const { cityId, personId, year } = query;
  if (cityId !== undefined) {
    if (query.direction === 'outgoing') select = select.where('from_city_id', '=', cityId);
    else if (query.direction === 'incoming') select = select.where('to_city_id', '=', cityId);
    else
      select = select.where((eb) => eb.or([eb('from_city_id', '=', cityId), eb('to_city_id', '=', cityId)]));
  }
  // A visit belongs to every year it overlaps, so one spanning New Year shows under both. Asked as an
  // overlap of date ranges, which visit_from_days_idx and visit_to_days_idx (migration 0012) find exactly.
  if (year !== undefined) {
    select = select.where(
      sql<SqlBool>`daterange(start_date, end_date, '[]') && daterange(${`${year}-01-01`}::date, ${`${year}-12-31`}::date, '[]')`,
    );
  }
  if (query.status !== undefined) select = select.where('status', '=', query.status);
  if (personId !== undefined) {
    select = select.where((eb) =>
      eb.or([
        eb('head_person_id', '=', personId),
        eb.exists(
          eb
            .selectFrom('visit_member')
            .select('visit_member.person_id')
            .whereRef('visit_member.visit_id', '=', 'visit.id')
            .where('visit_member.person_id', '=', personId),
        ),
      ]),
    );
  }
  return selectPage(select, VISIT_SORTING, query, (rows) => withMembers(db, rows), restrict);
}
