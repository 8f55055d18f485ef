import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { sharedDir } from '../shared-dir.ts';

const run = promisify(execFile);
const SEED = sharedDir('seed', '000_99b162f3906cbee7');

async function pobratim(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', ['bin/pobratim.mjs', 'extract', ...args], {
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const withoutEvidence = (value: unknown) =>
  JSON.parse(JSON.stringify(value, (k, v: unknown) => (k === 'span' || k === 'rule' ? undefined : v)));
const sorted = (list: unknown[]) => list.map((x) => JSON.stringify(x)).sort();

describe('pobratim extract', () => {
  it('prints the expected facts of the seed article as one JSON object', async () => {
    const { code, stdout } = await pobratim(`${SEED}.txt`, '--json');
    expect(code).toBe(0);
    const got = withoutEvidence(JSON.parse(stdout)) as Record<string, unknown[]>;
    const expected = JSON.parse(readFileSync(`${SEED}.expected.json`, 'utf8')) as Record<string, unknown[]>;
    for (const key of Object.keys(expected))
      expect(sorted(got[key] ?? []), key).toEqual(sorted(expected[key] ?? []));
    expect(Array.isArray(got.entities)).toBe(true);
  });

  it('writes DIR/NAME.json for each file with --out, dated by --date', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pobratim-extract-'));
    copyFileSync(`${SEED}.txt`, join(dir, 'A.txt'));
    copyFileSync(`${SEED}.txt`, join(dir, 'B.txt'));
    const out = join(dir, 'out');
    const args = [
      '--date',
      '2025-09-25',
      '--home-city',
      'Барановичи',
      '--out',
      out,
      join(dir, 'A.txt'),
      join(dir, 'B.txt'),
    ];
    const { code } = await pobratim(...args);
    expect(code).toBe(0);
    for (const name of ['A', 'B']) {
      const result = JSON.parse(readFileSync(join(out, `${name}.json`), 'utf8'));
      expect(result.visits[0].start).toBe('2025-09-18');
    }
  });

  it('fails with a clear message and exit code 1 on a missing file', async () => {
    const { code, stderr } = await pobratim('no-such-file.txt', '--json');
    expect(code).toBe(1);
    expect(stderr).toContain('no such file: no-such-file.txt');
  });

  it('fails with a clear message and exit code 1 on a bad --date, writing nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pobratim-extract-'));
    const { code, stderr } = await pobratim('--date', '25.09.2025', '--out', join(dir, 'out'), `${SEED}.txt`);
    expect(code).toBe(1);
    expect(stderr).toContain('--date must be a real date as YYYY-MM-DD');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
