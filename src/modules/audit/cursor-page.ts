import { sql, type Expression, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../db/database.ts';
import { z } from 'zod';
import { validationFailed } from '../../errors.ts';

/**
 * The paging part of every list query: how many rows, where the previous page ended, and the order
 * (each list's natural one by default: latest visits first, names from А to Я; `order` reverses it).
 */
export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().min(1).optional(),
  order: z.enum(['asc', 'desc']).optional(),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

/** A page of records and the cursor of the next page (`null` on the last one). */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

type KeyValue = string | number;

/** One column of a keyset sort: its expression, and the schema a cursor's value for it must meet. */
export interface SortKey {
  expression: Expression<unknown>;
  schema: z.ZodType<KeyValue>;
}
const INT4_MAX = 2_147_483_647;
/** A text sort key (a sort_key column, a lower-cased e-mail). */
export const textKey = (expression: Expression<unknown>): SortKey => ({
  expression,
  // Generous: a sort key can be longer than its name («ё» becomes two characters).
  schema: z.string().max(100_000),
});
/** A date sort key. */
export const dateKey = (expression: Expression<unknown>): SortKey => ({ expression, schema: z.iso.date() });
/** An integer sort key, within the column's range (int4 unless told). */
export const idKey = (expression: Expression<unknown>, max = INT4_MAX): SortKey => ({
  expression,
  schema: z.number().int().min(0).max(max),
});
/** The `id` column as the last sort key, which makes every sort total. */
export const ID_KEY = idKey(sql.ref('id'));

/** Encodes the sort key of the last row of a page as an opaque, URL-safe cursor. */
export function encodeCursor(values: KeyValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * Decodes a cursor made by `encodeCursor` for these keys. Anything else, a forged or damaged
 * cursor included, is a validation error, never a query the database refuses with a 500.
 */
export function decodeCursor(cursor: string, keys: SortKey[]): KeyValue[] {
  try {
    const values = z
      .array(z.unknown())
      .length(keys.length)
      .parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return values.map((value, index) => keys[index]!.schema.parse(value));
  } catch {
    // The user needs to know the cursor is bad, not which part of it.
    throw validationFailed('The cursor is not one this list gave out.', [
      { path: 'cursor', message: 'is invalid' },
    ]);
  }
}

/**
 * The keyset condition "after the cursor" for a sort on `keys`, all ascending or all descending:
 * a row comparison, which PostgreSQL answers from an index on the same columns.
 */
export function afterCursor(keys: SortKey[], cursor: string, direction: 'asc' | 'desc'): RawBuilder<SqlBool> {
  const values = decodeCursor(cursor, keys);
  const operator = sql.raw(direction === 'asc' ? '>' : '<');
  return sql<SqlBool>`(${sql.join(keys.map((key) => key.expression))}) ${operator} (${sql.join(values)})`;
}

/**
 * Cuts the rows fetched with `limit + 1` into a page: the extra row only says whether there is a
 * next page, whose cursor is the sort key of the last row kept.
 */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  keyOf: (row: R) => KeyValue[],
  map: (row: R) => T,
): Page<T> {
  const kept = rows.slice(0, limit);
  const last = kept.at(-1);
  return {
    items: kept.map(map),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}

/** How a list is sorted: its keys (the last one `ID_KEY`), their direction, and a row's values of them. */
export interface KeysetSort<R> {
  keys: SortKey[];
  direction: 'asc' | 'desc';
  keyOf: (row: R) => KeyValue[];
}

/**
 * Runs a filtered query for one page: after the query's cursor, sorted on the keys, `limit + 1` rows;
 * `toRecords` maps the rows kept (loading their children if it must).
 */
export async function selectPage<TB extends keyof Database, R, T>(
  select: SelectQueryBuilder<Database, TB, R>,
  sort: KeysetSort<R>,
  query: PageQuery,
  toRecords: (rows: R[]) => T[] | Promise<T[]>,
): Promise<Page<T>> {
  const direction = query.order ?? sort.direction;
  let paged = select;
  if (query.cursor !== undefined) paged = paged.where(afterCursor(sort.keys, query.cursor, direction));
  for (const key of sort.keys) paged = paged.orderBy(key.expression, direction);
  const rows = await paged.limit(query.limit + 1).execute();
  const page = toPage(rows, query.limit, sort.keyOf, (row) => row);
  return { items: await toRecords(page.items), nextCursor: page.nextCursor };
}
