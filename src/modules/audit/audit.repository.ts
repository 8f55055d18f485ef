import { sql, type Kysely, type Selectable } from 'kysely';
import type { AuditEntryTable, Database } from '../../db/database.ts';
import type { Actor, AuditedRecordType, AuditEntry, AuditListQuery } from './audit.schema.ts';
import type { AUDIT_SORTS } from './audit.schema.ts';
import { idKey, selectPage, timestampKey, type ListSorts, type Page } from './cursor-page.ts';

type AuditEntryRow = Selectable<AuditEntryTable>;

/** What one audited change records; `before` is absent for a create, `after` for a delete. */
export interface AuditChange {
  actor: Actor;
  action: AuditEntry['action'];
  recordType: AuditedRecordType;
  recordId: number;
  before?: unknown;
  after?: unknown;
}

/** Appends one entry to the audit trail; call it inside the transaction that makes the change. */
export async function insertAuditEntry(db: Kysely<Database>, change: AuditChange): Promise<void> {
  await insertAuditEntries(db, [change]);
}

/** Many changes in as few statements as the parameter limit allows (a batch of records written at once). */
export async function insertAuditEntries(db: Kysely<Database>, changes: AuditChange[]): Promise<void> {
  for (let start = 0; start < changes.length; start += 1000) {
    await db
      .insertInto('audit_entry')
      .values(
        changes.slice(start, start + 1000).map((change) => ({
          user_id: change.actor.userId,
          action: change.action,
          record_type: change.recordType,
          record_id: change.recordId,
          before: change.before === undefined ? null : JSON.stringify(change.before),
          after: change.after === undefined ? null : JSON.stringify(change.after),
        })),
      )
      .execute();
  }
}

/** The history of one record, oldest first; it outlives the record itself. */
export async function listAuditEntriesOfRecord(
  db: Kysely<Database>,
  recordType: AuditedRecordType,
  recordId: number,
): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_entry')
    .selectAll()
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .orderBy('id')
    .execute();
  return rows.map(toAuditEntry);
}

/** How the audit trail is sorted: newest first unless asked otherwise; entry ids are bigint. */
const AUDIT_SORTING: ListSorts<(typeof AUDIT_SORTS)[number]> = {
  fields: {
    at: { key: timestampKey(sql.ref('at')), direction: 'desc' },
  },
  default: 'at',
  tieBreaker: idKey(sql.ref('id'), 'bigint'),
};

/** A page of the audit trail matching the filter, newest first. */
export async function selectAuditPage(
  db: Kysely<Database>,
  query: AuditListQuery,
): Promise<Page<AuditEntry>> {
  let select = db.selectFrom('audit_entry').selectAll();
  if (query.recordType !== undefined) select = select.where('record_type', '=', query.recordType);
  if (query.recordId !== undefined) select = select.where('record_id', '=', query.recordId);
  if (query.userId !== undefined) select = select.where('user_id', '=', query.userId);
  if (query.action !== undefined) select = select.where('action', '=', query.action);
  if (query.from !== undefined) select = select.where(sql<Date>`at`, '>=', new Date(query.from));
  if (query.to !== undefined) select = select.where(sql<Date>`at`, '<', new Date(query.to));
  return selectPage(select, AUDIT_SORTING, query, (rows) => rows.map(toAuditEntry));
}

/** Maps a stored audit row to its domain shape. */
export function toAuditEntry(row: AuditEntryRow): AuditEntry {
  return {
    id: Number(row.id),
    at: isoTimestamp(row.at),
    userId: row.user_id,
    action: row.action,
    recordType: row.record_type,
    recordId: row.record_id,
    before: row.before,
    after: row.after,
  };
}

/**
 * A timestamptz column as an ISO string. database.ts declares them `Generated<Timestamp>`, which
 * nests one ColumnType in another, so Selectable leaves the wrapper type: the value is a Date.
 */
export function isoTimestamp(value: unknown): string {
  return new Date(value as Date | string).toISOString();
}
