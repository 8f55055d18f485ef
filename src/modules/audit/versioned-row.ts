import { sql, type Kysely, type UpdateObject } from 'kysely';
import type { Database } from '../../db/database.ts';

/** The tables whose rows carry an id, a version for optimistic concurrency and the time of their last change. */
export type VersionedTable = {
  [T in keyof Database]: Database[T] extends { id: unknown; version: unknown; updated_at: unknown }
    ? T
    : never;
}[keyof Database];

// Kysely cannot type a query on a table named by a type parameter; the signatures below check the
// table and its values, and the queries see the columns every versioned table has.
type AnyVersionedTable = Kysely<Record<string, { id: number; version: number; updated_at: Date }>>;

/**
 * Applies `values` to the row with this id when its stored version is still `version`, counting the
 * version up and stamping the time; false when the version moved on or the row is gone.
 */
export async function updateRowIfVersion<T extends VersionedTable>(
  db: Kysely<Database>,
  table: T,
  id: number,
  version: number,
  values: UpdateObject<Database, T>,
): Promise<boolean> {
  const result = await (db as unknown as AnyVersionedTable)
    .updateTable(table as string)
    .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Removes the row with this id when its stored version is still `version` (the rows that belong to
 * it go by cascade); false when the version moved on or the row is gone. The version is part of
 * the delete itself: checked beforehand, an edit committed in between would be acknowledged and lost.
 */
export async function deleteRowIfVersion(
  db: Kysely<Database>,
  table: VersionedTable,
  id: number,
  version: number,
): Promise<boolean> {
  const result = await (db as unknown as AnyVersionedTable)
    .deleteFrom(table as string)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
