import { spawn, execFile, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const launcher = path.resolve('bin/pobratim.mjs');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pobratim-serve-'));
const env = { ...process.env, DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '' };
const children: ChildProcess[] = [];

afterAll(() => {
  children.forEach((child) => child.kill('SIGKILL'));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Starts `pobratim serve` and resolves with its URL and everything it printed until it was ready. */
function startServe(
  serveEnv: NodeJS.ProcessEnv = env,
): Promise<{ child: ChildProcess; url: string; output: string }> {
  const child = spawn(process.execPath, [launcher, 'serve'], { env: serveEnv });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /ready on (http:\/\/\S+)/.exec(output);
      if (ready?.[1]) resolve({ child, url: ready[1], output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`serve exited with ${code} before it was ready:\n${output}`)),
    );
  });
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('pobratim serve on a fresh data directory', () => {
  it('loads the gazetteer on the first start, serves the health check, refuses a second writer, stops cleanly, restarts without reloading', async () => {
    const first = await startServe();
    expect(first.output).toContain('gazetteer: loading');
    const health = await (await fetch(`${first.url}/api/health`)).json();
    expect(health).toMatchObject({ status: 'ok', database: 'pglite', gazetteerLoaded: true });
    expect(health.cities).toBeGreaterThan(190_000);

    const firstAdmin = /sign in at \S+ as (\S+) with the password (\S+)/.exec(first.output);
    expect(firstAdmin).not.toBeNull();
    const signIn = await fetch(`${first.url}/api/auth/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: firstAdmin![1], password: firstAdmin![2] }),
    });
    expect(signIn.status).toBe(200);
    const me = await signIn.json();
    expect(me.roles).toEqual([{ role: 'admin' }]);
    // A preview is extracted on the server's worker threads (dist/work-worker.mjs when serve runs
    // the build, as after `npm install`; the sources through tsx otherwise).
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    // The one-time password lets the session read only: the administrator chooses a password first.
    const chosen = await fetch(`${first.url}/api/auth/password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': me.csrfToken },
      body: JSON.stringify({ currentPassword: firstAdmin![2], newPassword: 'Побратим-2026-свой-пароль' }),
    });
    expect(chosen.status).toBe(204);
    const preview = await fetch(`${first.url}/api/documents/preview`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': me.csrfToken },
      body: JSON.stringify({ text: 'Делегация Кузнецка посетила Барановичи 5 мая 2026 года.' }),
    });
    expect(preview.status).toBe(200);
    expect((await preview.json()).extraction.visits.length).toBeGreaterThan(0);

    const second = await run(process.execPath, [launcher, 'migrate'], { env }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(second).toMatchObject({ code: 1 });
    expect((second as { stderr: string }).stderr).toMatch(/in use by process \d+ \(pobratim serve/);
    expect((second as { stderr: string }).stderr).toContain('DATABASE_URL');

    const exited = exitCode(first.child);
    first.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'pobratim.lock'))).toBe(false);

    const again = await startServe();
    expect(again.output).not.toContain('gazetteer: loading');
    expect(again.output).not.toContain('First start');
    const healthAgain = await (await fetch(`${again.url}/api/health`)).json();
    expect(healthAgain.cities).toBe(health.cities);
    const exitedAgain = exitCode(again.child);
    again.child.kill('SIGTERM');
    expect(await exitedAgain).toBe(0);
  }, 240_000);
});

const serverUrl = process.env.TEST_DATABASE_URL;
describe.runIf(serverUrl)('pobratim serve with DATABASE_URL', () => {
  it('uses the PostgreSQL server: migrates, loads the gazetteer once, and says so in the health check', async () => {
    const name = `pobratim_serve_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    const serverEnv = { ...env, DATABASE_URL: url.toString() };
    try {
      const migrated = await run(process.execPath, [launcher, 'migrate'], { env: serverEnv });
      expect(migrated.stdout).toContain('gazetteer: loading');
      expect(migrated.stdout).toContain('database is up to date (postgres)');
      const server = await startServe(serverEnv);
      expect(server.output).not.toContain('gazetteer: loading');
      expect(server.output).toContain('PostgreSQL server');
      const health = await (await fetch(`${server.url}/api/health`)).json();
      expect(health).toMatchObject({ status: 'ok', database: 'postgres', gazetteerLoaded: true });
      const exited = exitCode(server.child);
      server.child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }, 240_000);
});
