import { sql, type Kysely } from 'kysely';
import type { Database, FileRecordType } from '../../db/database.ts';
import { isoTimestamp } from '../audit/audit.repository.ts';
import type { AttachedFile } from './file.schema.ts';

type Db = Kysely<Database>;

/** What a new file row holds. */
export interface NewAttachedFile {
  recordType: FileRecordType;
  recordId: number;
  slot: 'signed_scan' | null;
  name: string;
  mediaType: string;
  sha256: string;
  content: Uint8Array;
  text: string | null;
  uploadedBy: number | null;
  createdAt?: string;
}

function fileQuery(db: Db) {
  return db
    .selectFrom('attached_file as f')
    .leftJoin('app_user as u', 'u.id', 'f.uploaded_by')
    .select([
      'f.id',
      'f.record_type',
      'f.record_id',
      'f.slot',
      'f.name',
      'f.media_type',
      'f.size',
      'f.sha256',
      'f.created_at',
      'f.uploaded_by',
      'u.display_name',
      sql<boolean>`f.text IS NOT NULL`.as('searchable'),
    ]);
}

type FileRow = Awaited<ReturnType<ReturnType<typeof fileQuery>['executeTakeFirstOrThrow']>>;

function toAttachedFile(row: FileRow): AttachedFile {
  return {
    id: row.id,
    recordType: row.record_type,
    recordId: row.record_id,
    slot: row.slot,
    name: row.name,
    mediaType: row.media_type,
    size: row.size,
    sha256: row.sha256,
    searchable: row.searchable,
    uploadedBy:
      row.uploaded_by === null
        ? null
        : { id: row.uploaded_by, name: row.display_name ?? String(row.uploaded_by) },
    createdAt: isoTimestamp(row.created_at),
  };
}

/** A record's files, the slot's first, then newest first. */
export async function listFiles(
  db: Db,
  recordType: FileRecordType,
  recordId: number,
): Promise<AttachedFile[]> {
  const rows = await fileQuery(db)
    .where('f.record_type', '=', recordType)
    .where('f.record_id', '=', recordId)
    .orderBy(sql`f.slot IS NULL`)
    .orderBy('f.created_at', 'desc')
    .orderBy('f.id', 'desc')
    .execute();
  return rows.map(toAttachedFile);
}

/** One file of a record, without its bytes. */
export async function findFile(
  db: Db,
  recordType: FileRecordType,
  recordId: number,
  id: number,
): Promise<AttachedFile | undefined> {
  const row = await fileQuery(db)
    .where('f.id', '=', id)
    .where('f.record_type', '=', recordType)
    .where('f.record_id', '=', recordId)
    .executeTakeFirst();
  return row && toAttachedFile(row);
}

/** A file's bytes. */
export async function readFileContent(db: Db, id: number): Promise<Buffer | undefined> {
  const row = await db.selectFrom('attached_file').select('content').where('id', '=', id).executeTakeFirst();
  return row?.content;
}

/** Stores a file; the caller has checked it and holds the installation's upload lock. */
export async function insertFile(db: Db, file: NewAttachedFile): Promise<number> {
  const row = await db
    .insertInto('attached_file')
    .values({
      record_type: file.recordType,
      record_id: file.recordId,
      slot: file.slot,
      name: file.name,
      media_type: file.mediaType,
      size: file.content.length,
      sha256: file.sha256,
      content: Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength),
      text: file.text,
      uploaded_by: file.uploadedBy,
      ...(file.createdAt && { created_at: file.createdAt }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Deletes a file; whether there was one. */
export async function deleteFile(db: Db, id: number): Promise<boolean> {
  const result = await db.deleteFrom('attached_file').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Deletes a record's file in a slot (the signed scan a new one replaces). */
export async function deleteSlot(
  db: Db,
  recordType: FileRecordType,
  recordId: number,
  slot: string,
): Promise<void> {
  await db
    .deleteFrom('attached_file')
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .where('slot', '=', slot as 'signed_scan')
    .execute();
}

/** How many files the installation holds and their bytes together. */
export async function fileUsage(db: Db): Promise<{ usedBytes: number; fileCount: number }> {
  const row = await db
    .selectFrom('attached_file')
    .select([sql<string>`coalesce(sum(size), 0)::text`.as('used'), sql<number>`count(*)::int`.as('count')])
    .executeTakeFirstOrThrow();
  return { usedBytes: Number(row.used), fileCount: row.count };
}

/**
 * Holds, until the transaction ends, the lock every upload takes before it counts the bytes stored:
 * two uploads at once cannot both fit in the room left for one.
 */
export async function lockUploads(db: Db): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(1633907019)`.execute(db);
}
