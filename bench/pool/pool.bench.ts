/**
 * The server answering while large press releases are imported: GET /api/health and a list route
 * (GET /api/organizations), their p99 latency idle and while N imports of large texts run, measured
 * in the same server process, for the server with its worker pool (the default) against the same
 * build with the pool turned off (WORKER_THREADS=0: extraction inline on the request thread, as
 * before), both in one run.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test \
 *     npx tsx bench/pool/pool.bench.ts [--imports 10] [--chars 1000000] [--duration 10]
 *
 * The compiled server (`node bin/pobratim.mjs serve`, dist/ built first) runs in a child process on
 * a database of its own on the PostgreSQL server (created, migrated and dropped here). The texts
 * are press releases of this benchmark's own sentences (bench/api/texts.ts), each made unique, so
 * each import is a new document. autocannon asks each route with 2 connections for `--duration`
 * seconds idle, then again from the moment the imports are sent.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase } from '../../src/db/connect.ts';
import { insertTestAccounts } from '../../src/server/test-accounts.ts';
import { benchArgs } from '../args.ts';
import { releaseBody, seededRandom, type ReleaseFacts } from '../api/texts.ts';
import { freePort, runCommand } from '../startup.measure.ts';

const args = benchArgs(['server', ...process.argv.slice(2)]);
const imports = args.option('--imports', 10);
const chars = args.option('--chars', 1_000_000);
const duration = args.option('--duration', 10);
const serverUrl = process.env.BENCH_DATABASE_URL;
if (!serverUrl) throw new Error('BENCH_DATABASE_URL: a PostgreSQL server to make the database on');

const CITIES = ['Кузнецка', 'Барановичей', 'Пензы', 'Бреста', 'Гродно', 'Твери', 'Орла', 'Калуги'];
const HEADS = ['Ильи Соколова', 'Анны Морозовой', 'Петра Лебедева', 'Ольги Васильевой'];

/** A press release of about `length` characters: paragraphs of the benchmark's own sentences. */
function largeRelease(n: number, length: number): string {
  const random = seededRandom(1000 + n);
  const paragraphs = [`Сводка № ${n} за ${2020 + (n % 6)} год.`];
  let size = paragraphs[0]!.length;
  while (size < length) {
    const facts: ReleaseFacts = {
      from: CITIES[Math.floor(random() * CITIES.length)]!,
      to: CITIES[Math.floor(random() * CITIES.length)]!,
      head: HEADS[Math.floor(random() * HEADS.length)]!,
      position: 'глава администрации',
      organization: `гимназию № ${1 + Math.floor(random() * 30)}`,
      year: 2020 + Math.floor(random() * 6),
      day: 1 + Math.floor(random() * 28),
    };
    const paragraph = releaseBody(random, facts);
    paragraphs.push(paragraph);
    size += paragraph.length + 1;
  }
  return paragraphs.join('\n').slice(0, length);
}

interface Latency {
  p50: number;
  p99: number;
  requests: number;
  errors: number;
}

async function measure(url: string, token: string, seconds: number): Promise<Latency> {
  const result = await autocannon({
    url,
    connections: 2,
    duration: seconds,
    headers: { authorization: `Bearer ${token}` },
  });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

/** Starts `pobratim serve` and resolves with its base URL once /api/health answers. */
async function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn('node', ['bin/pobratim.mjs', 'serve', '--port', String(port)], {
    env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error('the server exited before it was ready');
    const ok = await fetch(`${base}/api/health`)
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) return { child, base };
    if (performance.now() - started > 300_000) throw new Error('the server was not ready in 300 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function importAll(base: string, token: string, texts: string[]) {
  const started = performance.now();
  const statuses = await Promise.all(
    texts.map((text) =>
      fetch(`${base}/api/documents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ text, publishedOn: '2025-06-01' }),
      }).then(async (response) => {
        await response.arrayBuffer();
        return response.status;
      }),
    ),
  );
  return { seconds: (performance.now() - started) / 1000, statuses };
}

runCommand('node', ['scripts/build-server.mjs', '--if-stale']);
const name = `pobratim_bench_pool_${process.pid}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const env = { DATABASE_URL: url.toString(), DATA_DIR: '/nonexistent' };
const rows: string[] = [];
try {
  runCommand('node', ['bin/pobratim.mjs', 'migrate'], { ...process.env, ...env });
  const database = await openDatabase({ databaseUrl: url.toString() });
  const tokens = await insertTestAccounts(database.db, [['bench', 'admin', null, null]]);
  const city = await database.db.selectFrom('city').select('id').limit(1).executeTakeFirstOrThrow();
  await database.db
    .insertInto('organization')
    .values(
      Array.from({ length: 200 }, (_, i) => ({
        city_id: city.id,
        name: `Гимназия № ${i + 1}`,
        kind: 'gymnasium',
      })),
    )
    .execute();
  await database.close();
  const token = tokens.bench!;
  const loads: number[] = [];

  for (const mode of [
    { label: 'pool off (WORKER_THREADS=0, inline)', threads: '0' },
    { label: 'pool on (default: a thread per core)', threads: '' },
  ]) {
    const { child, base } = await startServer({ ...env, WORKER_THREADS: mode.threads });
    try {
      // Warm: the extractor's dictionaries loaded (on the threads, or inline), the routes compiled.
      await importAll(base, token, [largeRelease(-1, 2_000)]);
      const health = `${base}/api/health`;
      const list = `${base}/api/organizations?limit=50`;
      const [idleHealth, idleList] = await Promise.all([
        measure(health, token, duration),
        measure(list, token, duration),
      ]);
      const texts = Array.from({ length: imports }, (_, n) =>
        largeRelease(n + (mode.threads ? 100 : 0), chars),
      );
      loads.push(loadavg()[0]!);
      const importing = importAll(base, token, texts);
      const [busyHealth, busyList] = await Promise.all([
        measure(health, token, duration),
        measure(list, token, duration),
      ]);
      const done = await importing;
      loads.push(loadavg()[0]!);
      const ratio = (busy: Latency, idle: Latency) => (busy.p99 / Math.max(1, idle.p99)).toFixed(1);
      const statuses = [...new Set(done.statuses)].map(
        (s) => `${s}×${done.statuses.filter((x) => x === s).length}`,
      );
      rows.push(
        `| ${mode.label} | ${idleHealth.p99} / ${busyHealth.p99} ms | **${ratio(busyHealth, idleHealth)}×** | ` +
          `${idleList.p99} / ${busyList.p99} ms | **${ratio(busyList, idleList)}×** | ` +
          `${busyHealth.requests} / ${idleHealth.requests} | ${done.seconds.toFixed(1)} s (${statuses.join(', ')}) |`,
      );
      console.error(rows.at(-1), { idleHealth, busyHealth, idleList, busyList });
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }
  console.log(`
${imports} imports of ${chars.toLocaleString('en')} characters each, autocannon ${duration} s per phase, 2 connections per route; load average (1 min) ${loads.map((l) => l.toFixed(1)).join(', ')}

| server | health p99, idle / importing | ratio | list p99, idle / importing | ratio | health requests, importing / idle | the imports took |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}`);
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
