import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.ts';
import { testEngines } from '../../db/test-database.ts';
import {
  insertReminderTestRegistry,
  type ReminderTestRegistry,
} from '../../reports/reminders/reminder-test-registry.ts';
import { buildApp } from '../../server/app.ts';
import { insertTestAccounts } from '../../server/test-accounts.ts';
import { duePeriod, sendDueDigests } from './digest.ts';
import { closedPort, startTestSmtp, type TestSmtp } from './test-smtp.ts';

const PASSWORD = 'smtp-secret';

for (const engine of testEngines()) {
  describe(`mail on ${engine.engine}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    let smtp: TestSmtp;
    let registry: ReminderTestRegistry;
    let tokens: Record<string, string>;
    let userIds: Record<string, number>;
    let version = 1;
    const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
    const setServer = async (change: object) => {
      const response = await app.inject({
        method: 'PUT',
        url: '/api/mail/server',
        headers: as('admin'),
        payload: {
          host: '127.0.0.1',
          port: smtp.port,
          security: 'none',
          username: 'pobratim',
          sender: 'Pobratim <pobratim@city.example>',
          siteUrl: 'http://pobratim.test/',
          digestHour: 8,
          version,
          ...change,
        },
      });
      expect(response.statusCode, response.body).toBe(200);
      version = response.json().version;
      return response;
    };

    beforeAll(async () => {
      smtp = await startTestSmtp('pobratim', PASSWORD);
      database = await engine.open();
      app = await buildApp({ database });
      registry = await insertReminderTestRegistry(database.db);
      tokens = await insertTestAccounts(database.db, [
        ['admin', 'admin', null, null],
        ['editor', 'city_editor', registry.baranovichi, null],
        ['viewer', 'city_viewer', registry.baranovichi, null],
      ]);
      const users = await database.db.selectFrom('app_user').select(['id', 'display_name']).execute();
      userIds = Object.fromEntries(users.map((user) => [user.display_name, user.id]));
      await database.db
        .updateTable('app_user')
        .set({ locale: 'en' })
        .where('id', '=', userIds.admin!)
        .execute();
      await database.db
        .updateTable('app_user')
        .set({ locale: 'be' })
        .where('id', '=', userIds.viewer!)
        .execute();
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
      await smtp?.close();
    });

    it('says when no SMTP server is set, and nothing that mails breaks', async () => {
      const digest = await app.inject({ method: 'GET', url: '/api/mail/digest', headers: as('editor') });
      expect(digest.json()).toMatchObject({
        digest: 'none',
        email: 'editor@example.org',
        mailConfigured: false,
      });
      const chosen = await app.inject({
        method: 'PUT',
        url: '/api/mail/digest',
        headers: as('editor'),
        payload: { digest: 'daily' },
      });
      expect(chosen.json()).toMatchObject({ digest: 'daily', mailConfigured: false });
      const server = await app.inject({ method: 'GET', url: '/api/mail/server', headers: as('admin') });
      expect(server.json()).toMatchObject({ configured: false, host: null, passwordSet: false });
      expect(
        (await app.inject({ method: 'GET', url: '/api/mail/server', headers: as('editor') })).statusCode,
      ).toBe(403);
      const test = await app.inject({
        method: 'POST',
        url: '/api/mail/test',
        headers: as('admin'),
        payload: {},
      });
      expect(test.statusCode).toBe(409);
      expect(test.json().error.message).toMatch(/No SMTP server is set/);
      // Assigning a plan item still works; the digests wait.
      const item = await app.inject({
        method: 'GET',
        url: `/api/plan-items/${registry.laterPlanItem}`,
        headers: as('admin'),
      });
      const assigned = await app.inject({
        method: 'PATCH',
        url: `/api/plan-items/${registry.laterPlanItem}`,
        headers: as('admin'),
        payload: { assigneeUserId: userIds.viewer, version: item.json().version },
      });
      expect(assigned.statusCode, assigned.body).toBe(200);
      expect(assigned.json().assigneeUserId).toBe(userIds.viewer);
      expect(await sendDueDigests(database.db, new Date('2025-09-19T09:00:00'))).toEqual({
        sent: 0,
        empty: 0,
        failed: 0,
        skipped: 0,
      });
      expect(smtp.letters).toHaveLength(0);
    });

    it('is set by the administrator, never answers the password, and sends a test letter', async () => {
      const bad = await app.inject({
        method: 'PUT',
        url: '/api/mail/server',
        headers: as('admin'),
        payload: {
          host: 'mail.example',
          port: 70000,
          security: 'tls',
          username: null,
          sender: null,
          siteUrl: null,
          digestHour: 8,
          version,
        },
      });
      expect(bad.statusCode).toBe(400);
      expect(JSON.stringify(bad.json().error.details)).toMatch(/port/);
      const saved = await setServer({ password: PASSWORD });
      expect(saved.json()).toMatchObject({
        configured: true,
        host: '127.0.0.1',
        passwordSet: true,
        siteUrl: 'http://pobratim.test',
      });
      expect(saved.body).not.toContain(PASSWORD);
      // Saved again without a password: the stored one is kept.
      const again = await setServer({});
      expect(again.json().passwordSet).toBe(true);
      const read = await app.inject({ method: 'GET', url: '/api/mail/server', headers: as('admin') });
      expect(read.body).not.toContain(PASSWORD);

      const test = await app.inject({
        method: 'POST',
        url: '/api/mail/test',
        headers: as('admin'),
        payload: {},
      });
      expect(test.statusCode, test.body).toBe(200);
      const [letter] = await smtp.waitFor(1);
      expect(letter!.to).toMatchObject({ text: 'admin@example.org' });
      expect(letter!.from?.text).toContain('pobratim@city.example');
      // The administrator reads English: the letter is in English.
      expect(letter!.subject).toBe('Pobratim: test letter');
      expect(letter!.text).toContain('mail is set up correctly');
    });

    it('tells a user a plan item was assigned to them, in their language, with a link', async () => {
      const before = smtp.letters.length;
      const item = await app.inject({
        method: 'GET',
        url: `/api/plan-items/${registry.overduePlanItem}`,
        headers: as('admin'),
      });
      const assigned = await app.inject({
        method: 'PATCH',
        url: `/api/plan-items/${registry.overduePlanItem}`,
        headers: as('admin'),
        payload: { assigneeUserId: userIds.editor, version: item.json().version },
      });
      expect(assigned.statusCode, assigned.body).toBe(200);
      const letters = await smtp.waitFor(before + 1);
      const notice = letters[before]!;
      expect(notice.to).toMatchObject({ text: 'editor@example.org' });
      expect(notice.subject).toBe('Вам поручен пункт плана: Обмен выставками детского рисунка');
      expect(notice.text).toContain('admin поручил(а) вам пункт плана');
      expect(notice.text).toContain('«Соглашение о побратимских связях»');
      expect(notice.text).toContain('9 сентября 2025');
      expect(notice.html).toContain(`href="http://pobratim.test/agreements/${registry.agreement}"`);
      // Saving the item again with the same assignee tells no one twice; an unknown user is refused.
      const same = await app.inject({
        method: 'PATCH',
        url: `/api/plan-items/${registry.overduePlanItem}`,
        headers: as('admin'),
        payload: { report: 'Готовим', version: assigned.json().version },
      });
      expect(same.statusCode).toBe(200);
      const unknown = await app.inject({
        method: 'PATCH',
        url: `/api/plan-items/${registry.overduePlanItem}`,
        headers: as('admin'),
        payload: { assigneeUserId: 999_999, version: same.json().version },
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.message).toMatch(/does not exist/);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(smtp.letters).toHaveLength(before + 1);
    });

    it('sends each period’s daily digest once, with the user’s items and links', async () => {
      const before = smtp.letters.length;
      const morning = new Date('2025-09-20T09:00:00');
      expect(duePeriod(morning, 8, 'daily')).toBe('2025-09-20');
      expect(duePeriod(new Date('2025-09-20T07:59:00'), 8, 'daily')).toBe('2025-09-19');
      // Two servers' ticks at once, then a later one the same day: one digest.
      const ticks = await Promise.all([
        sendDueDigests(database.db, morning),
        sendDueDigests(database.db, morning),
      ]);
      expect(ticks.map((tick) => tick.sent).sort()).toEqual([0, 1]);
      expect(ticks.map((tick) => tick.skipped).sort()).toEqual([0, 1]);
      expect(await sendDueDigests(database.db, new Date('2025-09-20T18:00:00'))).toMatchObject({
        sent: 0,
        skipped: 1,
      });
      const letters = await smtp.waitFor(before + 1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(smtp.letters).toHaveLength(before + 1);
      const digest = letters[before]!;
      expect(digest.to).toMatchObject({ text: 'editor@example.org' });
      expect(digest.subject).toBe('Pobratim: сводка на 20 сентября 2025 г.');
      const text = digest.text ?? '';
      const section = (heading: string) => {
        const start = text.indexOf(`${heading}\n`);
        expect(start, `«${heading}» in\n${text}`).toBeGreaterThanOrEqual(0);
        const end = text.indexOf('\n\n', start);
        return text.slice(start, end);
      };
      expect(section('Поручено вам')).toContain('Обмен выставками детского рисунка');
      expect(section('Соглашения: нужно действие')).toContain('Соглашение о побратимских связях');
      const coming = section('Предстоит');
      expect(coming).toContain('День города Кузнецка');
      expect(coming).toContain('Турнир по мини-футболу');
      // Not the user's: another home city's plan; not due yet: a later item; done: a done one.
      expect(text).not.toContain('Пензенский пункт плана');
      expect(text).not.toContain('Стажировка учителей');
      expect(text).not.toContain('Славянский венок');
      expect(digest.html).toContain(`href="http://pobratim.test/agreements/${registry.agreement}"`);
      expect(digest.html).toContain(`href="http://pobratim.test/cities/${registry.kuznetsk}"`);
      expect(digest.html).toContain('href="http://pobratim.test/account"');
    });

    it('writes a Belarusian weekly digest for a Belarusian reader', async () => {
      await app.inject({
        method: 'PUT',
        url: '/api/mail/digest',
        headers: as('viewer'),
        payload: { digest: 'weekly' },
      });
      const before = smtp.letters.length;
      // Monday 22 September 2025: the week's digest, and the editor's daily one.
      const outcome = await sendDueDigests(database.db, new Date('2025-09-22T08:30:00'));
      expect(outcome).toMatchObject({ sent: 2, failed: 0 });
      const letters = await smtp.waitFor(before + 2);
      const weekly = letters.slice(before).find((letter) => letter.subject?.includes('тыдзень'));
      expect(weekly?.subject).toBe('Pobratim: зводка на тыдзень з 22 верасня 2025 г.');
      const text = weekly?.text ?? '';
      expect(text).toContain('Пратэрмінавана\n');
      expect(text).toContain('Пратэрмінаваны пункт плана «Обмен выставками детского рисунка»');
      expect(text).toContain('Пагадненні: патрэбна дзеянне\n');
      expect(text).toContain(
        'Сканчаецца пагадненне «Соглашение о побратимских связях» (30 лістапада 2025 г.)',
      );
      // The item assigned to the reader is due after this week: not yet in it.
      expect(text).not.toContain('Стажировка учителей');
    });

    it('gives a clear error when the SMTP server cannot be reached, and the digests try again later', async () => {
      await setServer({ port: await closedPort() });
      const test = await app.inject({
        method: 'POST',
        url: '/api/mail/test',
        headers: as('admin'),
        payload: {},
      });
      expect(test.statusCode).toBe(502);
      expect(test.json().error).toMatchObject({ code: 'mail_failed' });
      expect(test.json().error.message).toMatch(
        /SMTP server 127\.0\.0\.1:\d+ did not take the letter: .*ECONNREFUSED/,
      );
      const tuesday = new Date('2025-09-23T09:00:00');
      expect(await sendDueDigests(database.db, tuesday)).toMatchObject({ sent: 0, failed: 1 });
      const row = await database.db
        .selectFrom('mail_digest')
        .selectAll()
        .where('period_start', '=', '2025-09-23')
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'failed', user_id: userIds.editor });
      expect(row.error).toMatch(/ECONNREFUSED/);
      // The server is back: not retried at once, but after the pause.
      await setServer({});
      const before = smtp.letters.length;
      expect(await sendDueDigests(database.db, new Date('2025-09-23T09:10:00'))).toMatchObject({
        sent: 0,
        skipped: 2,
      });
      expect(await sendDueDigests(database.db, new Date('2025-09-23T09:45:00'))).toMatchObject({ sent: 1 });
      const letters = await smtp.waitFor(before + 1);
      expect(letters[before]!.subject).toBe('Pobratim: сводка на 23 сентября 2025 г.');
    });
  });
}
