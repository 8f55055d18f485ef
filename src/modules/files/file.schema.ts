import { z } from 'zod';

/** The kinds of record a file can be attached to. */
export const fileRecordTypeSchema = z.enum([
  'organization',
  'person',
  'visit',
  'agreement',
  'project',
  'event',
]);

/** A place of its own on a record's page: the agreement's signed scan. */
export const fileSlotSchema = z.enum(['signed_scan']);

/** A file attached to a record, as lists show it (the bytes come from the download). */
export const attachedFileSchema = z.object({
  id: z.number().int(),
  recordType: fileRecordTypeSchema,
  recordId: z.number().int(),
  slot: fileSlotSchema.nullable(),
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  /** Whether the search reads its text (a DOCX, a PDF with a text layer). */
  searchable: z.boolean(),
  uploadedBy: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  createdAt: z.iso.datetime(),
});
export type AttachedFile = z.infer<typeof attachedFileSchema>;

/** The limits on files and what is used, for the administrator. */
export const fileUsageSchema = z.object({
  fileMaxBytes: z.number().int(),
  totalMaxBytes: z.number().int(),
  usedBytes: z.number().int(),
  fileCount: z.number().int(),
  acceptedKinds: z.array(z.string()),
});
