import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ensureFirstAdministrator, FIRST_ADMIN_EMAIL } from '../modules/users/account-keeper.ts';
import { ensureAdministratorCanSignIn } from '../commands/import-registry.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { testEngines } from '../db/test-database.ts';
import { buildApp } from '../server/app.ts';

for (const engine of testEngines()) {
  describe(`changing one's password on ${engine.engine}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    let oneTime: string;
    beforeAll(async () => {
      database = await engine.open();
      app = await buildApp({ database });
      const first = await ensureFirstAdministrator(database.db);
      if (!first) throw new Error('no first administrator');
      oneTime = first.password;
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    async function signIn(password: string) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/session',
        payload: { email: FIRST_ADMIN_EMAIL, password },
      });
      const cookie = response.cookies.find((c) => c.name === 'pobratim_session');
      return {
        response,
        cookies: { pobratim_session: cookie?.value ?? '' },
        csrf: response.json().csrfToken,
      };
    }
    const me = (cookies: Record<string, string>) =>
      app.inject({ method: 'GET', url: '/api/auth/me', cookies });
    const change = (session: Awaited<ReturnType<typeof signIn>>, payload: unknown) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/password',
        cookies: session.cookies,
        headers: { 'x-csrf-token': session.csrf },
        payload: payload as Record<string, unknown>,
      });

    it('asks the first administrator to choose a password, checks it, and ends the other sessions', async () => {
      const first = await signIn(oneTime);
      expect(first.response.json()).toMatchObject({ email: FIRST_ADMIN_EMAIL, mustChangePassword: true });
      const second = await signIn(oneTime);

      // Until the password is changed, the session reads but writes nothing else: not a record, not
      // an API token that would outlive the one-time password.
      const write = (session: Awaited<ReturnType<typeof signIn>>, url: string, payload: object) =>
        app.inject({
          method: 'POST',
          url,
          cookies: session.cookies,
          headers: { 'x-csrf-token': session.csrf },
          payload,
        });
      expect(
        (await app.inject({ method: 'GET', url: '/api/visits', cookies: first.cookies })).statusCode,
      ).toBe(200);
      for (const [url, payload] of [
        ['/api/tokens', { name: 'script' }],
        ['/api/projects', { title: 'Школьный обмен', parties: [] }],
      ] as const) {
        const refused = await write(first, url, payload);
        expect(refused.statusCode, url).toBe(403);
        expect(refused.json().error.message).toContain('change it first');
      }
      expect(await database.db.selectFrom('api_token').select('id').execute()).toEqual([]);

      const wrong = await change(first, { currentPassword: 'not it', newPassword: 'a long new password' });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.details).toEqual([
        { path: 'currentPassword', message: 'is not the current password' },
      ]);
      const short = await change(first, { currentPassword: oneTime, newPassword: 'short' });
      expect(short.statusCode).toBe(400);
      expect(short.json().error.details[0]).toMatchObject({ path: 'body.newPassword' });
      const same = await change(first, { currentPassword: oneTime, newPassword: oneTime });
      expect(same.statusCode).toBe(400);
      expect((await me(first.cookies)).json().mustChangePassword).toBe(true);

      const done = await change(first, { currentPassword: oneTime, newPassword: 'our own password 2026' });
      expect(done.statusCode).toBe(204);
      // This session stays and no longer asks; the other one has ended.
      expect((await me(first.cookies)).json()).toMatchObject({ mustChangePassword: false });
      expect((await me(second.cookies)).statusCode).toBe(401);
      expect((await signIn(oneTime)).response.statusCode).toBe(401);
      const again = await signIn('our own password 2026');
      expect(again.response.json()).toMatchObject({ mustChangePassword: false });

      // Audited, without the password or its hash.
      const entries = await database.db
        .selectFrom('audit_entry')
        .select(['action', 'user_id', 'after'])
        .where('record_type', '=', 'user')
        .orderBy('id')
        .execute();
      const last = entries[entries.length - 1]!;
      expect(last).toMatchObject({ action: 'update', user_id: again.response.json().id });
      expect(JSON.stringify(last.after)).not.toMatch(/password_hash|argon2|our own password/);
      expect(last.after).toMatchObject({ passwordChanged: true });
      // The session that changed it may now write.
      const token = await write(first, '/api/tokens', { name: 'script' });
      expect(token.statusCode, token.body).toBe(201);
    });

    it('refuses the anonymous and a cookie write without the CSRF header', async () => {
      const anonymous = await app.inject({
        method: 'POST',
        url: '/api/auth/password',
        payload: { currentPassword: 'x', newPassword: 'a long new password' },
      });
      expect(anonymous.statusCode).toBe(401);
      const session = await signIn('our own password 2026');
      const noCsrf = await app.inject({
        method: 'POST',
        url: '/api/auth/password',
        cookies: session.cookies,
        payload: { currentPassword: 'our own password 2026', newPassword: 'another long password' },
      });
      expect(noCsrf.statusCode).toBe(403);
    });
  });

  describe(`the one-time password of \`pobratim import\` on ${engine.engine}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    beforeAll(async () => {
      database = await engine.open();
      app = await buildApp({ database });
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    it('signs in asking for a new password, and writes nothing until it is changed', async () => {
      // An imported registry's accounts arrive without passwords and without an audit trail of
      // their making: the import gives the first administrator a one-time password.
      const { db } = database;
      const chief = await db
        .insertInto('app_user')
        .values({ email: 'chief@example.org', display_name: 'Chief' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.insertInto('user_role').values({ user_id: chief.id, role: 'admin' }).execute();
      const oneTime = await ensureAdministratorCanSignIn(db);
      expect(oneTime?.email).toBe('chief@example.org');

      const signedIn = await app.inject({
        method: 'POST',
        url: '/api/auth/session',
        payload: { email: 'chief@example.org', password: oneTime!.password },
      });
      expect(signedIn.json()).toMatchObject({ mustChangePassword: true });
      const cookies = {
        pobratim_session: signedIn.cookies.find((c) => c.name === 'pobratim_session')!.value,
      };
      const headers = { 'x-csrf-token': signedIn.json().csrfToken as string };
      const token = await app.inject({
        method: 'POST',
        url: '/api/tokens',
        cookies,
        headers,
        payload: { name: 'script' },
      });
      expect(token.statusCode).toBe(403);
      expect(await db.selectFrom('api_token').select('id').execute()).toEqual([]);

      const changed = await app.inject({
        method: 'POST',
        url: '/api/auth/password',
        cookies,
        headers,
        payload: { currentPassword: oneTime!.password, newPassword: 'the chief’s own password' },
      });
      expect(changed.statusCode).toBe(204);
      expect((await app.inject({ method: 'GET', url: '/api/auth/me', cookies })).json()).toMatchObject({
        mustChangePassword: false,
      });
    });
  });
}
