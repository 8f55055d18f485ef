/**
 * PGlite against the PostgreSQL server on the same workloads, in one process, on freshly migrated
 * databases: the ratio of their times is what is recorded (absolute times drift on a shared machine).
 * Run: BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/engines.bench.ts
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/db/database.ts';
import { testEngines } from '../src/db/test-database.ts';

const CITIES = 5_000;
const ROUNDS = 3;

const workloads: Array<{ name: string; run: (db: Kysely<Database>) => Promise<unknown> }> = [
  {
    name: `insert ${CITIES} cities (batches of 500, one transaction)`,
    run: (db) =>
      db.transaction().execute(async (trx) => {
        await trx.deleteFrom('organization').execute();
        await trx.deleteFrom('city').execute();
        for (let start = 0; start < CITIES; start += 500) {
          const rows = Array.from({ length: 500 }, (_, k) => {
            const n = start + k;
            return { id: n + 1, name_en: `Town ${n}`, name_ru: `Город ${n} Кузнецк${n % 97}`, country: 'RU' };
          });
          await trx.insertInto('city').values(rows).execute();
        }
      }),
  },
  {
    name: '1,000 look-ups by primary key',
    run: async (db) => {
      for (let i = 0; i < 1_000; i++) {
        await db
          .selectFrom('city')
          .selectAll()
          .where('id', '=', ((i * 37) % CITIES) + 1)
          .executeTakeFirst();
      }
    },
  },
  {
    name: '100 fuzzy name searches (pg_trgm similarity, top 10)',
    run: async (db) => {
      for (let i = 0; i < 100; i++) {
        await sql`SELECT id FROM city WHERE name_key(coalesce(name_ru, '') || ' ' || name_en) % ${`кузнецк${i % 97}`}
          ORDER BY similarity(name_key(coalesce(name_ru, '') || ' ' || name_en), ${`кузнецк${i % 97}`}) DESC LIMIT 10`.execute(
          db,
        );
      }
    },
  },
  {
    name: '1,000 organizations inserted one by one, then 200 Russian full-text searches',
    run: async (db) => {
      await db.deleteFrom('organization').execute();
      for (let i = 0; i < 1_000; i++) {
        const kind = ['гимназия', 'библиотечная система', 'краеведческий музей', 'средняя школа'][i % 4];
        await db
          .insertInto('organization')
          .values({ city_id: (i % CITIES) + 1, name: `${kind} № ${i}` })
          .execute();
      }
      for (let i = 0; i < 200; i++) {
        const query = ['библиотечной', 'гимназии', 'музеем', 'школе'][i % 4]!;
        await sql`SELECT id FROM organization WHERE search @@ plainto_tsquery('russian', ${query}) LIMIT 20`.execute(
          db,
        );
      }
    },
  },
];

async function main(): Promise<void> {
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (!serverUrl)
    throw new Error('Set BENCH_DATABASE_URL to a PostgreSQL server (the ratio needs both engines).');
  const engines = testEngines({ TEST_DATABASE_URL: serverUrl });
  const timings = new Map<string, Record<string, number>>();
  for (const engine of engines) {
    const handle = await engine.open();
    try {
      for (const workload of workloads) {
        let best = Infinity;
        for (let round = 0; round < ROUNDS; round++) {
          const started = performance.now();
          await workload.run(handle.db);
          best = Math.min(best, performance.now() - started);
        }
        timings.set(workload.name, { ...timings.get(workload.name), [engine.engine]: best });
      }
    } finally {
      await handle.close();
    }
  }
  console.log('| workload | PGlite, ms | PostgreSQL server, ms | PGlite / server |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const [name, times] of timings) {
    const pglite = times.pglite ?? NaN;
    const server = times.postgres ?? NaN;
    console.log(
      `| ${name} | ${pglite.toFixed(0)} | ${server.toFixed(0)} | ${(pglite / server).toFixed(2)} |`,
    );
  }
}

await main();
