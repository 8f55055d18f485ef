import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.ts';
import { testEngines } from '../../db/test-database.ts';
import { buildApp } from '../../server/app.ts';
import { insertTestAccounts } from '../../server/test-accounts.ts';
import { insertTestCity } from '../audit/test-cities.ts';
import { dueSince, takeBackup } from './backup-schedule.ts';

for (const engine of testEngines()) {
  describe(`the scheduled backup on ${engine.engine}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    let directory: string;
    let tokens: Record<string, string>;
    const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });

    beforeAll(async () => {
      directory = await mkdtemp(path.join(tmpdir(), 'pobratim-backups-'));
      database = await engine.open();
      app = await buildApp({ database, backupDir: directory });
      const city = await insertTestCity(database.db, 'Барановичи', 'Baranovichi');
      tokens = await insertTestAccounts(database.db, [
        ['admin', 'admin', null, null],
        ['editor', 'city_editor', city, null],
      ]);
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
      await rm(directory, { recursive: true, force: true });
    });

    it('is set by administrators (hour, files kept), refused to others and to a stale version', async () => {
      const read = await app.inject({ method: 'GET', url: '/api/backup/schedule', headers: as('admin') });
      expect(read.json()).toMatchObject({
        enabled: false,
        hour: 3,
        keep: 7,
        directory,
        last: { finishedAt: null },
      });
      const put = (who: string, body: object) =>
        app.inject({ method: 'PUT', url: '/api/backup/schedule', headers: as(who), payload: body });
      expect((await put('editor', { enabled: true, hour: 2, keep: 3, version: 1 })).statusCode).toBe(403);
      const bad = await put('admin', { enabled: true, hour: 24, keep: 3, version: 1 });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details[0].path).toContain('hour');
      const saved = await put('admin', { enabled: true, hour: 2, keep: 3, version: 1 });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toMatchObject({ enabled: true, hour: 2, keep: 3, version: 2 });
      const stale = await put('admin', { enabled: false, hour: 2, keep: 3, version: 1 });
      expect(stale.json().error).toMatchObject({ code: 'stale_version', currentVersion: 2 });
    });

    it('takes each day’s backup once, keeps the newest files, and the health check tells the last one', async () => {
      // Something else in the folder is never touched by the pruning.
      await writeFile(path.join(directory, 'notes.txt'), 'not a backup');
      const days = ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04'];
      for (const day of days) {
        const now = new Date(`${day}T02:30:00`);
        expect(await takeBackup(database.db, directory, { now, onlyIfNoneSince: dueSince(now, 2) })).toBe(
          true,
        );
        // A second server's tick the same day finds the run claimed.
        const later = new Date(`${day}T05:00:00`);
        expect(
          await takeBackup(database.db, directory, { now: later, onlyIfNoneSince: dueSince(later, 2) }),
        ).toBe(false);
      }
      const files = (await readdir(directory)).sort();
      expect(files).toEqual(
        [
          'notes.txt',
          ...days
            .slice(1)
            .map(
              (day) =>
                `pobratim-${new Date(`${day}T02:30:00`).toISOString().slice(0, 19).replaceAll(':', '-')}.backup.gz`,
            ),
        ].sort(),
      );
      const health = await app.inject({ method: 'GET', url: '/api/health' });
      expect(health.json().lastBackupAt).not.toBeNull();
      const schedule = await app.inject({ method: 'GET', url: '/api/backup/schedule', headers: as('admin') });
      expect(schedule.json().last).toMatchObject({ error: null });
      expect(schedule.json().last.bytes).toBeGreaterThan(0);
    });

    it('takes a backup now at an administrator’s word', async () => {
      expect(
        (await app.inject({ method: 'POST', url: '/api/backup/run', headers: as('editor') })).statusCode,
      ).toBe(403);
      const now = await app.inject({ method: 'POST', url: '/api/backup/run', headers: as('admin') });
      expect(now.statusCode, now.body).toBe(200);
      expect(now.json().last.file).toMatch(/pobratim-.*\.backup\.gz$/);
      expect((await readdir(directory)).filter((name) => name.endsWith('.backup.gz'))).toHaveLength(3);
    });
  });
}

describe('when a day’s backup is due', () => {
  it('is from the hour today, or yesterday’s hour before it comes', () => {
    expect(dueSince(new Date('2026-03-02T05:00:00'), 3)).toEqual(new Date('2026-03-02T03:00:00'));
    expect(dueSince(new Date('2026-03-02T01:00:00'), 3)).toEqual(new Date('2026-03-01T03:00:00'));
  });
});
