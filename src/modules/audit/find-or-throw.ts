import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { notFound } from '../../errors.ts';

/** Reads one record by id; `undefined` when there is none. */
export type FindById<T> = (db: Kysely<Database>, id: number) => Promise<T | undefined>;

/** Turns a reader that may find nothing into one for which absence is a `not_found` error naming `what`. */
export function findOrThrow<T>(findById: FindById<T>, what: string) {
  return async (db: Kysely<Database>, id: number): Promise<T> => {
    const found = await findById(db, id);
    if (!found) throw notFound(what, id);
    return found;
  };
}
