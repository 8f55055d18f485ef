import { z } from 'zod';

// PostgreSQL text cannot hold U+0000; refused here, it is a field error instead of a database failure.
const noNul = (value: string) => !value.includes('\u0000');
const noNulProblem = { message: 'must not contain the NUL character' };

/** The largest value of an int4 column: ids, versions, counts. */
export const MAX_INT4 = 2_147_483_647;
/** The id of a stored record (an int4 column: larger numbers cannot name one). */
export const recordIdSchema = z.number().int().positive().max(MAX_INT4);
/** The id of a record as a list filter or a URL part: query strings carry it as text. */
export const queryIdSchema = z.coerce.number().int().positive().max(MAX_INT4);
/** The `:id` of a record's URL. */
export const idParamsSchema = z.object({ id: queryIdSchema });
/** A required line of text, trimmed. */
export const textSchema = z.string().trim().min(1).max(2000).refine(noNul, noNulProblem);
/**
 * Optional text: `null` when absent. Kept free of transforms so the same schema describes request
 * and response in the OpenAPI document (a transform has no JSON Schema).
 */
export const optionalTextSchema = z.string().trim().max(20000).refine(noNul, noNulProblem).nullable();
/** Words to search for in a list filter. */
export const searchTextSchema = z.string().trim().min(1).max(200).refine(noNul, noNulProblem);
/** A long text kept as given (a press release): not trimmed, since evidence spans point into it. */
export const bodyTextSchema = z.string().max(5_000_000).refine(noNul, noNulProblem);
/** A calendar date, `YYYY-MM-DD` (PostgreSQL has no year 0000). */
export const isoDateSchema = z.iso
  .date()
  .refine((date) => !date.startsWith('0000'), { message: 'has no year 0' });
/** A time of day on a city's clock, `HH:MM` (24-hour). */
export const clockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time of day, HH:MM' });
/** A stored `time(0)` column («10:00:00») as the API gives it («10:00»). */
export const clockTime = (value: string | null): string | null => value && value.slice(0, 5);
/** The version the caller last saw, for optimistic concurrency. */
export const versionSchema = z.number().int().positive().max(MAX_INT4);
/** What every stored, versioned record carries besides its own fields. */
export const storedFields = { id: recordIdSchema, version: versionSchema, updatedAt: z.iso.datetime() };
