/**
 * The API under load: the real application (buildApp, listening on a port) against the floor (a
 * minimal Fastify app running the same SQL through pg, floor.ts), on a generated registry of
 * 100,000 visits and 200,000 documents (generate.ts), with autocannon at 50 connections.
 *
 *   npx tsx bench/api/bench.ts [server|pglite|both] [--duration S] [--rounds N] [--visits N] [--documents N]
 *     [--cases list,details,search,search-1]
 *
 * Cases: a page of a city's visits of one year, a visit with its relations, and search. Each runs as
 * a city editor (the per-row permission checks run) and as the administrator, and on the floor; the
 * cases alternate within a round, so load from other jobs falls on all of them alike. The headline
 * is the ratio of our throughput to the floor's.
 */
import { loadavg } from 'node:os';
import { writeFileSync } from 'node:fs';
import autocannon from 'autocannon';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { buildApp } from '../../src/server/app.ts';
import { buildFloor, openFloorPool, profileSearches } from './floor.ts';
import { createAndFill, sizesFromArgs, type Generated } from './generate.ts';
import { benchArgs } from '../args.ts';

const { argv, engines, option } = benchArgs();
const DURATION = option('--duration', 10);
const ROUNDS = option('--rounds', 2);
const CONNECTIONS = 50;
const sizes = sizesFromArgs(argv);

type Case = 'list' | 'details' | 'search' | 'search-1';
/**
 * floor: the floor as the city editor; floor-a: the floor as the administrator (a search's SQL
 * differs: the editor's carries their read conditions); floor-w: the floor plus the application's
 * per-request UPDATE of the token's last use.
 */
type Who = 'editor' | 'admin' | 'floor' | 'floor-a' | 'floor-w';
/** What runs in each round: the case, its connections, and who serves it. */
const FULL_PLAN: { case: Case; connections: number; who: Who[] }[] = [
  { case: 'list', connections: CONNECTIONS, who: ['editor', 'admin', 'floor', 'floor-w'] },
  { case: 'details', connections: CONNECTIONS, who: ['editor', 'admin', 'floor'] },
  { case: 'search', connections: CONNECTIONS, who: ['editor', 'admin', 'floor', 'floor-a'] },
  // One user searching alone: the latency of a search itself, without 49 others queued before it.
  { case: 'search-1', connections: 1, who: ['editor', 'admin', 'floor', 'floor-a'] },
];
/** --cases list,search: only these cases (all four by default). */
const casesIndex = argv.indexOf('--cases');
const CASES = casesIndex >= 0 ? argv[casesIndex + 1]!.split(',') : FULL_PLAN.map((step) => step.case);
const PLAN = FULL_PLAN.filter((step) => CASES.includes(step.case));
if (PLAN.length === 0) throw new Error(`--cases: none of ${CASES.join(', ')} is a case`);
interface Measure {
  engine: string;
  round: number;
  case: Case;
  who: Who;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  load: number;
}

/** Searches: a word form (rare-ish, and common), a surname, a misspelt city, a phrase. */
const QUERIES = (generated: Generated) => [
  'библиотечной',
  'фестиваля',
  generated.surnames[0]!,
  'Баранавичы',
  'сотрудничество в сфере культуры',
];

/** The requests of each case, taken in turn: a few years of the home city, its latest visits, five searches. */
function pathsOf(generated: Generated): Record<Case, string[]> {
  const years = [2012, 2015, 2018, 2021, 2024];
  const search = QUERIES(generated).map((q) => `/api/search?q=${encodeURIComponent(q)}`);
  return {
    list: years.map((year) => `/api/visits?cityId=${generated.homeCityId}&year=${year}&limit=50`),
    details: generated.homeVisitIds.slice(-200).map((id) => `/api/visits/${id}/details`),
    search,
    'search-1': search,
  };
}

async function run(
  port: number,
  token: string,
  paths: string[],
  connections: number,
): Promise<autocannon.Result> {
  let next = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: DURATION,
    // A request PGlite has queued behind 49 others is slow, not lost: no resending it after 10 s.
    timeout: 60,
    headers: { authorization: `Bearer ${token}` },
    requests: [
      {
        setupRequest: (request) => {
          const path = paths[next++ % paths.length]!;
          return { ...request, path };
        },
      },
    ],
  });
  // autocannon stops at the deadline, but the server still works off the requests in flight (on
  // PGlite, a queue behind one connection, which one more request did not outwait): requests follow
  // one at a time until one is answered within 1.5 s, so the next case starts on an idle server.
  for (let attempt = 0; attempt < 120; attempt++) {
    const started = performance.now();
    await fetch(`http://127.0.0.1:${port}${paths[0]}`, { headers: { authorization: `Bearer ${token}` } });
    if (performance.now() - started < 1500) break;
  }
  return result;
}

async function listen(app: FastifyInstance): Promise<number> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** One request of each path to both apps: same status, and answers of the same size. */
async function probe(
  ourPort: number,
  floorPort: number,
  generated: Generated,
  paths: Record<Case, string[]>,
) {
  const get = async (port: number, path: string) => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      headers: { authorization: `Bearer ${generated.tokens.editor}` },
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown[]> };
  };
  const summary = (body: Record<string, unknown[]>) =>
    body.items
      ? `${body.items.length} visits`
      : body.groups
        ? (body.groups as { kind: string; hits: unknown[] }[])
            .map((g) => `${g.kind} ${g.hits.length}`)
            .join(', ')
        : `${(body.delegation ?? []).length} members, ${(body.program ?? []).length} program items, ${(body.agreementsSigned ?? []).length} agreements, ${(body.events ?? []).length} events, ${(body.sources ?? []).length} sources`;
  for (const path of [...paths.list.slice(0, 2), paths.details[0]!, ...paths.search]) {
    const [ours, floor] = [await get(ourPort, path), await get(floorPort, path)];
    if (ours.status !== 200 || floor.status !== 200)
      throw new Error(`${path}: ${ours.status} / ${floor.status}`);
    console.log(
      `  ${decodeURIComponent(path)}\n    ours:  ${summary(ours.body)}\n    floor: ${summary(floor.body)}`,
    );
  }
}

const measures: Measure[] = [];
function record(
  engine: string,
  round: number,
  kase: Case,
  who: Who,
  load: number,
  result: autocannon.Result,
) {
  const measure: Measure = {
    engine,
    round,
    case: kase,
    who,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    load,
  };
  measures.push(measure);
  console.log(
    `  round ${round} ${kase.padEnd(7)} ${who.padEnd(6)} ${measure.rps.toFixed(0).padStart(6)} req/s  p50 ${measure.p50} ms  p99 ${measure.p99} ms` +
      `${measure.non2xx || measure.errors ? `  (${measure.non2xx} non-2xx, ${measure.errors} errors)` : ''}  load ${load.toFixed(1)}`,
  );
}

async function benchServer(generated: Generated, handle: DatabaseHandle, location: string) {
  const app = await buildApp({ database: handle });
  const ourPort = await listen(app);
  const floorPool = await openFloorPool('postgres', location);
  const floor = buildFloor(floorPool.pool);
  const floorPort = await listen(floor);
  const floorW = buildFloor(floorPool.pool, { tokenWrite: true });
  const floorWPort = await listen(floorW);
  const paths = pathsOf(generated);
  await probe(ourPort, floorPort, generated, paths);
  console.log(
    [
      '  each search alone, ms (hits, at most 30):',
      ...(await profileSearches(floorPool.pool, QUERIES(generated))),
    ].join('\n  '),
  );
  for (let round = 1; round <= ROUNDS; round++) {
    for (const step of PLAN) {
      for (const who of step.who) {
        const load = loadavg()[0]!;
        const port =
          who === 'floor' || who === 'floor-a' ? floorPort : who === 'floor-w' ? floorWPort : ourPort;
        const token = who === 'admin' || who === 'floor-a' ? generated.tokens.admin : generated.tokens.editor;
        record(
          'postgres',
          round,
          step.case,
          who,
          load,
          await run(port, token, paths[step.case], step.connections),
        );
      }
    }
  }
  await app.close();
  await floor.close();
  await floorW.close();
  await floorPool.close();
}

/** PGlite has one backend per data directory: ours and the floor take turns opening it. */
async function benchPglite(
  generated: Generated,
  handle: DatabaseHandle,
  location: string,
  reopen: () => Promise<DatabaseHandle>,
) {
  const paths = pathsOf(generated);
  let current: DatabaseHandle | undefined = handle;
  for (let round = 1; round <= ROUNDS; round++) {
    current ??= await reopen();
    const app = await buildApp({ database: current });
    const ourPort = await listen(app);
    for (const step of PLAN) {
      for (const who of step.who.filter((w) => w === 'editor' || w === 'admin')) {
        const load = loadavg()[0]!;
        const token = who === 'admin' ? generated.tokens.admin : generated.tokens.editor;
        record(
          'pglite',
          round,
          step.case,
          who,
          load,
          await run(ourPort, token, paths[step.case], step.connections),
        );
      }
    }
    await app.close();
    await current.close();
    current = undefined;
    const floorPool = await openFloorPool('pglite', location);
    const floor = buildFloor(floorPool.pool);
    const floorPort = await listen(floor);
    const floorW = buildFloor(floorPool.pool, { tokenWrite: true });
    const floorWPort = await listen(floorW);
    if (round === 1) {
      console.log(
        [
          '  each search alone, ms (hits, at most 30):',
          ...(await profileSearches(floorPool.pool, QUERIES(generated))),
        ].join('\n  '),
      );
    }
    for (const step of PLAN) {
      for (const who of step.who.filter((w) => w.startsWith('floor'))) {
        const load = loadavg()[0]!;
        const port = who === 'floor-w' ? floorWPort : floorPort;
        const token = who === 'floor-a' ? generated.tokens.admin : generated.tokens.editor;
        const result = await run(port, token, paths[step.case], step.connections);
        record('pglite', round, step.case, who, load, result);
      }
    }
    await floorW.close();
    await floor.close();
    await floorPool.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

function report(engine: string) {
  console.log(
    `\n${engine}: median of ${ROUNDS} rounds, ${DURATION} s each, ${CONNECTIONS} connections (search-1: one)`,
  );
  console.log('| case | who | req/s | p50 ms | p99 ms | ours / floor (req/s, per round) |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: |');
  for (const step of PLAN) {
    const kase = step.case;
    const of = (who: Who) => measures.filter((m) => m.engine === engine && m.case === kase && m.who === who);
    // Each against the floor doing the same SQL: the administrator's search against floor-a.
    const floorOf = (who: Who) => of(who === 'admin' && step.who.includes('floor-a') ? 'floor-a' : 'floor');
    for (const who of step.who) {
      const rows = of(who);
      const floor = floorOf(who);
      const ratios = rows.map((row) => row.rps / floor.find((f) => f.round === row.round)!.rps);
      console.log(
        `| ${kase} | ${who} | ${median(rows.map((r) => r.rps)).toFixed(0)} | ${median(rows.map((r) => r.p50))} | ${median(rows.map((r) => r.p99))} | ` +
          `${who === 'floor' || who === 'floor-a' ? '' : `**${median(ratios).toFixed(2)}** (${ratios.map((r) => r.toFixed(2)).join(', ')})`} |`,
      );
    }
  }
}

for (const engine of engines) {
  const { database, handle, generated, seconds } = await createAndFill(engine, sizes);
  console.log(
    `${engine}: ${JSON.stringify(generated.counts)}; home city ${generated.homeCityName} (${generated.homeVisitIds.length} visits); ${seconds.toFixed(0)} s`,
  );
  try {
    if (engine === 'postgres') await benchServer(generated, handle, database.location);
    else await benchPglite(generated, handle, database.location, () => database.open());
  } finally {
    await handle.close();
    await database.dispose();
  }
  report(engine);
}
writeFileSync(`/tmp/bench-api-${engines.join('-')}.json`, JSON.stringify(measures, null, 1));
