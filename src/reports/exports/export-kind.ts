import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { everyPage } from '../../modules/audit/cursor-page.ts';
import { can, isAdministrator, readFilter, type Scope } from '../../modules/auth/policy.ts';
import type { Principal } from '../../modules/auth/principal.ts';
import type { RecordRoutesDefinition } from '../../modules/audit/record-definition.ts';
import { readableRows } from '../../modules/auth/record-scope.ts';
import { loadNames, type NameBook, type NameRefs } from './names.ts';
import type { CellValue, Sheet, SheetColumn } from './sheet.ts';

type Db = Kysely<Database>;

/** A column of an export: how it is shown, and its cell computed from a record and the names it refers to. */
export interface ExportColumn<T> extends SheetColumn {
  value(record: T, names: NameBook): CellValue;
}

/** A text column, `width` characters wide. */
export const text = <T>(header: string, width: number, value: ExportColumn<T>['value']): ExportColumn<T> => ({
  header,
  type: 'text',
  width,
  value,
});
/** A date column: the value is a `YYYY-MM-DD` date or null. */
export const date = <T>(header: string, value: ExportColumn<T>['value']): ExportColumn<T> => ({
  header,
  type: 'date',
  width: 12,
  value,
});
/** A number column. */
export const number = <T>(header: string, value: ExportColumn<T>['value']): ExportColumn<T> => ({
  header,
  type: 'number',
  width: 10,
  value,
});

/** The record's id, the first column of most exports. */
export const idColumn = <T extends { id: number }>(): ExportColumn<T> => number('ID', (record) => record.id);

/** The parts that are there, joined with commas: «Иванов, глава делегации». */
export const commaJoined = (...parts: Array<string | null | undefined>) =>
  parts.filter((part) => part).join(', ');

/** One list of the application as an export: its query, the records the asker may read, its columns. */
export interface ExportKind<T> {
  /** URL segment: /api/exports/<kind>.csv. */
  kind: string;
  /** Russian name of the list: the sheet's name and the file's. */
  title: string;
  /** The list's own query schema (the list route's querystring). */
  query: z.ZodType;
  /** Every record the query selects that the asker may read, every page of it. */
  collect(db: Db, principal: Principal, query: Record<string, unknown>): Promise<T[]>;
  /** The cities, organizations, persons and agreements a record names, to show by name. */
  refs(record: T): NameRefs;
  columns: Array<ExportColumn<T>>;
}

/** An export kind with its record type forgotten: what the routes iterate over. */
export interface SheetSource {
  kind: string;
  title: string;
  query: z.ZodType;
  sheet(db: Db, principal: Principal, query: Record<string, unknown>): Promise<Sheet>;
}

/** Builds the sheet of a kind: collects the records, loads the names they refer to, computes the cells. */
export function sheetSource<T>(kind: ExportKind<T>): SheetSource {
  return {
    kind: kind.kind,
    title: kind.title,
    query: kind.query,
    async sheet(db, principal, query) {
      const records = await kind.collect(db, principal, query);
      const names = await loadNames(db, records.map(kind.refs));
      return {
        name: kind.title,
        columns: kind.columns.map(({ header, type, width }) => ({ header, type, width })),
        rows: records.map((record) => kind.columns.map((column) => column.value(record, names))),
      };
    },
  };
}

/** Whether the asker may read a record of this scope (administrators without asking where it belongs). */
export async function mayRead(principal: Principal, scopeOf: () => Promise<Scope>): Promise<boolean> {
  return isAdministrator(principal) || can(principal, 'read', await scopeOf());
}

/** The collect of a record served by `recordRoutes`: its list service, its scope check. */
export function collectRecords<T extends { id: number; version: number }>(
  def: RecordRoutesDefinition<T>,
): ExportKind<T>['collect'] {
  return (db, principal, query) => {
    // The export's paging replaces the caller's: an export holds every page from the first.
    const { cursor: _cursor, limit: _limit, ...filters } = query;
    // The asker's scope is a condition of the list query, as on the list route.
    const restrict = readableRows(def.recordType, readFilter(principal));
    return everyPage(
      (page) => def.list(db, { ...filters, ...page }, restrict),
      async () => true,
    );
  };
}

/**
 * The export of a record served by `recordRoutes`: its list's query schema and its records (see
 * collectRecords), with the export's name, references and columns.
 */
export function recordExport<T extends { id: number; version: number }>(
  def: RecordRoutesDefinition<T>,
  kind: Omit<ExportKind<T>, 'query' | 'collect'>,
): ExportKind<T> {
  return { ...kind, query: def.schemas.list, collect: collectRecords(def) };
}
