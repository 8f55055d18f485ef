import type { z } from 'zod';
import type { Expression, Kysely, SqlBool } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Actor, AuditedRecordType } from './audit.schema.ts';
import type { Page } from './cursor-page.ts';
import type { Scope } from '../auth/policy.ts';

type Db = Kysely<Database>;

// What a kind of record is, apart from HTTP: each <kind>.record.ts of src/modules defines one, the
// routes serve it (src/routes/record-routes.ts), the exports list it (src/reports/exports).
/** How one kind of record is kept and served: its schemas, its service functions and where it belongs. */
export interface RecordRoutesDefinition<T extends { id: number; version: number }> {
  /** URL segment under /api, e.g. "visits". */
  path: string;
  /** The record's name in messages, e.g. "Visit". */
  what: string;
  recordType: AuditedRecordType;
  schemas: { record: z.ZodType; create: z.ZodType; update: z.ZodType; list: z.ZodType };
  find(db: Db, id: number): Promise<T | undefined>;
  /** A page of the list; `restrict` (from `readableRows`) keeps the rows the asker may read. */
  list(db: Db, query: unknown, restrict?: Expression<SqlBool>): Promise<Page<T>>;
  create(db: Db, actor: Actor, input: unknown): Promise<T>;
  update(db: Db, actor: Actor, id: number, input: unknown): Promise<T>;
  remove(db: Db, actor: Actor, id: number, version: number): Promise<void>;
  /** Where a stored record belongs. */
  scopeOf(db: Db, record: T): Promise<Scope>;
  /**
   * Where a record would belong with these (create or update) values, as a new record would: its
   * places only, never the stored record's own; `undefined` fields keep the stored ones.
   */
  scopeOfInput(db: Db, input: Record<string, unknown>, stored?: T): Promise<Scope>;
  /** The record as the public sees it, when that is less than a signed-in reader sees (no people). */
  forPublic?(record: T): T;
}
