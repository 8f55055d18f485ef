import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDir } from '../shared-dir.ts';

const run = promisify(execFile);
const SEED = sharedDir('seed', '000_99b162f3906cbee7.txt');

/** The compiled command line (scripts/build-server.mjs, into a folder of its own) against src/ through tsx. */
describe('the compiled command line', () => {
  // Inside the repository (tmp/ is ignored), where the build finds node_modules as dist/ does.
  mkdirSync('tmp', { recursive: true });
  const dir = mkdtempSync(join('tmp', 'compiled-'));
  const compiled = (...args: string[]) =>
    run('node', [join(dir, 'pobratim.mjs'), ...args], { timeout: 120_000 });
  const throughTsx = (...args: string[]) =>
    run('node', ['bin/pobratim.mjs', ...args], {
      timeout: 120_000,
      env: { ...process.env, POBRATIM_TSX: '1' },
    });

  beforeAll(async () => {
    await run('node', ['scripts/build-server.mjs', '--out', dir], { timeout: 120_000 });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('extracts from the seed article exactly what the sources do', async () => {
    const [fromBuild, fromSources] = await Promise.all([
      compiled('extract', SEED, '--json', '--date', '2025-09-25'),
      throughTsx('extract', SEED, '--json', '--date', '2025-09-25'),
    ]);
    expect(JSON.parse(fromBuild.stdout).visits.length).toBeGreaterThan(0);
    expect(fromBuild.stdout).toBe(fromSources.stdout);
  });

  it('lists the same commands and options', async () => {
    for (const args of [['--help'], ['report', '--help'], ['reminders', '--help']]) {
      const [fromBuild, fromSources] = await Promise.all([compiled(...args), throughTsx(...args)]);
      expect(fromBuild.stdout).toBe(fromSources.stdout);
    }
  });
});
