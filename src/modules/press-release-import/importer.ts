import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { conflict, notFound } from '../../errors.ts';
import type { ExtractionResult } from '../../extract/index.ts';
import type { Actor } from '../audit/audit.schema.ts';
import { isoDateSchema } from '../audit/fields.schema.ts';
import { inTransaction, parseInput } from '../audit/audited-write.ts';
import { findDocumentByIdOrThrow } from '../documents/document.repository.ts';
import { storeDocument } from '../documents/document.service.ts';
import type { Document } from '../documents/document.schema.ts';
import { acceptDraft, type AcceptedRecord, type DraftGuard } from './draft-acceptor.ts';
import { pressReleaseTitle } from './document-title.ts';
import { buildDraft } from './draft-builder.ts';
import type { Draft } from './draft.schema.ts';

/** A press release to import: its text and what the reviewer knows about it. */
export const importRequestSchema = z.object({
  text: z.string().min(1, 'is empty').max(1_000_000),
  title: z.string().trim().min(1).max(500).optional(),
  publishedOn: isoDateSchema.optional(),
  homeCity: z.string().trim().min(1).max(200).optional(),
  sourceUrl: z.url().optional(),
  fileName: z.string().trim().min(1).max(500).optional(),
});
export type ImportRequest = z.infer<typeof importRequestSchema>;

/**
 * Extracts a text's facts: the server passes its worker pool's; the default runs in this thread
 * (the extractor's code and dictionaries load on first use).
 */
export type Extractor = (
  text: string,
  options: { date?: string | undefined; homeCity?: string | undefined },
) => Promise<ExtractionResult>;

export const extractHere: Extractor = async (text, options) => {
  const { extract, prepareExtractor } = await import('../../extract/index.ts');
  await prepareExtractor();
  return extract(text, options);
};

/** What an import gives the reviewer: the stored document, whether it was known already, the facts and the draft. */
export interface ImportResult {
  document: Document;
  duplicate: boolean;
  extraction: ExtractionResult;
  draft: Draft;
}

/**
 * Imports a press release: stores it (or finds the same text stored before), extracts its facts and
 * drafts the records they propose, each matched to the registry. Nothing but the document is written.
 */
export async function importPressRelease(
  db: Kysely<Database>,
  actor: Actor,
  input: unknown,
  extractFacts: Extractor = extractHere,
): Promise<ImportResult> {
  const request = parseInput(importRequestSchema, input);
  const extraction = await extractFacts(request.text, {
    date: request.publishedOn,
    homeCity: request.homeCity,
  });
  const { document, duplicate } = await storeDocument(db, actor, {
    kind: 'press_release',
    title: request.title ?? pressReleaseTitle(request.text),
    language: 'ru',
    body: request.text,
    publishedOn: request.publishedOn ?? null,
    sourceUrl: request.sourceUrl ?? null,
    fileName: request.fileName ?? null,
    extraction,
  });
  // A known text keeps the facts it was imported with: the reviewer sees the same draft again.
  const facts = duplicate ? (document.extraction as ExtractionResult) : extraction;
  return {
    document,
    duplicate,
    extraction: facts,
    draft: await buildDraft(db, facts, document.publishedOn, request.homeCity ?? null, document.body),
  };
}

/** The draft of a stored document, matched against the registry as it is now. */
export async function draftOfDocument(db: Kysely<Database>, documentId: number): Promise<Draft> {
  const document = await findDocumentByIdOrThrow(db, documentId);
  return buildDraft(db, document.extraction as ExtractionResult, document.publishedOn, null, document.body);
}

/** Accepts a reviewed draft once: a document whose records were accepted before is refused. */
export async function acceptImport(
  db: Kysely<Database>,
  actor: Actor,
  documentId: number,
  draft: unknown,
  guard: DraftGuard,
): Promise<AcceptedRecord[]> {
  return inTransaction(db, async (trx) => {
    // The row lock makes two reviewers accepting the same document at once take turns.
    const locked = await trx
      .selectFrom('document')
      .select('id')
      .where('id', '=', documentId)
      .forUpdate()
      .executeTakeFirst();
    if (!locked) throw notFound('Document', documentId);
    const linked = await trx
      .selectFrom('record_source')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('document_id', '=', documentId)
      .executeTakeFirstOrThrow();
    if (linked.n > 0) {
      throw conflict(
        `Document ${documentId} was accepted before (${linked.n} records link to it); edit those records instead.`,
      );
    }
    return acceptDraft(trx, actor, documentId, draft, guard);
  });
}
