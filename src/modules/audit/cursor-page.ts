import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { z } from 'zod';
import { validationFailed } from '../../errors.ts';

/** The paging part of every list query: how many rows, and where the previous page ended. */
export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().min(1).optional(),
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
const cursorValuesSchema = z.array(z.union([z.string(), z.number()])).min(1);

/** Encodes the sort key of the last row of a page as an opaque, URL-safe cursor. */
export function encodeCursor(values: KeyValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** Decodes a cursor made by `encodeCursor`; anything else is a validation error, never a 500. */
export function decodeCursor(cursor: string, length: number): KeyValue[] {
  try {
    const values = cursorValuesSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (values.length === length) return values;
  } catch {
    // Falls through to the one error below: the user needs to know the cursor is bad, not why.
  }
  throw validationFailed('The cursor is not one this list gave out.', [
    { path: 'cursor', message: 'is invalid' },
  ]);
}

/**
 * The keyset condition "after the cursor" for a sort on `keys`, all ascending or all descending:
 * a row comparison, which PostgreSQL answers from an index on the same columns.
 */
export function afterCursor(
  keys: Expression<unknown>[],
  cursor: string,
  direction: 'asc' | 'desc',
): RawBuilder<SqlBool> {
  const values = decodeCursor(cursor, keys.length);
  const operator = sql.raw(direction === 'asc' ? '>' : '<');
  return sql<SqlBool>`(${sql.join(keys)}) ${operator} (${sql.join(values)})`;
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
