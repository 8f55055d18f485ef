/**
 * First-start gazetteer load into the city table, against its floor: a plain COPY of the same rows
 * into the same freshly migrated table on the same engine. PGlite always; the PostgreSQL server too
 * when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set. Run: npx tsx bench/gazetteer-load.bench.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGLITE_EXTENSIONS } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { openRegistry } from '../src/commands/open-registry.ts';
import { readConfig } from '../src/config.ts';
import { testEngines } from '../src/db/test-database.ts';
import { loadGazetteer } from '../src/gazetteer/index.ts';
import { loadGazetteerIntoDatabase } from '../src/modules/cities/city.loader.ts';
import { CopyFromStdin } from './gazetteer-load.copy.ts';
import { CITY_CSV_COLUMNS, cityCsvLine } from './gazetteer-load.csv.ts';

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const engines = testEngines({ TEST_DATABASE_URL: serverUrl });

let started = performance.now();
const gazetteer = loadGazetteer();
console.log(`gazetteer artifact read: ${gazetteer.size} places in ${seconds(performance.now() - started)} s`);
started = performance.now();
const csv = Array.from(gazetteer.all(), cityCsvLine).join('');
console.log(`CSV of the same rows built in ${seconds(performance.now() - started)} s (${csv.length} chars)`);
const copySql = `COPY city (${CITY_CSV_COLUMNS.join(', ')}) FROM STDIN WITH (FORMAT csv)`;

/** The floor on PGlite: a fresh migrated database, then COPY from a blob (PGlite's way in). */
async function copyOnPglite(): Promise<number> {
  const pglite = await PGlite.create('memory://', { extensions: PGLITE_EXTENSIONS });
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 });
  const db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  await migrateToLatest(db);
  await db.destroy();
  const started = performance.now();
  await pglite.query(copySql.replace('STDIN', `'/dev/blob'`), [], { blob: new Blob([csv]) });
  const elapsed = performance.now() - started;
  const { rows } = await pglite.query<{ n: number }>('SELECT count(*)::int AS n FROM city');
  await pglite.close();
  if (rows[0]?.n !== gazetteer.size) throw new Error(`COPY loaded ${rows[0]?.n} rows`);
  return elapsed;
}

/** The floor on a server: a fresh migrated database, then COPY FROM STDIN over one connection. */
async function copyOnServer(): Promise<number> {
  const handle = await engines[1]!.open();
  const url = new URL(serverUrl!);
  const { database } = (await handle.db
    .selectNoFrom((eb) => eb.fn<string>('current_database').as('database'))
    .executeTakeFirstOrThrow()) as { database: string };
  url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const started = performance.now();
  const result = await (client.query(new CopyFromStdin(copySql, csv) as never) as unknown as Promise<{
    rowCount: number;
  }>);
  const elapsed = performance.now() - started;
  await client.end();
  await handle.close();
  if (result.rowCount !== gazetteer.size) throw new Error(`COPY loaded ${result.rowCount} rows`);
  return elapsed;
}

// The machine is shared: each side is measured RUNS times, alternating, and the best time counts.
const RUNS = Number(process.env.BENCH_RUNS ?? 2);
for (const { engine, open } of engines) {
  let load = Infinity;
  let floor = Infinity;
  let loaded = 0;
  for (let run = 0; run < RUNS; run++) {
    const handle = await open();
    started = performance.now();
    loaded = await loadGazetteerIntoDatabase(handle.db, gazetteer);
    load = Math.min(load, performance.now() - started);
    await handle.close();
    floor = Math.min(floor, engine === 'pglite' ? await copyOnPglite() : await copyOnServer());
  }
  console.log(
    `${engine}: loader ${seconds(load)} s for ${loaded} places; COPY floor ${seconds(floor)} s; ` +
      `ratio ${(load / floor).toFixed(2)}× (best of ${RUNS})`,
  );
}

// What a user waits for: the first start on a fresh data directory on disk, migrations included.
const dataDir = mkdtempSync(path.join(tmpdir(), 'pobratim-bench-'));
started = performance.now();
const registry = await openRegistry(readConfig({ DATA_DIR: dataDir }), {
  purpose: 'gazetteer-load benchmark',
});
const firstStart = performance.now() - started;
await registry.close();
started = performance.now();
await (await openRegistry(readConfig({ DATA_DIR: dataDir }), { purpose: 'bench' })).close();
const laterStart = performance.now() - started;
rmSync(dataDir, { recursive: true, force: true });
console.log(
  `pglite on disk: first start ${seconds(firstStart)} s (goal < 60 s), later start ${seconds(laterStart)} s`,
);
