import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { AppError, conflict, notFound, staleVersion, validationFailed } from '../../errors.ts';

/**
 * Runs `work` in a transaction, or inside the caller's when `db` already is one, so a command like
 * seed-demo can compose several services into one all-or-nothing write.
 */
export async function inTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  try {
    if (db.isTransaction) return await work(db);
    return await db.transaction().execute((trx: Transaction<Database>) => work(trx));
  } catch (error) {
    throw translateDatabaseError(error);
  }
}

/** Checks input against a schema; a mismatch becomes a `validation_failed` error naming each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
  const summary = details.map((detail) => `${detail.path}: ${detail.message}`).join('; ');
  throw validationFailed(`Invalid input: ${summary}`, details);
}

/**
 * Optimistic concurrency: reads the record, refuses when the caller saw another version, then
 * updates with `where version = ?` so a write racing in between is refused as well.
 */
export async function updateVersioned<T extends { version: number }>(options: {
  what: string;
  id: number;
  expectedVersion: number;
  load: () => Promise<T | undefined>;
  update: () => Promise<boolean>;
}): Promise<{ before: T; after: T }> {
  const before = await options.load();
  if (!before) throw notFound(options.what, options.id);
  if (before.version !== options.expectedVersion)
    throw staleVersion(options.what, options.id, before.version);
  if (!(await options.update())) {
    const current = await options.load();
    if (!current) throw notFound(options.what, options.id);
    throw staleVersion(options.what, options.id, current.version);
  }
  const after = await options.load();
  if (!after) throw notFound(options.what, options.id);
  return { before, after };
}

/** Refuses a delete when the caller saw another version of the record. */
export function assertVersion(
  what: string,
  id: number,
  record: { version: number } | undefined,
  expected: number,
) {
  if (!record) throw notFound(what, id);
  if (record.version !== expected) throw staleVersion(what, id, record.version);
}

interface PgError {
  code?: string;
  constraint?: string;
  message?: string;
  detail?: string;
}

/**
 * Turns the database's refusals into errors a user can act on; anything else passes through as is.
 * The constraint names are kept in the message because they say which rule was broken.
 */
export function translateDatabaseError(error: unknown): unknown {
  if (error instanceof AppError || typeof error !== 'object' || error === null) return error;
  const pgError = error as PgError;
  const rule = pgError.constraint ? ` (${pgError.constraint})` : '';
  switch (pgError.code) {
    case '23505':
      return conflict(`A record like this already exists${rule}. ${pgError.detail ?? ''}`.trim());
    case '23503':
      // PostgreSQL says "is not present in table" when a reference points nowhere (bad input) and
      // "is still referenced" when a delete would orphan other records (a conflict with them).
      if (pgError.detail?.includes('is still referenced')) {
        return conflict(`Other records still refer to this one${rule}: ${pgError.detail}`);
      }
      return validationFailed(
        `The record refers to one that does not exist${rule}: ${pgError.detail ?? ''}`.trim(),
      );
    case '23514':
    case '23502':
    case '22007':
    case '22008':
      return validationFailed(`${pgError.message ?? 'The database refused the values'}${rule}.`);
    default:
      return error;
  }
}
