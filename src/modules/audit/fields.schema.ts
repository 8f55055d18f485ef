import { z } from 'zod';

/** The id of a stored record. */
export const recordIdSchema = z.number().int().positive();
/** A required line of text, trimmed. */
export const textSchema = z.string().trim().min(1).max(2000);
/** Optional text: `null` clears it; an empty string counts as cleared. */
export const optionalTextSchema = z
  .string()
  .trim()
  .max(20000)
  .nullable()
  .transform((value) => (value === '' ? null : value));
/** A calendar date, `YYYY-MM-DD`. */
export const isoDateSchema = z.iso.date();
/** The version the caller last saw, for optimistic concurrency. */
export const versionSchema = z.number().int().positive();
/** What every stored, versioned record carries besides its own fields. */
export const storedFields = { id: recordIdSchema, version: versionSchema, updatedAt: z.iso.datetime() };
