import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle, type Engine } from './connect.ts';
import { migrateToLatest } from './migrate.ts';

/** An engine the tests run on, with a way to open a fresh, empty database on it. */
export interface TestEngine {
  engine: Engine;
  /** Opens a new, empty database; migrated to the latest schema unless `migrate` is false. */
  open(options?: { migrate?: boolean }): Promise<DatabaseHandle>;
  /**
   * The server engine only: opens one more connection pool to the database `handle` opened, as a
   * second server process of the same installation would (closed on its own; `handle` drops it).
   */
  openAlso?(handle: DatabaseHandle): Promise<DatabaseHandle>;
}

/**
 * PGlite always; the PostgreSQL server too when TEST_DATABASE_URL is set. On the server each open
 * creates a database of its own and drops it on close, so test files never see each other's rows.
 */
export function testEngines(env: NodeJS.ProcessEnv = process.env): TestEngine[] {
  const engines: TestEngine[] = [{ engine: 'pglite', open: (options) => openFresh(undefined, options) }];
  const serverUrl = env.TEST_DATABASE_URL;
  if (serverUrl) {
    engines.push({
      engine: 'postgres',
      open: (options) => openFresh(serverUrl, options),
      openAlso: async (handle) => {
        const url = databaseUrls.get(handle);
        if (!url) throw new Error('openAlso takes a database this engine opened');
        return openDatabase({ databaseUrl: url });
      },
    });
  }
  return engines;
}

/** The address of each database the server engine created, for `openAlso`. */
const databaseUrls = new WeakMap<DatabaseHandle, string>();

async function openFresh(
  serverUrl: string | undefined,
  options?: { migrate?: boolean },
): Promise<DatabaseHandle> {
  let handle: DatabaseHandle;
  if (!serverUrl) {
    handle = await openDatabase({ dataDir: 'memory://' });
  } else {
    const name = `pobratim_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const opened = await openDatabase({ databaseUrl: url.toString() });
    handle = {
      ...opened,
      async close() {
        await opened.close();
        await dropDatabase(serverUrl, name);
      },
    };
    databaseUrls.set(handle, url.toString());
  }
  if (options?.migrate !== false) await migrateToLatest(handle.db);
  return handle;
}

/**
 * Drops a test database once its connections have gone. The pool's connections may still be
 * finishing their goodbye when close() returns; forcing the drop then kills them mid-way and their
 * error surfaces as an uncaught exception, so the drop waits for them first and forces only after.
 */
async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name}`);
      return;
    } catch (error) {
      // 55006: the database is being accessed by other users.
      if ((error as { code?: string }).code !== '55006') throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
