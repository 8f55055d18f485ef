import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../db/connect.ts';
import { testEngines } from '../db/test-database.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { buildApp } from '../server/app.ts';

const EMAIL = 'editor@baranovichi.example';
const PASSWORD = 'correct horse battery';

for (const engine of testEngines()) {
  describe(`accounts on ${engine.engine}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    beforeAll(async () => {
      database = await engine.open();
      app = await buildApp({ database });
      const user = await database.db
        .insertInto('app_user')
        .values({ email: EMAIL, display_name: 'Ольга Редактор', password_hash: await hashPassword(PASSWORD) })
        .returning('id')
        .executeTakeFirstOrThrow();
      await database.db.insertInto('user_role').values({ user_id: user.id, role: 'admin' }).execute();
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    async function signIn(email = EMAIL, password = PASSWORD) {
      return app.inject({ method: 'POST', url: '/api/auth/session', payload: { email, password } });
    }

    it('signs in with a session cookie that scripts cannot read, and says who is signed in', async () => {
      const response = await signIn('Editor@Baranovichi.example');
      expect(response.statusCode).toBe(200);
      const cookie = response.cookies.find((c) => c.name === 'pobratim_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(response.json()).toMatchObject({ email: EMAIL, roles: [{ role: 'admin' }] });
      const me = await app.inject({
        method: 'GET',
        url: '/api/auth/me',
        cookies: { pobratim_session: cookie!.value },
      });
      expect(me.json()).toMatchObject({
        displayName: 'Ольга Редактор',
        csrfToken: response.json().csrfToken,
      });
    });

    it('answers 401 to a wrong password and to the anonymous, never saying which part was wrong', async () => {
      const wrong = await signIn(EMAIL, 'not the password');
      expect(wrong.statusCode).toBe(401);
      const unknown = await signIn('nobody@example.org', PASSWORD);
      expect(unknown.json().error.message).toBe(wrong.json().error.message);
      expect((await app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    });

    it('refuses a cookie-authenticated write without the CSRF header, accepts it with the header', async () => {
      const session = await signIn();
      const cookies = { pobratim_session: session.cookies[0]!.value };
      const url = '/api/tokens';
      const without = await app.inject({ method: 'POST', url, cookies, payload: { name: 'report script' } });
      expect(without.statusCode).toBe(403);
      expect(without.json().error.message).toContain('x-csrf-token');
      const headers = { 'x-csrf-token': session.json().csrfToken };
      const withHeader = await app.inject({
        method: 'POST',
        url,
        cookies,
        headers,
        payload: { name: 'report script' },
      });
      expect(withHeader.statusCode).toBe(201);
      const stored = await database.db.selectFrom('api_token').select('token_hash').execute();
      expect(stored.map((row) => row.token_hash)).not.toContain(withHeader.json().token);
    });

    it('lets a script use an API token until it is revoked', async () => {
      const session = await signIn();
      const cookies = { pobratim_session: session.cookies[0]!.value };
      const headers = { 'x-csrf-token': session.json().csrfToken };
      const created = (
        await app.inject({
          method: 'POST',
          url: '/api/tokens',
          cookies,
          headers,
          payload: { name: 'export' },
        })
      ).json();
      const bearer = { authorization: `Bearer ${created.token}` };
      const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer });
      expect(me.json()).toMatchObject({ email: EMAIL, csrfToken: null });
      const revoked = await app.inject({
        method: 'DELETE',
        url: `/api/tokens/${created.id}`,
        headers: bearer,
      });
      expect(revoked.statusCode).toBe(204);
      expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer })).statusCode).toBe(
        401,
      );
    });

    it('ends the session on sign-out', async () => {
      const session = await signIn();
      const cookies = { pobratim_session: session.cookies[0]!.value };
      const headers = { 'x-csrf-token': session.json().csrfToken };
      expect(
        (await app.inject({ method: 'DELETE', url: '/api/auth/session', cookies, headers })).statusCode,
      ).toBe(204);
      expect((await app.inject({ method: 'GET', url: '/api/auth/me', cookies })).statusCode).toBe(401);
    });

    it('throttles an account after five failed sign-ins, even with the right password', async () => {
      const email = 'viewer@kuznetsk.example';
      await database.db
        .insertInto('app_user')
        .values({ email, display_name: 'Viewer', password_hash: await hashPassword(PASSWORD) })
        .execute();
      for (let attempt = 0; attempt < 5; attempt++)
        expect((await signIn(email, 'guess')).statusCode).toBe(401);
      const blocked = await signIn(email, PASSWORD);
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().error.message).toMatch(/try again in \d+ s/);
      // The wait as a number, in the body and the header, for clients that do not read English.
      const wait = blocked.json().error.retryAfterSeconds as number;
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(15 * 60);
      expect(blocked.headers['retry-after']).toBe(String(wait));
      expect((await signIn()).statusCode).toBe(200);
    });

    it('evaluates at most five guesses of 30 sent at once; the right password after them does not get in', async () => {
      // All 30 are wrong: which of a burst takes the lock first is up to the scheduler, and a right
      // password among the first five would rightly get in (and clear the count).
      const email = 'race@kuznetsk.example';
      await database.db
        .insertInto('app_user')
        .values({ email, display_name: 'Race', password_hash: await hashPassword(PASSWORD) })
        .execute();
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, index) => signIn(email, `guess ${index}`)),
      );
      const statuses = answers.map((answer) => answer.statusCode);
      expect(statuses.filter((status) => status === 401).length).toBe(5);
      expect(statuses.filter((status) => status === 429).length).toBe(30 - 5);
      expect((await signIn(email, PASSWORD)).statusCode).toBe(429);
    });

    it('throttles per address: guesses from elsewhere do not lock the owner out', async () => {
      const email = 'owner@kuznetsk.example';
      await database.db
        .insertInto('app_user')
        .values({ email, display_name: 'Owner', password_hash: await hashPassword(PASSWORD) })
        .execute();
      const from = (remoteAddress: string, password: string) =>
        app.inject({
          method: 'POST',
          url: '/api/auth/session',
          remoteAddress,
          payload: { email, password },
        });
      for (let attempt = 0; attempt < 6; attempt++) await from('203.0.113.9', 'guess');
      expect((await from('203.0.113.9', PASSWORD)).statusCode).toBe(429);
      expect((await from('198.51.100.7', PASSWORD)).statusCode).toBe(200);
      // The account's e-mail in upper case and with a zero-width space in it is the same account.
      const disguised = await app.inject({
        method: 'POST',
        url: '/api/auth/session',
        remoteAddress: '203.0.113.9',
        payload: { email: 'OWNER@kuznetsk\u200b.example', password: PASSWORD },
      });
      expect(disguised.statusCode).toBe(429);
    });

    it('publishes the OpenAPI document with the sign-in route, and the documentation page', async () => {
      const spec = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
      expect(spec.openapi).toMatch(/^3\./);
      expect(
        spec.paths['/api/auth/session'].post.requestBody.content['application/json'].schema.required,
      ).toEqual(['email', 'password']);
      const page = await app.inject({ method: 'GET', url: '/api/docs/' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('swagger');
    });

    it('lets an administrator create an account that can then sign in, and shows it in the audit trail; others may not', async () => {
      const admin = await signIn();
      const cookies = { pobratim_session: admin.cookies[0]!.value };
      const headers = { 'x-csrf-token': admin.json().csrfToken };
      const created = await app.inject({
        method: 'POST',
        url: '/api/users',
        cookies,
        headers,
        payload: {
          email: 'new.editor@example.org',
          displayName: 'Новый редактор',
          roles: [{ role: 'admin' }],
        },
      });
      expect(created.statusCode).toBe(201);
      const { user, password } = created.json();
      expect(password).toMatch(/^\S{16,}$/);
      expect((await signIn('new.editor@example.org', password)).statusCode).toBe(200);
      const trail = await app.inject({ method: 'GET', url: '/api/audit?recordType=user', cookies });
      expect(trail.json().items[0]).toMatchObject({
        action: 'create',
        recordId: user.id,
        userId: admin.json().id,
      });

      const viewer = await database.db
        .insertInto('app_user')
        .values({
          email: 'just.viewer@example.org',
          display_name: 'V',
          password_hash: await hashPassword(PASSWORD),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const city = await database.db
        .insertInto('city')
        .values({ name_en: 'Baranovichi', country: 'BY' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await database.db
        .insertInto('user_role')
        .values({ user_id: viewer.id, role: 'city_viewer', city_id: city.id })
        .execute();
      const viewerSession = await signIn('just.viewer@example.org');
      const viewerCookies = { pobratim_session: viewerSession.cookies[0]!.value };
      expect(
        (await app.inject({ method: 'GET', url: '/api/users', cookies: viewerCookies })).statusCode,
      ).toBe(403);
      expect(
        (await app.inject({ method: 'GET', url: '/api/audit', cookies: viewerCookies })).statusCode,
      ).toBe(403);
      expect((await app.inject({ method: 'GET', url: '/api/audit' })).statusCode).toBe(401);
    });

    it('marks the session cookie Secure behind an HTTPS proxy it trusts', async () => {
      const proxied = await buildApp({ database, trustProxy: true });
      try {
        const response = await proxied.inject({
          method: 'POST',
          url: '/api/auth/session',
          headers: { 'x-forwarded-proto': 'https' },
          payload: { email: EMAIL, password: PASSWORD },
        });
        expect(response.cookies[0]).toMatchObject({ name: 'pobratim_session', secure: true, httpOnly: true });
      } finally {
        await proxied.close();
      }
    });
  });
}
