import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { validationFailed, type FieldProblem } from '../../errors.ts';
import { isoTimestamp } from '../audit/audit.repository.ts';
import { fileRecordTypeSchema, fileSlotSchema } from './file.schema.ts';

type Db = Kysely<Database>;

/**
 * A file in the JSON export: its row, its bytes in base64 and their SHA-256, which a restore checks
 * before it writes anything, so a file damaged in the export is refused rather than restored wrong.
 */
export const exportedFileSchema = z.object({
  id: z.number().int().positive(),
  recordType: fileRecordTypeSchema,
  recordId: z.number().int().positive(),
  slot: fileSlotSchema.nullable(),
  name: z.string().min(1).max(255),
  mediaType: z.string().min(1),
  size: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The text the search reads, as extracted on upload. */
  text: z.string().nullable(),
  /** The account that attached it (its id in the export's `users`). */
  uploadedBy: z.number().int().nullable(),
  createdAt: z.iso.datetime(),
  contentBase64: z.string(),
});
export type ExportedFile = z.infer<typeof exportedFileSchema>;

/** Every attached file, with its bytes, in the order of its id. */
export async function exportFiles(db: Db): Promise<ExportedFile[]> {
  const rows = await db.selectFrom('attached_file').selectAll().orderBy('id').execute();
  return rows.map((row) => ({
    id: row.id,
    recordType: row.record_type,
    recordId: row.record_id,
    slot: row.slot,
    name: row.name,
    mediaType: row.media_type,
    size: row.size,
    sha256: row.sha256,
    text: row.text,
    uploadedBy: row.uploaded_by,
    createdAt: isoTimestamp(row.created_at),
    contentBase64: Buffer.from(row.content).toString('base64'),
  }));
}

/** The collection in the export that holds each kind of record a file is attached to. */
const COLLECTIONS = {
  organization: 'organizations',
  person: 'persons',
  visit: 'visits',
  agreement: 'agreements',
  project: 'projects',
  event: 'events',
} as const;

type Records = Record<(typeof COLLECTIONS)[keyof typeof COLLECTIONS], Array<{ id: number }>>;

/**
 * Checks the export's files before a restore writes anything: each one's bytes are its size and
 * its SHA-256, and it is attached to a record the export holds. Every problem is named by its path.
 */
export function checkExportedFiles(files: ExportedFile[], records: Records): void {
  const problems: FieldProblem[] = [];
  const ids = Object.fromEntries(
    Object.entries(COLLECTIONS).map(([type, collection]) => [
      type,
      new Set(records[collection].map((r) => r.id)),
    ]),
  );
  files.forEach((file, index) => {
    const bytes = Buffer.from(file.contentBase64, 'base64');
    if (bytes.length !== file.size) {
      problems.push({
        path: `files.${index}.contentBase64`,
        message: `holds ${bytes.length} bytes, not ${file.size}`,
      });
    } else if (createHash('sha256').update(bytes).digest('hex') !== file.sha256) {
      problems.push({ path: `files.${index}.contentBase64`, message: 'does not match its sha256' });
    }
    if (!ids[file.recordType]!.has(file.recordId)) {
      problems.push({
        path: `files.${index}.recordId`,
        message: `names ${file.recordType} ${file.recordId}, which the export does not hold`,
      });
    }
  });
  if (problems.length > 0) {
    const summary = problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ');
    throw validationFailed(`The export's files do not hold together: ${summary}`, problems);
  }
}

/**
 * Writes the export's files with their ids, after the records and the accounts: the account that
 * attached a file is found by its e-mail (an account kept here may have another id than in the export).
 */
export async function writeFiles(db: Db, files: ExportedFile[], users: Array<{ id: number; email: string }>) {
  const emails = new Map(users.map((user) => [user.id, user.email.toLowerCase()]));
  for (const file of files) {
    const email = file.uploadedBy === null ? undefined : emails.get(file.uploadedBy);
    const uploader = email
      ? await db
          .selectFrom('app_user')
          .select('id')
          .where(sql<string>`lower(email)`, '=', email)
          .executeTakeFirst()
      : undefined;
    await db
      .insertInto('attached_file')
      .values({
        id: file.id,
        record_type: file.recordType,
        record_id: file.recordId,
        slot: file.slot,
        name: file.name,
        media_type: file.mediaType,
        size: file.size,
        sha256: file.sha256,
        content: Buffer.from(file.contentBase64, 'base64'),
        text: file.text,
        uploaded_by: uploader?.id ?? null,
        created_at: file.createdAt,
      })
      .execute();
  }
}
