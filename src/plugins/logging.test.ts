import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../db/connect.ts';
import { testEngines } from '../db/test-database.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { buildApp } from '../server/app.ts';
import { urlForLog } from './logging.ts';

const EMAIL = 'logged@example.org';
const PASSWORD = 'a password nobody logs';

for (const engine of testEngines()) {
  describe(`the server's log on ${engine.engine}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    const lines: string[] = [];

    beforeAll(async () => {
      database = await engine.open();
      const stream = new Writable({
        write(chunk, _encoding, done) {
          lines.push(...String(chunk).split('\n').filter(Boolean));
          done();
        },
      });
      app = await buildApp({ database, log: { level: 'info', stream } });
      app.get('/api/test/failure', async () => {
        throw new Error('the disk is on fire');
      });
      await database.db
        .insertInto('app_user')
        .values({ email: EMAIL, display_name: 'Logged', password_hash: await hashPassword(PASSWORD) })
        .execute();
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    it('logs every request with its id, every 5xx with its stack, and no password, token or cookie', async () => {
      const session = await app.inject({
        method: 'POST',
        url: '/api/auth/session',
        payload: { email: EMAIL, password: PASSWORD },
      });
      expect(session.statusCode).toBe(200);
      const cookie = session.cookies.find((c) => c.name === 'pobratim_session')!.value;
      const csrfToken = session.json().csrfToken as string;
      const headers = { 'x-csrf-token': csrfToken };
      const token = (
        await app.inject({
          method: 'POST',
          url: '/api/tokens',
          cookies: { pobratim_session: cookie },
          headers,
          payload: { name: 'script' },
        })
      ).json().token as string;
      const feed = (
        await app.inject({
          method: 'POST',
          url: '/api/calendar/feed',
          cookies: { pobratim_session: cookie },
          headers,
        })
      ).json().url as string;
      const feedPath = new URL(feed).pathname;
      expect((await app.inject({ method: 'GET', url: feedPath })).statusCode).toBe(200);
      await app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
      await app.inject({ method: 'GET', url: `/api/auth/me?token=${token}` });
      await app.inject({
        method: 'POST',
        url: '/api/auth/password',
        cookies: { pobratim_session: cookie },
        headers,
        payload: { currentPassword: PASSWORD, newPassword: 'another password nobody logs' },
      });
      const failed = await app.inject({ method: 'GET', url: '/api/test/failure' });
      expect(failed.statusCode).toBe(500);
      expect(failed.body).not.toContain('fire');

      const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      const answered = entries.filter((entry) => entry.msg === 'request completed');
      expect(answered.length).toBeGreaterThanOrEqual(8);
      for (const entry of answered) expect(entry.reqId).toMatch(/^[0-9a-f-]{36}$/);
      // The id the log keeps is the one the caller was given.
      expect(answered.map((entry) => entry.reqId)).toContain(failed.headers['x-request-id']);
      const failure = entries.find((entry) => entry.level === 50);
      expect(failure).toMatchObject({
        reqId: failed.headers['x-request-id'],
        err: { message: 'the disk is on fire' },
      });
      expect((failure!.err as { stack: string }).stack).toContain('logging.test.ts');

      const log = lines.join('\n');
      const secretOfFeed = /\/api\/calendar\/(.+)\.ics$/.exec(feedPath)![1]!;
      for (const secret of [
        PASSWORD,
        'another password nobody logs',
        cookie,
        csrfToken,
        token,
        secretOfFeed,
      ]) {
        expect(log).not.toContain(secret);
      }
    });

    it('keeps the names of secret query parameters and the calendar route, not their values', () => {
      expect(urlForLog('/api/calendar/abc123.ics?x=1')).toBe('/api/calendar/[secret]?x=1');
      expect(urlForLog('/api/calendar/feed')).toBe('/api/calendar/feed');
      expect(urlForLog('/api/x?q=1&token=pbt_abc&apiKey=2')).toBe('/api/x?q=1&token=[redacted]&apiKey=2');
    });
  });
}
