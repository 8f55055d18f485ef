import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import { migrateTo, migrateToLatest } from '../../db/migrate.ts';
import { AppError } from '../../errors.ts';

/**
 * A backup of the whole installation (records, accounts, sessions, the audit trail, documents,
 * settings, the gazetteer as it stands) as JSON lines: a header naming the schema's migration, then
 * each table's rows in chunks, then a closing line with the counts. A logical dump of our own
 * tables rather than pg_dump: the embedded engine has no pg_dump, the server's may be another
 * major version than the client's, and one format restores on either engine. Written in one
 * REPEATABLE READ READ ONLY transaction, so it is one consistent moment while the server works on.
 */
export const BACKUP_FORMAT = 'pobratim-backup';
const FORMAT_VERSION = 1;
/** Rows per line: large enough to be quick, small enough to stay a few megabytes per line. */
const CHUNK_ROWS = 5_000;
/** Kysely's own bookkeeping: the header names the migration instead. */
const SKIPPED_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

interface Header {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  migration: string;
  takenAt: string;
  tables: string[];
}
interface Chunk {
  table: string;
  rows: Record<string, unknown>[];
}
interface Footer {
  end: true;
  counts: Record<string, number>;
}

interface TableShape {
  name: string;
  /** The columns a backup holds and a restore writes (not the computed ones). */
  columns: string[];
  /** The primary key's columns, the order rows are written in. */
  key: string[];
}

/** The application's tables, each after those it refers to (so a restore meets no missing reference). */
async function tablesInOrder(db: Kysely<Database> | Transaction<Database>): Promise<TableShape[]> {
  const { rows: columns } = await sql<{ table_name: string; column_name: string }>`
    SELECT c.table_name, c.column_name FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.is_generated = 'NEVER'
    ORDER BY c.table_name, c.ordinal_position
  `.execute(db);
  const { rows: keys } = await sql<{ table_name: string; column_name: string }>`
    SELECT cl.relname AS table_name, a.attname AS column_name
    FROM pg_index i JOIN pg_class cl ON cl.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = cl.relnamespace AND n.nspname = 'public'
    JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position) ON true
    JOIN pg_attribute a ON a.attrelid = cl.oid AND a.attnum = k.attnum
    WHERE i.indisprimary ORDER BY cl.relname, k.position
  `.execute(db);
  const { rows: references } = await sql<{ from_table: string; to_table: string }>`
    SELECT DISTINCT f.relname AS from_table, t.relname AS to_table FROM pg_constraint c
    JOIN pg_class f ON f.oid = c.conrelid JOIN pg_class t ON t.oid = c.confrelid
    JOIN pg_namespace n ON n.oid = f.relnamespace AND n.nspname = 'public'
    WHERE c.contype = 'f' AND f.relname <> t.relname
  `.execute(db);
  const shapes = new Map<string, TableShape>();
  for (const { table_name, column_name } of columns) {
    if (SKIPPED_TABLES.has(table_name)) continue;
    let shape = shapes.get(table_name);
    if (!shape) shapes.set(table_name, (shape = { name: table_name, columns: [], key: [] }));
    shape.columns.push(column_name);
  }
  for (const { table_name, column_name } of keys) shapes.get(table_name)?.key.push(column_name);
  // Depth-first: a table goes out once every table it refers to has.
  const ordered: TableShape[] = [];
  const placed = new Set<string>();
  const place = (name: string, path: Set<string>) => {
    if (placed.has(name) || path.has(name) || !shapes.has(name)) return;
    path.add(name);
    for (const reference of references) if (reference.from_table === name) place(reference.to_table, path);
    placed.add(name);
    ordered.push(shapes.get(name)!);
  };
  for (const name of [...shapes.keys()].sort()) place(name, new Set());
  return ordered;
}

async function latestMigration(db: Kysely<Database> | Transaction<Database>): Promise<string> {
  const { rows } = await sql<{
    name: string;
  }>`SELECT name FROM kysely_migration ORDER BY name DESC LIMIT 1`.execute(db);
  if (!rows[0]) throw new Error('The database has no migrations applied: nothing to back up.');
  return rows[0].name;
}

const ident = (name: string) => sql.id(name);

/** Writes the backup to `out` (JSON lines; compress it on the way), returns the rows per table. */
export async function writeBackup(db: Kysely<Database>, out: Writable): Promise<Record<string, number>> {
  const write = (line: Header | Footer | string) =>
    new Promise<void>((resolve, reject) => {
      const text = typeof line === 'string' ? line : JSON.stringify(line);
      out.write(`${text}\n`, (error) => (error ? reject(error) : resolve()));
    });
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      await sql`SET TRANSACTION READ ONLY`.execute(trx);
      const tables = await tablesInOrder(trx);
      await write({
        format: BACKUP_FORMAT,
        formatVersion: FORMAT_VERSION,
        migration: await latestMigration(trx),
        takenAt: new Date().toISOString(),
        tables: tables.map((table) => table.name),
      });
      const counts: Record<string, number> = {};
      for (const table of tables) {
        const columns = sql.join(table.columns.map(ident));
        const order = table.key.length > 0 ? sql.join(table.key.map(ident)) : sql`1`;
        let written = 0;
        for (let offset = 0; ; offset += CHUNK_ROWS) {
          // The rows as PostgreSQL writes them in JSON (bytea as hex, dates as ISO text), never parsed here.
          const { rows } = await sql<{ count: number; rows: string }>`
            SELECT count(*) AS count, coalesce(json_agg(row_to_json(r)), '[]')::text AS rows
            FROM (SELECT ${columns} FROM ${ident(table.name)} ORDER BY ${order} LIMIT ${CHUNK_ROWS} OFFSET ${offset}) r
          `.execute(trx);
          const { count, rows: json } = rows[0]!;
          if (count === 0) break;
          written += count;
          await write(`{"table":${JSON.stringify(table.name)},"rows":${json}}`);
          if (count < CHUNK_ROWS) break;
        }
        counts[table.name] = written;
      }
      await write({ end: true, counts });
      return counts;
    });
}

/** Whether the installation holds records of its users (a restore would replace them). */
export async function holdsRecords(db: Kysely<Database>): Promise<boolean> {
  const { rows } = await sql<{ held: boolean }>`
    SELECT EXISTS (SELECT 1 FROM organization) OR EXISTS (SELECT 1 FROM person) OR EXISTS (SELECT 1 FROM visit)
      OR EXISTS (SELECT 1 FROM agreement) OR EXISTS (SELECT 1 FROM event) OR EXISTS (SELECT 1 FROM document)
      OR EXISTS (SELECT 1 FROM project) OR EXISTS (SELECT 1 FROM twinning) AS held
  `.execute(db);
  return rows[0]?.held ?? false;
}

const refused = (message: string) => new AppError('validation_failed', message);

/**
 * Replaces everything in the installation with a backup's content (JSON lines from `input`). A
 * backup of an earlier schema is restored into that schema and then migrated forward, so the
 * migrations' own data changes apply to it as to any upgrade; a backup of a newer version is
 * refused. The replacement is one transaction: a damaged file leaves what was there.
 */
export async function restoreBackup(db: Kysely<Database>, input: Readable): Promise<Record<string, number>> {
  const lines = createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
  const first = await lines.next();
  let header: Header;
  try {
    header = JSON.parse(first.done ? '' : first.value) as Header;
  } catch {
    throw refused('Not a Pobratim backup: its first line is not the backup header.');
  }
  if (header.format !== BACKUP_FORMAT)
    throw refused('Not a Pobratim backup: its header names another format.');
  if (header.formatVersion > FORMAT_VERSION) {
    throw refused(`The backup's format version ${header.formatVersion} is newer than this Pobratim reads.`);
  }
  const current = await latestMigration(db);
  if (header.migration > current) {
    throw refused(
      `The backup was made by a newer Pobratim (schema ${header.migration}; this one has ${current}).`,
    );
  }
  if (header.migration < current) await migrateTo(db, header.migration);
  try {
    return await replaceRows(db, lines);
  } finally {
    // Forward again, with the backup's rows or, when the restore failed, with what was there.
    await migrateToLatest(db);
  }
}

async function replaceRows(
  db: Kysely<Database>,
  lines: AsyncIterator<string>,
): Promise<Record<string, number>> {
  return db.transaction().execute(async (trx) => {
    const tables = new Map((await tablesInOrder(trx)).map((table) => [table.name, table]));
    const all = sql.join([...tables.keys()].map(ident));
    await sql`TRUNCATE ${all} RESTART IDENTITY CASCADE`.execute(trx);
    const restored: Record<string, number> = {};
    let footer: Footer | undefined;
    for (let line = await lines.next(); !line.done; line = await lines.next()) {
      if (line.value.trim() === '') continue;
      const parsed = JSON.parse(line.value) as Chunk | Footer;
      if ('end' in parsed) {
        footer = parsed;
        break;
      }
      const table = tables.get(parsed.table);
      if (!table) throw refused(`The backup holds a table this schema does not have: ${parsed.table}.`);
      const columns = sql.join(table.columns.map(ident));
      await sql`
        INSERT INTO ${ident(table.name)} (${columns}) OVERRIDING SYSTEM VALUE
        SELECT ${columns} FROM json_populate_recordset(null::${ident(table.name)}, ${JSON.stringify(parsed.rows)}::json)
      `.execute(trx);
      restored[table.name] = (restored[table.name] ?? 0) + parsed.rows.length;
    }
    if (!footer) throw refused('The backup ends early: its closing line is missing (an interrupted copy?).');
    for (const [name, count] of Object.entries(footer.counts)) {
      if ((restored[name] ?? 0) !== count) {
        throw refused(
          `The backup is damaged: ${name} should hold ${count} rows, ${restored[name] ?? 0} were read.`,
        );
      }
    }
    // Identity and serial columns go on after the highest id restored.
    const { rows: sequences } = await sql<{ table_name: string; column_name: string; sequence: string }>`
      SELECT c.table_name, c.column_name, pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) AS sequence
      FROM information_schema.columns c
      WHERE c.table_schema = 'public' AND pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) IS NOT NULL
    `.execute(trx);
    for (const { table_name, column_name, sequence } of sequences) {
      if (!tables.has(table_name)) continue;
      await sql`
        SELECT setval(${sequence}, coalesce((SELECT max(${ident(column_name)}) FROM ${ident(table_name)}), 0) + 1, false)
      `.execute(trx);
    }
    return restored;
  });
}
