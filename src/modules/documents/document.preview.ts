import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { buildDraft } from '../press-release-import/draft-builder.ts';
import { draftSchema } from '../press-release-import/draft.schema.ts';
import { extractHere, importRequestSchema, type Extractor } from '../press-release-import/importer.ts';
import type { ExtractionResult } from '../../extract/index.ts';
import { extractionResultSchema } from '../../extract/extraction.schema.ts';
import { parseInput } from '../audit/audited-write.ts';
import { recordIdSchema } from '../audit/fields.schema.ts';
import { findDocumentByContentHash } from './document.repository.ts';
import { contentHash } from './document.service.ts';

/**
 * The longest text previewed as it is typed. Extraction takes about 3 ms per thousand characters
 * here, so a preview stays well under a second; a longer text is still imported by POST /documents.
 */
export const PREVIEW_MAX_CHARS = 200_000;

/** A preview request: the import request's fields, the text capped for interactive use. */
export const previewRequestSchema = importRequestSchema.extend({
  text: z
    .string()
    .min(1, 'is empty')
    .max(PREVIEW_MAX_CHARS, `is over ${PREVIEW_MAX_CHARS} characters: import it without a preview`),
});

/** The document already stored with the same text, and whether its records were accepted. */
export const storedTwinSchema = z.object({
  id: recordIdSchema,
  title: z.string(),
  accepted: z.boolean(),
});

/** What a preview shows: the facts and the matched draft, as an import would, and the stored twin. */
export const previewResponseSchema = z
  .object({
    duplicateOf: storedTwinSchema.nullable(),
    extraction: extractionResultSchema,
    draft: draftSchema,
  })
  .meta({ id: 'PressReleasePreview' });
export type PreviewResponse = z.infer<typeof previewResponseSchema>;

/**
 * Extracts and matches a press release without storing anything: the review page calls it as the
 * text is typed. A text stored before shows the facts it was imported with, as the import would.
 */
export async function previewPressRelease(
  db: Kysely<Database>,
  input: unknown,
  extractFacts: Extractor = extractHere,
): Promise<PreviewResponse> {
  const request = parseInput(previewRequestSchema, input);
  const stored = await findDocumentByContentHash(db, contentHash(request.text));
  if (stored) {
    const linked = await db
      .selectFrom('record_source')
      .select('id')
      .where('document_id', '=', stored.id)
      .limit(1)
      .executeTakeFirst();
    const facts = stored.extraction as ExtractionResult;
    return {
      duplicateOf: { id: stored.id, title: stored.title, accepted: linked !== undefined },
      extraction: facts,
      draft: await buildDraft(db, facts, stored.publishedOn, request.homeCity ?? null, stored.body),
    };
  }
  const extraction = await extractFacts(request.text, {
    date: request.publishedOn,
    homeCity: request.homeCity,
  });
  return {
    duplicateOf: null,
    extraction,
    draft: await buildDraft(
      db,
      extraction,
      request.publishedOn ?? null,
      request.homeCity ?? null,
      request.text,
    ),
  };
}

/**
 * Previews in progress per user. Typing sends a preview every pause; the page cancels the one
 * before, but the server finishes it, so a user is allowed a few at once and refused beyond that.
 */
export class PreviewGate {
  private readonly running = new Map<number, number>();
  constructor(private readonly perUser = 3) {}

  /** Runs `work` for this user, or refuses with 429 when they already have `perUser` running. */
  async run<T>(userId: number, work: () => Promise<T>): Promise<T> {
    const now = this.running.get(userId) ?? 0;
    if (now >= this.perUser) {
      throw new AppError(
        'rate_limited',
        `${now} previews of yours are still being computed; wait for them before asking again.`,
      );
    }
    this.running.set(userId, now + 1);
    try {
      return await work();
    } finally {
      const left = (this.running.get(userId) ?? 1) - 1;
      if (left === 0) this.running.delete(userId);
      else this.running.set(userId, left);
    }
  }
}
