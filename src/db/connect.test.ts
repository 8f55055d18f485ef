import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './connect.ts';
import { DataDirLockedError } from './data-dir-lock.ts';
import { migrateTo, migrateToLatest } from './migrate.ts';
import { testEngines } from './test-database.ts';

const run = promisify(execFile);
const tmpDirs: string[] = [];
function tmpDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pobratim-db-'));
  tmpDirs.push(dir);
  return dir;
}
afterAll(() => tmpDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe('the embedded database on disk', () => {
  it('keeps what was written across a close and a reopen', async () => {
    const dataDir = tmpDir();
    const first = await openDatabase({ dataDir });
    await migrateToLatest(first.db);
    await first.db
      .insertInto('city')
      .values({
        name_en: 'Kuznetsk',
        name_ru: 'Кузнецк',
        country: 'RU',
        latitude: 53.1,
        longitude: 46.6,
        timezone: 'Europe/Moscow',
        founded_year: 1780,
        city_day: null,
      })
      .execute();
    await first.close();
    const second = await openDatabase({ dataDir });
    expect(await migrateToLatest(second.db)).toEqual([]);
    const rows = await second.db.selectFrom('city').select(['name_ru', 'founded_year']).execute();
    expect(rows).toEqual([{ name_ru: 'Кузнецк', founded_year: 1780 }]);
    await second.close();
  });

  it('refuses a second opener of the same directory with a message that says what to do', async () => {
    const dataDir = tmpDir();
    const holder = await openDatabase({ dataDir, purpose: 'pobratim serve on port 3000' });
    try {
      await expect(openDatabase({ dataDir })).rejects.toThrow(DataDirLockedError);
      const script = `
        import { openDatabase } from ${JSON.stringify(path.resolve('src/db/connect.ts'))};
        try { await openDatabase({ dataDir: ${JSON.stringify(dataDir)} }); console.log('opened'); }
        catch (error) { console.log(error.message); }`;
      const { stdout } = await run(process.execPath, [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        script,
      ]);
      expect(stdout).toContain(`in use by process ${process.pid} (pobratim serve on port 3000`);
      expect(stdout).toContain('stop that process');
      expect(stdout).not.toContain('opened');
    } finally {
      await holder.close();
    }
    // Released on close: the next opener gets in.
    const next = await openDatabase({ dataDir });
    await next.close();
  });

  it('takes over a lock left by a process that died', async () => {
    const dataDir = tmpDir();
    fs.writeFileSync(
      path.join(dataDir, 'pobratim.lock'),
      JSON.stringify({ pid: 2 ** 22 + 12345, purpose: 'crashed', startedAt: 'then' }),
    );
    const handle = await openDatabase({ dataDir });
    await handle.close();
  });

  it('lets a process that opened and closed PGlite exit on its own', async () => {
    const dataDir = tmpDir();
    const script = `
      import { openDatabase } from ${JSON.stringify(path.resolve('src/db/connect.ts'))};
      const handle = await openDatabase({ dataDir: ${JSON.stringify(dataDir)} });
      await handle.close();
      console.log('closed');`;
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      timeout: 60_000,
    });
    expect(stdout.trim()).toBe('closed');
    expect(fs.existsSync(path.join(dataDir, 'pobratim.lock'))).toBe(false);
  });
});

describe.each(testEngines())('transactions and migrations on $engine', ({ open }) => {
  it('rolls back each failed transaction alone when many run at once', async () => {
    const handle = await open();
    try {
      const attempts = Array.from({ length: 24 }, (_, i) =>
        handle.db.transaction().execute(async (trx) => {
          await trx
            .insertInto('document')
            .values({
              title: `Документ ${i}`,
              content_hash: String(i).padStart(64, '0'),
              published_on: null,
              source_url: null,
              file_name: null,
            })
            .execute();
          await new Promise((resolve) => setTimeout(resolve, i % 3));
          if (i % 2 === 1) throw new Error(`abort ${i}`);
        }),
      );
      const outcomes = await Promise.allSettled(attempts);
      expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toHaveLength(12);
      const titles = await handle.db.selectFrom('document').select('title').execute();
      const kept = titles.map((row) => row.title).sort((a, b) => a.localeCompare(b, 'ru', { numeric: true }));
      expect(kept).toEqual(Array.from({ length: 12 }, (_, i) => `Документ ${i * 2}`));
    } finally {
      await handle.close();
    }
  });

  it('upgrades a database of the previous release and keeps its rows', async () => {
    const handle = await open({ migrate: false });
    try {
      // The previous release ended with the visit program; this one adds the calendar feed, the
      // indexes of list sorting and of a city's visits by their days, and the stored name keys.
      await migrateTo(handle.db, '0008-visit-program');
      await handle.db
        .insertInto('city')
        .values({
          name_en: 'Baranovichi',
          name_ru: 'Барановичи',
          country: 'BY',
          latitude: null,
          longitude: null,
          timezone: null,
          founded_year: 1871,
          city_day: null,
        })
        .execute();
      // An imported visit whose agreement and city day the text gave no day of their own.
      const [home, partner] = await handle.db
        .insertInto('city')
        .values([
          { name_en: 'Home', country: 'BY' },
          { name_en: 'Partner', country: 'RU' },
        ])
        .returning('id')
        .execute();
      const visit = await handle.db
        .insertInto('visit')
        .values({
          from_city_id: home!.id,
          to_city_id: partner!.id,
          start_date: '2025-09-18',
          end_date: '2025-09-21',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await handle.db.transaction().execute(async (trx) => {
        const agreements = await trx
          .insertInto('agreement')
          .values([
            { kind: 'cooperation', title: 'Undated', signed_at_visit_id: visit.id },
            { kind: 'cooperation', title: 'Dated', signed_at_visit_id: visit.id, signed_on: '2025-09-20' },
          ])
          .returning('id')
          .execute();
        await trx
          .insertInto('agreement_party')
          .values(
            agreements.flatMap(({ id }) => [
              { agreement_id: id, city_id: home!.id },
              { agreement_id: id, city_id: partner!.id },
            ]),
          )
          .execute();
      });
      await handle.db
        .insertInto('event')
        .values([
          { name: 'City day', city_id: partner!.id, visit_id: visit.id },
          { name: 'Concert', city_id: partner!.id, visit_id: visit.id, start_date: '2025-09-19' },
        ])
        .execute();
      expect(await migrateToLatest(handle.db)).toEqual([
        '0009-calendar-feed',
        '0011-list-sort-indexes',
        '0012-visit-days-indexes',
        '0013-name-search-keys',
        '0014-document-scope',
        '0015-project-search',
        '0016-session-password-change',
        '0017-gazetteer-names',
        '0018-user-password-chosen-by-others',
        '0019-attached-file',
        '0020-dates-from-visits',
        '0021-backup-schedule',
        '0022-program-item-time',
        '0023-agreement-stages',
        '0024-mail',
        '0026-contacts',
      ]);
      // Dates decided once and stored (0020): the visit's where the text gave none, the own ones kept.
      expect(
        await handle.db
          .selectFrom('agreement')
          .select(['title', 'signed_on', 'version'])
          .orderBy('id')
          .execute(),
      ).toEqual([
        { title: 'Undated', signed_on: '2025-09-18', version: 2 },
        { title: 'Dated', signed_on: '2025-09-20', version: 1 },
      ]);
      expect(
        await handle.db
          .selectFrom('event')
          .select(['name', 'start_date', 'end_date'])
          .orderBy('id')
          .execute(),
      ).toEqual([
        { name: 'City day', start_date: '2025-09-18', end_date: '2025-09-21' },
        { name: 'Concert', start_date: '2025-09-19', end_date: null },
      ]);
      await handle.db.deleteFrom('event').execute();
      await handle.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('agreement_party').execute();
        await trx.deleteFrom('agreement').execute();
      });
      await handle.db.deleteFrom('visit').execute();
      await handle.db.deleteFrom('city').where('name_en', 'in', ['Home', 'Partner']).execute();
      const rows = await handle.db.selectFrom('city').select(['name_ru', 'search_key']).execute();
      // A city stored before the upgrade has its search key: the trigram search finds it.
      expect(rows).toEqual([{ name_ru: 'Барановичи', search_key: 'барановичи baranovichi' }]);
      await handle.db
        .insertInto('home_city')
        .values({ city_id: (await handle.db.selectFrom('city').select('id').executeTakeFirstOrThrow()).id })
        .execute();
      await handle.db.insertInto('login_failure').values({ email_key: 'someone@example.org' }).execute();
      expect(await handle.db.selectFrom('calendar_feed').selectAll().execute()).toEqual([]);
    } finally {
      await handle.close();
    }
  });
});
