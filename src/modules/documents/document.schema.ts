import { z } from 'zod';
import type { DocumentKind, RecordType } from '../../db/database.ts';
import { pageQuerySchema, sortSchema } from '../audit/cursor-page.ts';
import {
  bodyTextSchema,
  isoDateSchema,
  optionalTextSchema,
  recordIdSchema,
  searchTextSchema,
  storedFields,
  textSchema,
  versionSchema,
} from '../audit/fields.schema.ts';

/** What a document is: press release, greeting, letter, scan, report. */
export const documentKindSchema = z.enum([
  'press_release',
  'greeting',
  'letter',
  'scan',
  'report',
  'other',
] as const satisfies readonly DocumentKind[]);

const documentFields = z.object({
  kind: documentKindSchema,
  title: textSchema,
  language: z.string().regex(/^[a-z]{2,3}$/, 'is an ISO 639 code such as ru, be, en'),
  publishedOn: isoDateSchema.nullable(),
  sourceUrl: z.url().nullable(),
  fileName: optionalTextSchema,
});

/** A new document: its text (kept as given; the evidence spans point into it) and what it is. */
export const documentCreateSchema = documentFields
  .partial()
  .required({ title: true })
  .extend({ body: bodyTextSchema, extraction: z.unknown().optional() });
export type DocumentCreate = z.infer<typeof documentCreateSchema>;

/** A change to a document's description; the text itself never changes, so its spans stay true. */
export const documentUpdateSchema = documentFields
  .partial()
  .extend({ extraction: z.unknown().optional(), version: versionSchema });
export type DocumentUpdate = z.infer<typeof documentUpdateSchema>;

/** A document as lists show it: without its text. */
export const documentSummarySchema = documentFields
  .extend(storedFields)
  .extend({ contentHash: z.string().regex(/^[0-9a-f]{64}$/) });
export type DocumentSummary = z.infer<typeof documentSummarySchema>;

/** A document with its text and the extraction made from it. */
export const documentSchema = documentSummarySchema.extend({ body: z.string(), extraction: z.unknown() });
export type Document = z.infer<typeof documentSchema>;

/** The fields a document list can be sorted by (`sort=`). */
export const DOCUMENT_SORTS = ['publishedOn', 'title', 'kind', 'createdAt', 'updatedAt'] as const;

/** Documents by kind or by words in them (Russian morphology), latest published first. */
export const documentListQuerySchema = pageQuerySchema.extend({
  sort: sortSchema(DOCUMENT_SORTS),
  kind: documentKindSchema.optional(),
  q: searchTextSchema.optional(),
});
export type DocumentListQuery = z.infer<typeof documentListQuerySchema>;

/** The kinds of record a document can be the source of. */
export const sourcedRecordTypeSchema = z.enum([
  'city',
  'twinning',
  'organization',
  'person',
  'visit',
  'agreement',
  'plan_item',
  'project',
  'event',
] as const satisfies readonly RecordType[]);

const recordSourceFields = z.object({
  documentId: recordIdSchema,
  recordType: sourcedRecordTypeSchema,
  recordId: recordIdSchema,
  spanStart: z.number().int().min(0).nullable().default(null),
  spanEnd: z.number().int().min(0).nullable().default(null),
  fact: z.unknown().optional(),
});

/** A link from a record to the document it came from, with the evidence span [start, end). */
export const recordSourceCreateSchema = recordSourceFields.refine(
  (link) => link.spanEnd === null || (link.spanStart !== null && link.spanEnd >= link.spanStart),
  { message: 'The evidence span ends after it starts.', path: ['spanEnd'] },
);
export type RecordSourceCreate = z.infer<typeof recordSourceCreateSchema>;

/** A stored link from a record to its source document. */
export const recordSourceSchema = recordSourceFields.extend({ id: recordIdSchema, fact: z.unknown() });
export type RecordSource = z.infer<typeof recordSourceSchema>;
