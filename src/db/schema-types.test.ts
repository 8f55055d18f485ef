import path from 'node:path';
import { sql } from 'kysely';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './connect.ts';
import { testEngines } from './test-database.ts';

/** What a column holds, in the words both sides can be put into. */
type Kind = 'number' | 'string' | 'boolean' | 'timestamp' | 'array' | 'json' | 'bytes';

interface ColumnFacts {
  kind: Kind;
  nullable: boolean;
  /** The database writes it itself (GENERATED ALWAYS): the code must never write it. */
  computed: boolean;
  /** An insert may leave it out: it has a default, is an identity, or may be null. */
  optionalOnInsert: boolean;
}

type Schema = Record<string, Record<string, ColumnFacts>>;

/** The migrations' own bookkeeping, which the application reaches only through Kysely's migrator. */
const MIGRATOR_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

const PG_KINDS: Record<string, Kind> = {
  integer: 'number',
  bigint: 'number',
  smallint: 'number',
  numeric: 'number',
  real: 'number',
  'double precision': 'number',
  text: 'string',
  'character varying': 'string',
  character: 'string',
  date: 'string',
  'time without time zone': 'string',
  tsvector: 'string',
  uuid: 'string',
  inet: 'string',
  'timestamp with time zone': 'timestamp',
  'timestamp without time zone': 'timestamp',
  boolean: 'boolean',
  ARRAY: 'array',
  json: 'json',
  jsonb: 'json',
  bytea: 'bytes',
};

/** The schema as the migrations left it, read from information_schema. */
async function migratedSchema(database: DatabaseHandle): Promise<Schema> {
  const { rows } = await sql<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_nullable: 'YES' | 'NO';
    column_default: string | null;
    is_identity: 'YES' | 'NO';
    is_generated: 'ALWAYS' | 'NEVER';
  }>`
    SELECT table_name, column_name, data_type, is_nullable, column_default, is_identity, is_generated
    FROM information_schema.columns
    WHERE table_schema = 'public'
      AND table_name IN (SELECT table_name FROM information_schema.tables
                         WHERE table_schema = 'public' AND table_type = 'BASE TABLE')
    ORDER BY table_name, ordinal_position
  `.execute(database.db);
  const schema: Schema = {};
  for (const row of rows) {
    if (MIGRATOR_TABLES.has(row.table_name)) continue;
    const kind = PG_KINDS[row.data_type];
    if (!kind) throw new Error(`${row.table_name}.${row.column_name}: no kind for ${row.data_type}`);
    const nullable = row.is_nullable === 'YES';
    const computed = row.is_generated === 'ALWAYS';
    (schema[row.table_name] ??= {})[row.column_name] = {
      kind,
      nullable,
      computed,
      optionalOnInsert: computed || nullable || row.column_default !== null || row.is_identity === 'YES',
    };
  }
  return schema;
}

/**
 * The schema as `src/db/database.ts` declares it, read by the TypeScript compiler: each table's
 * columns as Kysely's `Selectable` (what a select returns) and `Insertable` (what an insert takes)
 * make them of the `Database` interface.
 */
function declaredSchema(): Schema {
  const root = path.resolve(import.meta.dirname, '../..');
  const probe = path.join(root, 'src/db/__schema_probe__.ts');
  const probeText = [
    "import type { Insertable, Selectable, Updateable } from 'kysely';",
    "import type { Database } from './database.ts';",
    'export type Selected = { [K in keyof Database]-?: Selectable<Database[K]> };',
    'export type Inserted = { [K in keyof Database]-?: Insertable<Database[K]> };',
    'export type Updated = { [K in keyof Database]-?: Updateable<Database[K]> };',
  ].join('\n');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    allowImportingTsExtensions: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    skipLibCheck: true,
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (name) => (path.resolve(name) === probe ? probeText : readFile(name));
  host.fileExists = (name) => path.resolve(name) === probe || fileExists(name);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language) =>
    path.resolve(name) === probe
      ? ts.createSourceFile(name, probeText, language)
      : getSourceFile(name, language);
  const program = ts.createProgram([probe], options, host);
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(probe)!;
  const exported = (name: string) => {
    const symbol = checker
      .getExportsOfModule(checker.getSymbolAtLocation(source)!)
      .find((s) => s.name === name)!;
    return checker.getDeclaredTypeOfSymbol(symbol);
  };
  const [selected, inserted, updated] = [exported('Selected'), exported('Inserted'), exported('Updated')];
  const member = (type: ts.Type, name: string) => {
    const symbol = type.getProperty(name);
    return symbol ? checker.getTypeOfSymbol(symbol) : undefined;
  };

  const kindOf = (type: ts.Type, where: string): Kind => {
    const parts = (type.isUnion() ? type.types : [type]).filter(
      (part) => !(part.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)),
    );
    const kinds = new Set<Kind>();
    for (const part of parts) {
      if (part.flags & ts.TypeFlags.NumberLike) kinds.add('number');
      else if (part.flags & ts.TypeFlags.StringLike) kinds.add('string');
      else if (part.flags & ts.TypeFlags.BooleanLike) kinds.add('boolean');
      else if (checker.isArrayType(part)) kinds.add('array');
      else if (checker.typeToString(part) === 'Date') kinds.add('timestamp');
      else if (['Buffer', 'Uint8Array'].includes(part.symbol?.name ?? '')) kinds.add('bytes');
      else kinds.add('json');
    }
    if (kinds.size !== 1) throw new Error(`${where}: ${checker.typeToString(type)} is not one kind`);
    return [...kinds][0]!;
  };

  const schema: Schema = {};
  for (const table of selected.getProperties()) {
    const columns = checker.getTypeOfSymbol(table);
    const insertable = member(inserted, table.name)!;
    const updateable = member(updated, table.name)!;
    for (const column of columns.getProperties()) {
      const type = checker.getTypeOfSymbol(column);
      const where = `${table.name}.${column.name}`;
      // `unknown` (a JSON column read as whatever it holds) admits null as well.
      const nullable =
        (type.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any)) !== 0 ||
        (type.isUnion() && type.types.some((part) => part.flags & ts.TypeFlags.Null));
      const onInsert = insertable.getProperty(column.name);
      (schema[table.name] ??= {})[column.name] = {
        kind: kindOf(type, where),
        nullable,
        computed: !onInsert && !updateable.getProperty(column.name),
        optionalOnInsert: !onInsert || (onInsert.flags & ts.SymbolFlags.Optional) !== 0,
      };
    }
  }
  return schema;
}

let declaredOnce: Schema | undefined;

for (const engine of testEngines()) {
  describe(`src/db/database.ts against the migrated schema on ${engine.engine}`, () => {
    let database: DatabaseHandle;
    let migrated: Schema;
    let declared: Schema;
    beforeAll(async () => {
      database = await engine.open();
      migrated = await migratedSchema(database);
      // The code's side is the same for every engine: compiled once.
      declared = declaredOnce ??= declaredSchema();
    }, 120_000);
    afterAll(async () => {
      await database?.close();
    });

    it('declares every table and column the migrations make, and no other', () => {
      const names = (schema: Schema) =>
        Object.entries(schema)
          .flatMap(([table, columns]) => Object.keys(columns).map((column) => `${table}.${column}`))
          .sort();
      expect(names(declared)).toEqual(names(migrated));
    });

    it('gives each column the kind of value and the nullability the database has', () => {
      const differences: string[] = [];
      for (const [table, columns] of Object.entries(migrated)) {
        for (const [column, facts] of Object.entries(columns)) {
          const typed = declared[table]?.[column];
          if (!typed) continue;
          if (typed.kind !== facts.kind)
            differences.push(`${table}.${column}: ${typed.kind} in code, ${facts.kind} in the database`);
          // A computed column is nullable to information_schema unless declared NOT NULL; whether its
          // expression can give null is the expression's, so the code's word is taken there.
          if (typed.nullable !== facts.nullable && !facts.computed) {
            differences.push(
              `${table}.${column}: ${typed.nullable ? '' : 'not '}nullable in code, ${facts.nullable ? '' : 'not '}in the database`,
            );
          }
        }
      }
      expect(differences).toEqual([]);
    });

    it('lets the code leave out on insert only what the database fills, and never write a computed column', () => {
      const differences: string[] = [];
      for (const [table, columns] of Object.entries(migrated)) {
        for (const [column, facts] of Object.entries(columns)) {
          const typed = declared[table]?.[column];
          if (!typed) continue;
          // Optional in code but required by the database: an insert that compiles would fail.
          if (typed.optionalOnInsert && !facts.optionalOnInsert)
            differences.push(`${table}.${column}: may be left out in code, required by the database`);
          if (facts.computed && !typed.computed)
            differences.push(`${table}.${column}: computed by the database, writable in code`);
        }
      }
      expect(differences).toEqual([]);
    });
  });
}
