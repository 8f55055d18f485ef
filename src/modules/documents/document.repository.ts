import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database, DocumentRow } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import { isoTimestamp } from '../audit/audit.repository.ts';
import { deleteRowIfVersion, updateRowIfVersion } from '../audit/versioned-row.ts';
import { findOrThrow } from '../audit/record-readers.ts';
import {
  dateKey,
  selectPage,
  textKey,
  TIMESTAMP_SORTS,
  type ListSorts,
  type Page,
} from '../audit/cursor-page.ts';
import type {
  Document,
  DocumentCreate,
  DocumentListQuery,
  DocumentSummary,
  DocumentUpdate,
} from './document.schema.ts';
import type { DOCUMENT_SORTS } from './document.schema.ts';

type SummaryRow = Omit<
  DocumentRow,
  'body' | 'extraction' | 'search' | 'scope_city_ids' | 'scope_organization_ids'
>;
const SUMMARY_COLUMNS = [
  'id',
  'kind',
  'title',
  'language',
  'content_hash',
  'published_on',
  'source_url',
  'file_name',
  'created_at',
  'updated_at',
  'version',
] as const;

/** Maps a stored row, without its text, to the summary lists show. */
export function toDocumentSummary(row: SummaryRow): DocumentSummary {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    language: row.language,
    contentHash: row.content_hash,
    publishedOn: row.published_on,
    sourceUrl: row.source_url,
    fileName: row.file_name,
    version: row.version,
    updatedAt: isoTimestamp(row.updated_at),
  };
}

/** Maps a stored row to the full document. */
export function toDocument(row: DocumentRow): Document {
  return { ...toDocumentSummary(row), body: row.body, extraction: row.extraction ?? null };
}

/** The document with this id, text included, if any. */
export async function findDocumentById(db: Kysely<Database>, id: number): Promise<Document | undefined> {
  const row = await db.selectFrom('document').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toDocument(row);
}

/** The document with this id; absence is an error. */
export const findDocumentByIdOrThrow = findOrThrow(findDocumentById, 'Document');

/** The document whose text has this hash: the same text imported before. */
export async function findDocumentByContentHash(
  db: Kysely<Database>,
  hash: string,
): Promise<Document | undefined> {
  const row = await db.selectFrom('document').selectAll().where('content_hash', '=', hash).executeTakeFirst();
  return row && toDocument(row);
}

/** Stores a new document with its content hash and returns its id; `undefined` when that text is already stored. */
export async function insertDocument(
  db: Kysely<Database>,
  input: DocumentCreate,
  contentHash: string,
): Promise<number | undefined> {
  const row = await db
    .insertInto('document')
    .values({
      kind: input.kind,
      title: input.title,
      language: input.language,
      body: input.body,
      content_hash: contentHash,
      published_on: input.publishedOn ?? null,
      source_url: input.sourceUrl ?? null,
      file_name: input.fileName ?? null,
      extraction: input.extraction === undefined ? null : JSON.stringify(input.extraction),
    })
    // The same text stored meanwhile by a concurrent import is not an error: the caller finds it.
    .onConflict((conflict) => conflict.column('content_hash').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** Applies a change when the stored version is still the one given. */
export async function updateDocumentRow(
  db: Kysely<Database>,
  id: number,
  change: DocumentUpdate,
): Promise<boolean> {
  return updateRowIfVersion(db, 'document', id, change.version, {
    kind: change.kind,
    title: change.title,
    language: change.language,
    published_on: change.publishedOn,
    source_url: change.sourceUrl,
    file_name: change.fileName,
    extraction: change.extraction === undefined ? undefined : JSON.stringify(change.extraction),
  });
}

/** Removes a document and its links to records (the records stay), when its stored version is still the one given. */
export async function deleteDocumentRow(db: Kysely<Database>, id: number, version: number): Promise<boolean> {
  return deleteRowIfVersion(db, 'document', id, version);
}

// Undated documents sort as the oldest.
const PUBLISHED_KEY = sql<string>`coalesce(published_on, '0001-01-01'::date)`;

/** How documents can be sorted; latest published first unless asked otherwise, undated as the oldest. */
const DOCUMENT_SORTING: ListSorts<(typeof DOCUMENT_SORTS)[number]> = {
  fields: {
    publishedOn: { key: dateKey(PUBLISHED_KEY), direction: 'desc' },
    title: { key: textKey(sql`lower(title)`), direction: 'asc' },
    kind: { key: textKey(sql.ref('kind')), direction: 'asc' },
    ...TIMESTAMP_SORTS,
  },
  default: 'publishedOn',
};

/**
 * A page of document summaries matching the filter, latest published first; `restrict` keeps the rows the
 * asker may read.
 */
export async function selectDocumentPage(
  db: Kysely<Database>,
  query: DocumentListQuery,
  restrict?: Expression<SqlBool>,
): Promise<Page<DocumentSummary>> {
  let select = db.selectFrom('document').select(SUMMARY_COLUMNS);
  if (query.kind !== undefined) select = select.where('kind', '=', query.kind);
  if (query.q !== undefined) {
    select = select.where(
      sql<boolean>`search @@ websearch_to_tsquery('russian', immutable_unaccent(${query.q}))`,
    );
  }
  return selectPage(select, DOCUMENT_SORTING, query, (rows) => rows.map(toDocumentSummary), restrict);
}

/** The length of a document's text as JavaScript counts it (UTF-16 units), the unit of evidence spans. */
export async function findDocumentTextLength(db: Kysely<Database>, id: number): Promise<number> {
  const row = await db.selectFrom('document').select('body').where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Document', id);
  return row.body.length;
}
