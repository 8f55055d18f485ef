import type { Kysely, Selectable } from 'kysely';
import type { Database, RecordSourceTable, RecordType } from '../../db/database.ts';
import type { RecordSource, RecordSourceCreate } from './document.schema.ts';

/** Maps a stored link row to the domain shape. */
export function toRecordSource(row: Selectable<RecordSourceTable>): RecordSource {
  return {
    id: row.id,
    documentId: row.document_id,
    recordType: row.record_type,
    recordId: row.record_id,
    spanStart: row.span_start,
    spanEnd: row.span_end,
    fact: row.fact ?? null,
  };
}

/**
 * Many links in as few statements as the parameter limit allows: the document-scope trigger runs
 * once per statement (migration 0014), so links inserted one by one rewrote the document row once
 * per record an acceptance created.
 */
export async function insertRecordSources(
  db: Kysely<Database>,
  links: RecordSourceCreate[],
): Promise<RecordSource[]> {
  const created: RecordSource[] = [];
  for (let start = 0; start < links.length; start += 1000) {
    const rows = await db
      .insertInto('record_source')
      .values(
        links.slice(start, start + 1000).map((link) => ({
          document_id: link.documentId,
          record_type: link.recordType,
          record_id: link.recordId,
          span_start: link.spanStart,
          span_end: link.spanEnd,
          fact: link.fact === undefined ? null : JSON.stringify(link.fact),
        })),
      )
      .returningAll()
      .execute();
    created.push(...rows.map(toRecordSource));
  }
  return created;
}

/** The link between this record and this document, if there is one. */
export async function findRecordSource(
  db: Kysely<Database>,
  documentId: number,
  recordType: RecordType,
  recordId: number,
): Promise<RecordSource | undefined> {
  const row = await db
    .selectFrom('record_source')
    .selectAll()
    .where('document_id', '=', documentId)
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .orderBy('id')
    .executeTakeFirst();
  return row && toRecordSource(row);
}

/** Where a record came from: its links to documents, oldest first. */
export async function listSourcesOfRecord(
  db: Kysely<Database>,
  recordType: RecordType,
  recordId: number,
): Promise<RecordSource[]> {
  const rows = await db
    .selectFrom('record_source')
    .selectAll()
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .orderBy('id')
    .execute();
  return rows.map(toRecordSource);
}

/** What a document is the source of, in the order of its evidence in the text. */
export async function listRecordsOfDocument(
  db: Kysely<Database>,
  documentId: number,
): Promise<RecordSource[]> {
  const rows = await db
    .selectFrom('record_source')
    .selectAll()
    .where('document_id', '=', documentId)
    .orderBy('span_start')
    .orderBy('id')
    .execute();
  return rows.map(toRecordSource);
}
