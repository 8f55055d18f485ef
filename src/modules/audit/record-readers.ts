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

/**
 * Maps rows to records with their children (parties, participants, members, positions, roles),
 * which `selectChildren` fetches for all the rows in one query; a row it finds none for gets `[]`.
 */
export async function withChildren<R extends { id: number }, C, T>(
  rows: R[],
  selectChildren: (ids: number[]) => Promise<Map<number, C[]>>,
  toRecord: (row: R, children: C[]) => T,
): Promise<T[]> {
  const children = await selectChildren(rows.map((row) => row.id));
  return rows.map((row) => toRecord(row, children.get(row.id) ?? []));
}
