/**
 * Start-up of the command line and the server: the compiled build (dist/) against the sources run
 * through tsx (POBRATIM_TSX=1, what every start did before) and against ESLint's `--help`, all in
 * one run, CPU seconds of each child's whole process tree (Linux) and wall seconds, medians.
 *
 *   npx tsx bench/startup.bench.ts [pglite|server|both] [--rounds 5] [--no-cli] [--no-server]
 *
 * The server case restarts `pobratim serve` on an existing data directory (PGlite in a temporary
 * folder; on the PostgreSQL server, a database of its own created from BENCH_DATABASE_URL and
 * dropped at the end) and times the spawn until GET /api/health answers.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sharedDir } from '../src/shared-dir.ts';
import { benchArgs } from './args.ts';
import { median, runCommand, timeToReady, type Run } from './startup.measure.ts';

const args = benchArgs();
const rounds = args.option('--rounds', 5);
const seed = sharedDir('seed', '000_99b162f3906cbee7.txt');
const tsx = { ...process.env, POBRATIM_TSX: '1' };
const fmt = (seconds: number) => seconds.toFixed(2);

runCommand('node', ['scripts/build-server.mjs', '--if-stale']);

interface Case {
  label: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
}

if (!args.argv.includes('--no-cli')) {
  const cases: Case[] = [
    { label: '`npx pobratim --help`', command: 'npx', args: ['pobratim', '--help'] },
    { label: '`npx eslint --help`', command: 'npx', args: ['eslint', '--help'] },
    { label: '`node bin/pobratim.mjs --help`', command: 'node', args: ['bin/pobratim.mjs', '--help'] },
    {
      label: '`node node_modules/eslint/bin/eslint.js --help`',
      command: 'node',
      args: ['node_modules/eslint/bin/eslint.js', '--help'],
    },
    { label: '`--help` through tsx', command: 'node', args: ['bin/pobratim.mjs', '--help'], env: tsx },
    {
      label: '`node bin/pobratim.mjs extract SEED --json`',
      command: 'node',
      args: ['bin/pobratim.mjs', 'extract', seed, '--json'],
    },
    {
      label: '`extract SEED --json` through tsx',
      command: 'node',
      args: ['bin/pobratim.mjs', 'extract', seed, '--json'],
      env: tsx,
    },
  ];
  for (const c of cases) runCommand(c.command, c.args, c.env); // warm the disk cache and the gazetteer artifact
  const runs = new Map<Case, Run[]>(cases.map((c) => [c, []]));
  for (let round = 0; round < rounds; round++) {
    // Alternate the order, so a drift in the machine's load falls on every case alike.
    for (const c of round % 2 ? [...cases].reverse() : cases)
      runs.get(c)!.push(runCommand(c.command, c.args, c.env));
  }
  const cpu = (c: Case) => median(runs.get(c)!.map((r) => r.cpu));
  const wall = (c: Case) => median(runs.get(c)!.map((r) => r.wall));
  console.log(`\nCommand line, median of ${rounds} rounds:\n`);
  console.log('| command | CPU s | wall s |\n| --- | ---: | ---: |');
  for (const c of cases) console.log(`| ${c.label} | ${fmt(cpu(c))} | ${fmt(wall(c))} |`);
  const [npxHelp, npxEslint, help, eslint, tsxHelp, extract, tsxExtract] = cases as [
    Case,
    Case,
    Case,
    Case,
    Case,
    Case,
    Case,
  ];
  console.log(`
ratios of CPU time:
  pobratim --help / eslint --help, both by node:   ${(cpu(help) / cpu(eslint)).toFixed(2)}× (goal ≤ 1)
  pobratim --help / eslint --help, both by npx:    ${(cpu(npxHelp) / cpu(npxEslint)).toFixed(2)}×
  node bin/pobratim.mjs --help / npx eslint --help: ${(cpu(help) / cpu(npxEslint)).toFixed(2)}×
  --help compiled / through tsx:                  ${(cpu(help) / cpu(tsxHelp)).toFixed(2)}×
  extract compiled / through tsx:                 ${(cpu(extract) / cpu(tsxExtract)).toFixed(2)}×
  extract compiled: ${fmt(cpu(extract))} CPU-s (goal < 1.5)`);
}

if (!args.argv.includes('--no-server')) {
  for (const engine of args.engines) {
    const serverUrl = process.env.BENCH_DATABASE_URL;
    if (engine === 'postgres' && !serverUrl) {
      console.log('\n(the PostgreSQL server: set BENCH_DATABASE_URL to measure it)');
      continue;
    }
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.DATABASE_URL;
    let cleanUp: () => Promise<void>;
    if (engine === 'pglite') {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'pobratim-startup-'));
      env.DATA_DIR = dataDir;
      cleanUp = async () => rmSync(dataDir, { recursive: true, force: true });
    } else {
      const name = `pobratim_startup_${randomBytes(6).toString('hex')}`;
      const admin = async (sql: string) => {
        const client = new pg.Client({ connectionString: serverUrl });
        await client.connect();
        await client.query(sql).finally(() => client.end());
      };
      await admin(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
      const url = new URL(serverUrl!);
      url.pathname = `/${name}`;
      env.DATABASE_URL = url.toString();
      cleanUp = () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
    try {
      const first = runCommand('node', ['bin/pobratim.mjs', 'migrate'], env);
      const compiled: Run[] = [];
      const throughTsx: Run[] = [];
      for (let round = 0; round < rounds; round++) {
        compiled.push(await timeToReady(['bin/pobratim.mjs', 'serve'], { env }));
        throughTsx.push(
          await timeToReady(['bin/pobratim.mjs', 'serve'], { env: { ...env, POBRATIM_TSX: '1' } }),
        );
      }
      const wall = (runs: Run[]) => median(runs.map((r) => r.wall));
      const cpu = (runs: Run[]) => median(runs.map((r) => r.cpu));
      console.log(`
Server on ${engine}: first start (\`pobratim migrate\`: schema and gazetteer) ${fmt(first.wall)} s.
Restart until GET /api/health answers, median of ${rounds} (wall s; the server's CPU s by then):

| restart | wall s | CPU s | each round, wall s |
| --- | ---: | ---: | --- |
| compiled | ${fmt(wall(compiled))} | ${fmt(cpu(compiled))} | ${compiled.map((r) => fmt(r.wall)).join(', ')} |
| through tsx | ${fmt(wall(throughTsx))} | ${fmt(cpu(throughTsx))} | ${throughTsx.map((r) => fmt(r.wall)).join(', ')} |

compiled / through tsx: wall ${(wall(compiled) / wall(throughTsx)).toFixed(2)}×, CPU ${(cpu(compiled) / cpu(throughTsx)).toFixed(2)}× (goal: compiled ready ≤ 2 s)`);
    } finally {
      await cleanUp();
    }
  }
}
