import { sql, type Expression, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { Database, VisitProgramItemTable } from '../../db/database.ts';
import { isoTimestamp } from '../audit/audit.repository.ts';
import { clockTime } from '../audit/fields.schema.ts';
import {
  dateKey,
  idKey,
  selectPage,
  textKey,
  TIMESTAMP_SORTS,
  type ListSorts,
  type Page,
} from '../audit/cursor-page.ts';
import { deleteRowIfVersion, updateRowIfVersion } from '../audit/versioned-row.ts';
import type {
  ProgramItem,
  ProgramItemCreate,
  ProgramItemListQuery,
  ProgramItemUpdate,
} from './program-item.schema.ts';
import type { PROGRAM_ITEM_SORTS } from './program-item.schema.ts';

/** Maps a stored row to the domain shape. */
export function toProgramItem(row: Selectable<VisitProgramItemTable>): ProgramItem {
  return {
    id: row.id,
    visitId: row.visit_id,
    kind: row.kind,
    title: row.title,
    day: row.day,
    startTime: clockTime(row.start_time),
    endTime: clockTime(row.end_time),
    organizationId: row.organization_id,
    eventId: row.event_id,
    agreementId: row.agreement_id,
    notes: row.notes,
    position: row.position,
    version: row.version,
    updatedAt: isoTimestamp(row.updated_at),
  };
}

/** The program item with this id, if any. */
export async function findProgramItemById(
  db: Kysely<Database>,
  id: number,
): Promise<ProgramItem | undefined> {
  const row = await db.selectFrom('visit_program_item').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toProgramItem(row);
}

/** Stores a new program item and returns its id. */
export async function insertProgramItem(db: Kysely<Database>, input: ProgramItemCreate): Promise<number> {
  const row = await db
    .insertInto('visit_program_item')
    .values({
      visit_id: input.visitId,
      kind: input.kind,
      title: input.title,
      day: input.day ?? null,
      start_time: input.startTime ?? null,
      end_time: input.endTime ?? null,
      organization_id: input.organizationId ?? null,
      event_id: input.eventId ?? null,
      agreement_id: input.agreementId ?? null,
      notes: input.notes ?? null,
      position: input.position ?? 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Writes the given fields if the row is still at the version the editor saw; false when it was not. */
export async function updateProgramItemRow(
  db: Kysely<Database>,
  id: number,
  change: ProgramItemUpdate,
): Promise<boolean> {
  return updateRowIfVersion(db, 'visit_program_item', id, change.version, {
    ...(change.kind !== undefined && { kind: change.kind }),
    ...(change.title !== undefined && { title: change.title }),
    ...(change.day !== undefined && { day: change.day }),
    ...(change.startTime !== undefined && { start_time: change.startTime }),
    ...(change.endTime !== undefined && { end_time: change.endTime }),
    ...(change.organizationId !== undefined && { organization_id: change.organizationId }),
    ...(change.eventId !== undefined && { event_id: change.eventId }),
    ...(change.agreementId !== undefined && { agreement_id: change.agreementId }),
    ...(change.notes !== undefined && { notes: change.notes }),
    ...(change.position !== undefined && { position: change.position }),
  });
}

/** A visit's program items in their order, as a query: to read, or to lock with `forUpdate()`. */
export function programOfVisitQuery(db: Kysely<Database>, visitId: number) {
  return db
    .selectFrom('visit_program_item')
    .selectAll()
    .where('visit_id', '=', visitId)
    .orderBy('position')
    .orderBy('id');
}

/**
 * The program of a visit in its order, its rows and the visit's locked until the transaction ends
 * (the visit's lock holds off items added meanwhile); `undefined` when there is no such visit.
 */
export async function lockProgramOfVisit(
  db: Kysely<Database>,
  visitId: number,
): Promise<ProgramItem[] | undefined> {
  const visit = await db
    .selectFrom('visit')
    .select('id')
    .where('id', '=', visitId)
    .forUpdate()
    .executeTakeFirst();
  if (!visit) return undefined;
  const rows = await programOfVisitQuery(db, visitId).forUpdate().execute();
  return rows.map(toProgramItem);
}

/** Removes a program item, when its stored version is still the one given. */
export async function deleteProgramItemRow(
  db: Kysely<Database>,
  id: number,
  version: number,
): Promise<boolean> {
  return deleteRowIfVersion(db, 'visit_program_item', id, version);
}

const POSITION_KEY = idKey(sql.ref('position'));

/** How program items can be sorted; in the program's order unless asked otherwise, undated days last. */
const PROGRAM_ITEM_SORTING: ListSorts<(typeof PROGRAM_ITEM_SORTS)[number]> = {
  fields: {
    position: { key: POSITION_KEY, direction: 'asc' },
    day: { key: dateKey(sql`coalesce(day, '9999-12-31'::date)`), direction: 'asc' },
    title: { key: textKey(sql`lower(title)`), direction: 'asc' },
    kind: { key: textKey(sql.ref('kind')), direction: 'asc' },
    ...TIMESTAMP_SORTS,
  },
  default: 'position',
};

/** A page of program items, a visit's in their order. */
export async function selectProgramItemPage(
  db: Kysely<Database>,
  query: ProgramItemListQuery,
  restrict?: Expression<SqlBool>,
): Promise<Page<ProgramItem>> {
  let select = db.selectFrom('visit_program_item').selectAll();
  if (query.visitId) select = select.where('visit_id', '=', query.visitId);
  return selectPage(select, PROGRAM_ITEM_SORTING, query, (rows) => rows.map(toProgramItem), restrict);
}
