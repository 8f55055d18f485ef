import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import type { Database } from './database.ts';

export type Engine = 'pglite' | 'postgres';

/** An open database: the Kysely instance, which engine is behind it, and how to close it. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  engine: Engine;
  close(): Promise<void>;
  /** The connection pool's use now (the metrics report it); absent for a handle made by hand. */
  connections?(): ConnectionUse;
}

/** A pool's connections: open, idle among them, the queries waiting for one, and the most it opens. */
export interface ConnectionUse {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

function connectionUse(pool: pg.Pool, max: number): () => ConnectionUse {
  return () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max });
}

export interface OpenOptions {
  /** A PostgreSQL server; when absent, the embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite's data directory; `memory://` keeps it in memory (tests). */
  dataDir?: string | undefined;
  /** What this process does, shown to a second process that finds the data directory locked. */
  purpose?: string;
}

/** Every PGlite open must load the same extensions, or writes touching their functions fail. */
export const PGLITE_EXTENSIONS = { btree_gist, pg_trgm, unaccent };

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

function typeOverrides(): pg.CustomTypesConfig {
  const types = new pg.TypeOverrides();
  // Dates stay calendar dates: a JS Date would shift them by the process's time zone.
  types.setTypeParser(DATE_OID, (value: string) => value);
  // count(*) and sums are int8/numeric; the registry's counts fit well within 2^53.
  types.setTypeParser(INT8_OID, (value: string) => Number(value));
  types.setTypeParser(NUMERIC_OID, (value: string) => Number(value));
  return types;
}

/** Opens the configured database: a PostgreSQL server when a URL is given, else the embedded PGlite. */
export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openServer(options.databaseUrl);
  return openEmbedded(options.dataDir ?? 'memory://', options.purpose ?? 'pobratim');
}

async function openServer(connectionString: string): Promise<DatabaseHandle> {
  // No JIT compilation: the application's statements are short, and the planner's cost of some (a
  // search with an editor's read filter: hashed subqueries over whole tables) passes the server's
  // threshold, so PostgreSQL compiled them on every run: 60 ms for an event search that runs in
  // 1.5 ms without. A URL's own `options` parameter takes precedence over this one.
  const pool = new pg.Pool({ connectionString, types: typeOverrides(), max: 10, options: '-c jit=off' });
  // An idle connection the server ends (a restart, an administrator, a dropped database) must not
  // crash the process: without a listener the pool's 'error' event is thrown. The pool opens a new
  // connection on next use.
  pool.on('error', (error) => console.warn(`database: an idle connection was closed: ${error.message}`));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', close: () => db.destroy(), connections: connectionUse(pool, 10) };
}

async function openEmbedded(dataDir: string, purpose: string): Promise<DatabaseHandle> {
  const inMemory = dataDir.startsWith('memory://');
  const release = inMemory ? () => {} : lockDataDir(dataDir, purpose);
  try {
    const pglite = await PGlite.create(inMemory ? dataDir : path.join(dataDir, 'pglite'), {
      extensions: PGLITE_EXTENSIONS,
    });
    // One connection: PGlite is a single backend, and the pool of one serializes transactions so
    // each runs alone and rolls back alone.
    const pool = new pg.Pool({ ...createPgConfig(pglite), types: typeOverrides(), max: 1 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    let closed = false;
    return {
      db,
      engine: 'pglite',
      connections: connectionUse(pool, 1),
      async close() {
        if (closed) return;
        closed = true;
        await db.destroy();
        // The pool does not own PGlite; left open, it keeps the process alive.
        await pglite.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
