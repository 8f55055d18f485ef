import { sql, type Expression, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../db/database.ts';
import { z } from 'zod';
import { validationFailed } from '../../errors.ts';
import { isoDateSchema } from './fields.schema.ts';

/**
 * The paging part of every list query: how many rows, where the previous page ended, and the order
 * (each sort's natural one by default: latest visits first, names from А to Я; `order` reverses it).
 * Each list adds its own `sort` with `sortSchema`.
 */
export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().min(1).optional(),
  order: z.enum(['asc', 'desc']).optional(),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

/** The `sort` of a list query: one of the list's sort fields, the OpenAPI document shows them as an enum. */
export function sortSchema<const S extends readonly [string, ...string[]]>(names: S) {
  return z.enum(names, { error: () => `must be one of: ${names.join(', ')}` }).optional();
}

/** A page of records and the cursor of the next page (`null` on the last one). */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Every item of a paged list, page after page through its cursor (500 a page), keeping those
 * `keep` accepts (all when it is not given): the exports read a whole list this way.
 */
export async function everyPage<T>(
  fetchPage: (page: { limit: number; cursor?: string }) => Promise<Page<T>>,
  keep?: (item: T) => Promise<boolean>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await fetchPage(cursor ? { limit: 500, cursor } : { limit: 500 });
    for (const item of page.items) if (!keep || (await keep(item))) items.push(item);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** The SQL type of a sort key, which says how its value travels in a cursor as text and back. */
type KeyKind = 'text' | 'date' | 'integer' | 'bigint' | 'timestamp';

/**
 * One column of a keyset sort. The expression must never be NULL (a nullable column is wrapped in
 * `coalesce` with the value that puts the missing ones where the list wants them): a row comparison
 * with NULL is unknown, and the rows holding it would fall out of every page.
 */
export interface SortKey {
  expression: Expression<unknown>;
  kind: KeyKind;
}
/** A text sort key (a sort_key column, a lower-cased title). */
export const textKey = (expression: Expression<unknown>): SortKey => ({ expression, kind: 'text' });
/** A date sort key. */
export const dateKey = (expression: Expression<unknown>): SortKey => ({ expression, kind: 'date' });
/** A timestamp sort key (created_at, updated_at), kept to the microsecond in cursors. */
export const timestampKey = (expression: Expression<unknown>): SortKey => ({ expression, kind: 'timestamp' });
/** An integer sort key (int4 unless told bigint). */
export const idKey = (expression: Expression<unknown>, kind: 'integer' | 'bigint' = 'integer'): SortKey => ({
  expression,
  kind,
});
/**
 * A text column holding one of a fixed set of codes, sorted in the order given (a workflow's:
 * planned before done), not alphabetically by code.
 */
export const enumKey = (column: string, codes: readonly string[]): SortKey => ({
  expression: sql`array_position(array[${sql.join(codes.map((code) => sql.lit(code)))}]::text[], ${sql.ref(column)})`,
  kind: 'integer',
});
/** The `id` column as the last sort key, which makes every sort total. */
export const ID_KEY = idKey(sql.ref('id'));

/** One sort a list offers: its key and the direction it reads in unless `order` says otherwise. */
export interface SortField {
  key: SortKey;
  direction: 'asc' | 'desc';
}

/** The sorts a list offers, by the name `sort=` takes, and the one it uses when none is asked for. */
export interface ListSorts<S extends string> {
  fields: Record<S, SortField>;
  default: S;
  /** The key after the sort key that orders rows with equal values: `ID_KEY` unless told. */
  tieBreaker?: SortKey;
}

/** `created_at` and `updated_at`, newest first: every stored record can be sorted by them. */
export const TIMESTAMP_SORTS = {
  createdAt: { key: timestampKey(sql.ref('created_at')), direction: 'desc' },
  updatedAt: { key: timestampKey(sql.ref('updated_at')), direction: 'desc' },
} as const satisfies Record<string, SortField>;

const INT4_MAX = 2_147_483_647n;
const INT8_MAX = 9_223_372_036_854_775_807n;
const noNul = (value: string) => !value.includes('\u0000');

/**
 * Whether a timestamp names a real instant PostgreSQL accepts: the format check lets 31 February
 * through (a Date rolls it over to March, which shows it). Zod runs this after a failed format check
 * too, so it must not throw on any text.
 */
function isRealTimestamp(value: string): boolean {
  const date = new Date(value);
  return (
    !Number.isNaN(date.getTime()) &&
    !value.startsWith('0000') &&
    date.toISOString().slice(0, 10) === value.slice(0, 10)
  );
}

/** What a cursor's value of each kind must look like, so a forged one is a 400 and never a database error. */
const VALUE_SCHEMAS: Record<KeyKind, z.ZodType<string>> = {
  text: z.string().max(100_000).refine(noNul),
  date: isoDateSchema,
  // Zod runs refinements after a failed check too: each tests the digits before BigInt reads them.
  integer: z.string().refine((value) => /^\d{1,10}$/.test(value) && BigInt(value) <= INT4_MAX),
  bigint: z.string().refine((value) => /^\d{1,19}$/.test(value) && BigInt(value) <= INT8_MAX),
  timestamp: z.iso.datetime({ precision: 6 }).refine(isRealTimestamp),
};

/** A key's value as text, exactly: timestamps to the microsecond (a JavaScript Date keeps milliseconds). */
function keyText(key: SortKey): RawBuilder<string> {
  switch (key.kind) {
    case 'date':
      return sql<string>`to_char(${key.expression}, 'YYYY-MM-DD')`;
    case 'timestamp':
      return sql<string>`to_char(${key.expression} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
    case 'text':
    case 'integer':
    case 'bigint':
      return sql<string>`cast(${key.expression} as text)`;
    default: {
      const unknown: never = key.kind;
      throw new Error(`Unhandled sort key kind ${String(unknown)}`);
    }
  }
}

/** A cursor's text value back as the key's SQL type. */
function keyValue(key: SortKey, value: string): RawBuilder<unknown> {
  const type = key.kind === 'timestamp' ? 'timestamptz' : key.kind;
  return sql`cast(${value} as ${sql.raw(type)})`;
}

/** Where a page ended: under which sort and order, and the sort key of its last row. */
const cursorSchema = z.object({
  sort: z.string(),
  order: z.enum(['asc', 'desc']),
  after: z.array(z.string()),
});
type Cursor = z.infer<typeof cursorSchema>;

/** Encodes where a page ended as an opaque, URL-safe cursor. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

const badCursor = () =>
  // The user needs to know the cursor is bad, not which part of it.
  validationFailed('The cursor is not one this list gave out.', [{ path: 'cursor', message: 'is invalid' }]);

/**
 * Decodes a cursor made by `encodeCursor` for this sort, order and keys. Anything else, a forged or
 * damaged cursor included, is a validation error, never a query the database refuses with a 500; a
 * cursor of another sort or order would skip or repeat rows, so it is refused too.
 */
export function decodeCursor(text: string, sort: string, order: 'asc' | 'desc', keys: SortKey[]): string[] {
  let cursor: Cursor;
  try {
    cursor = cursorSchema.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
  } catch {
    throw badCursor();
  }
  if (cursor.sort !== sort || cursor.order !== order) {
    throw validationFailed(
      `The cursor was made for sort=${cursor.sort}&order=${cursor.order}, not sort=${sort}&order=${order}: ` +
        'ask for the next page with the sort and order of the first one, or start again without a cursor.',
      [{ path: 'cursor', message: 'belongs to another sort or order' }],
    );
  }
  if (cursor.after.length !== keys.length) throw badCursor();
  if (!keys.every((key, index) => VALUE_SCHEMAS[key.kind].safeParse(cursor.after[index]).success)) {
    throw badCursor();
  }
  return cursor.after;
}

const keyAlias = (index: number) => `page_key_${index}`;

/**
 * Runs a filtered query for one page: in the asked sort and order, after the query's cursor, only
 * the rows `restrict` lets through (who may read them), `limit + 1` rows, the extra one only saying
 * whether there is a next page. Keyset paging on (sort key, id): a row comparison, which PostgreSQL
 * answers from an index on the same columns. `toRecords` maps the rows kept (loading their children).
 */
export async function selectPage<TB extends keyof Database, R, T, S extends string>(
  select: SelectQueryBuilder<Database, TB, R>,
  sorts: ListSorts<S>,
  query: PageQuery & { sort?: S | undefined },
  toRecords: (rows: R[]) => T[] | Promise<T[]>,
  restrict?: Expression<SqlBool>,
): Promise<Page<T>> {
  const sort = query.sort ?? sorts.default;
  const field = sorts.fields[sort];
  const order = query.order ?? field.direction;
  const keys = [field.key, sorts.tieBreaker ?? ID_KEY];
  let paged = select;
  if (restrict) paged = paged.where(restrict);
  if (query.cursor !== undefined) {
    const values = decodeCursor(query.cursor, sort, order, keys);
    const operator = sql.raw(order === 'asc' ? '>' : '<');
    const columns = sql.join(keys.map((key) => key.expression));
    const after = sql.join(keys.map((key, index) => keyValue(key, values[index]!)));
    paged = paged.where(sql<SqlBool>`(${columns}) ${operator} (${after})`);
  }
  for (const key of keys) paged = paged.orderBy(key.expression, order);
  const rows = (await paged
    .select(keys.map((key, index) => keyText(key).as(keyAlias(index))))
    .limit(query.limit + 1)
    .execute()) as Array<R & Record<string, unknown>>;
  const kept = rows.slice(0, query.limit);
  const last = kept.at(-1);
  const nextCursor =
    rows.length > query.limit && last !== undefined
      ? encodeCursor({ sort, order, after: keys.map((_, index) => String(last[keyAlias(index)])) })
      : null;
  return { items: await toRecords(kept), nextCursor };
}
