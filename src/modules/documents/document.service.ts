import { createHash } from 'node:crypto';
import type { Expression, Kysely, SqlBool } from 'kysely';
import type { Database } from '../../db/database.ts';
import { validationFailed } from '../../errors.ts';
import { insertAuditEntries, insertAuditEntry } from '../audit/audit.repository.ts';
import type { Actor } from '../audit/audit.schema.ts';
import { deleteAudited, updateAudited, type AuditedRecord } from '../audit/audited-record.ts';
import { inTransaction, parseInput } from '../audit/audited-write.ts';
import type { Page } from '../audit/cursor-page.ts';
import {
  deleteDocumentRow,
  findDocumentByContentHash,
  findDocumentById,
  findDocumentByIdOrThrow,
  findDocumentTextLength,
  insertDocument,
  selectDocumentPage,
  updateDocumentRow,
} from './document.repository.ts';
import {
  documentCreateSchema,
  documentListQuerySchema,
  documentUpdateSchema,
  recordSourceCreateSchema,
  type Document,
  type DocumentSummary,
  type RecordSource,
} from './document.schema.ts';
import { insertRecordSources } from './record-source.repository.ts';

/**
 * The SHA-256 of a text with its line endings and surrounding blanks normalized: the same press
 * release pasted from Windows or Linux, with or without a trailing newline, is the same document.
 */
export function contentHash(body: string): string {
  return createHash('sha256').update(body.normalize('NFC').replace(/\r\n?/g, '\n').trim()).digest('hex');
}

const DOCUMENT: AuditedRecord<Document> = {
  what: 'Document',
  recordType: 'document',
  findById: findDocumentById,
};

/** A document's fields without its text, which the audit trail of a create or an update leaves out. */
function withoutBody({ body: _body, ...fields }: Document): Omit<Document, 'body'> {
  return fields;
}

/**
 * Stores a document, or finds it when the same text was stored before (`duplicate: true`, nothing
 * written), so importing a press release twice offers the first one again.
 */
export async function storeDocument(
  db: Kysely<Database>,
  actor: Actor,
  input: unknown,
): Promise<{ document: Document; duplicate: boolean }> {
  const values = parseInput(documentCreateSchema, input);
  const hash = contentHash(values.body);
  return inTransaction(db, async (trx) => {
    const existing = await findDocumentByContentHash(trx, hash);
    if (existing) return { document: existing, duplicate: true };
    const id = await insertDocument(trx, values, hash);
    if (id === undefined) {
      // Another import stored the same text between our look-up and our insert.
      const stored = await findDocumentByContentHash(trx, hash);
      if (stored) return { document: stored, duplicate: true };
    }
    const document = await findDocumentByIdOrThrow(trx, id ?? 0);
    await insertAuditEntry(trx, {
      actor,
      action: 'create',
      recordType: 'document',
      recordId: document.id,
      after: withoutBody(document),
    });
    return { document, duplicate: false };
  });
}

/** Changes a document's description (never its text) if the editor saw the current version. */
export async function updateDocument(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  input: unknown,
): Promise<Document> {
  const change = parseInput(documentUpdateSchema, input);
  // The text is the same before and after; the trail keeps the fields that changed.
  return updateAudited(db, actor, DOCUMENT, id, change, updateDocumentRow, withoutBody);
}

/** Deletes a document and its links to records; the records and the audit trail stay. */
export async function deleteDocument(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  version: number,
): Promise<void> {
  await deleteAudited(db, actor, DOCUMENT, id, version, deleteDocumentRow);
}

/**
 * Lists documents by kind or words, latest published first, a page at a time; `restrict` keeps the rows
 * the asker may read.
 */
export async function listDocuments(
  db: Kysely<Database>,
  query: unknown,
  restrict?: Expression<SqlBool>,
): Promise<Page<DocumentSummary>> {
  return selectDocumentPage(db, parseInput(documentListQuerySchema, query), restrict);
}

/** Links a record to the document it came from, with the evidence span checked against the text. */
export async function linkRecordSource(
  db: Kysely<Database>,
  actor: Actor,
  input: unknown,
): Promise<RecordSource> {
  const [created] = await linkRecordSources(db, actor, [input]);
  return created!;
}

/**
 * Links records to the documents they came from, each evidence span checked against its text, in
 * one statement per thousand links (an accepted press release links every record it wrote).
 */
export async function linkRecordSources(
  db: Kysely<Database>,
  actor: Actor,
  inputs: unknown[],
): Promise<RecordSource[]> {
  const links = inputs.map((input) => parseInput(recordSourceCreateSchema, input));
  return inTransaction(db, async (trx) => {
    const lengths = new Map<number, number>();
    for (const documentId of new Set(links.map((link) => link.documentId))) {
      lengths.set(documentId, await findDocumentTextLength(trx, documentId));
    }
    for (const link of links) {
      const length = lengths.get(link.documentId)!;
      if (link.spanEnd !== null && link.spanEnd > length) {
        throw validationFailed(
          `The evidence span ends at ${link.spanEnd}, past the end of the text (${length}).`,
          [{ path: 'spanEnd', message: 'is past the end of the text' }],
        );
      }
    }
    const created = await insertRecordSources(trx, links);
    await insertAuditEntries(
      trx,
      created.map((link) => ({
        actor,
        action: 'create' as const,
        recordType: 'record_source' as const,
        recordId: link.id,
        after: link,
      })),
    );
    return created;
  });
}
