import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connect.ts';
import { verifyPassword } from '../../src/modules/auth/password.ts';

const launcher = path.resolve('bin/pobratim.mjs');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pobratim-user-'));
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function pobratim(args: string[], input?: string) {
  return spawnSync(process.execPath, [launcher, ...args], { env, input, encoding: 'utf8' });
}

describe('pobratim user add', () => {
  it('creates accounts from the shell, refuses a weak password and a taken e-mail with a clear message', async () => {
    expect(pobratim(['migrate', '--no-gazetteer']).status).toBe(0);
    const added = pobratim(
      [
        'user',
        'add',
        'olga@baranovichi.by',
        '--name',
        'Ольга Петрова',
        '--role',
        'admin',
        '--password-stdin',
      ],
      'a long enough secret\n',
    );
    expect(added.stdout).toContain('Account olga@baranovichi.by');
    expect(added.status).toBe(0);

    const weak = pobratim(
      ['user', 'add', 'ivan@kuznetsk.ru', '--name', 'Иван', '--role', 'admin', '--password-stdin'],
      'short\n',
    );
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain('password: must be at least 10 characters');

    const taken = pobratim(['user', 'add', 'OLGA@baranovichi.by', '--name', 'Ольга', '--role', 'admin']);
    expect(taken.status).toBe(1);
    expect(taken.stderr).toContain('already exists');

    const generated = pobratim(['user', 'add', 'anna@baranovichi.by', '--name', 'Анна', '--role', 'admin']);
    const password = /Password \(shown once\): (\S+)/.exec(generated.stdout)?.[1];
    expect(password).toBeDefined();

    const handle = await openDatabase({ dataDir });
    try {
      const rows = await handle.db
        .selectFrom('app_user')
        .select(['email', 'password_hash'])
        .orderBy('id')
        .execute();
      expect(rows.map((row) => row.email)).toEqual(['olga@baranovichi.by', 'anna@baranovichi.by']);
      expect(await verifyPassword(rows[0]!.password_hash!, 'a long enough secret')).toBe(true);
      expect(await verifyPassword(rows[1]!.password_hash!, password!)).toBe(true);
    } finally {
      await handle.close();
    }
  }, 300_000);
});
