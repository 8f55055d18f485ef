import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../db/connect.ts';
import { testEngines } from '../db/test-database.ts';
import { buildApp } from '../server/app.ts';
import { hashPassword } from '../modules/auth/password.ts';

const PASSWORD = 'correct horse battery';

for (const engine of testEngines()) {
  describe(`/api/tokens on ${engine.engine}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    const ids: Record<'admin' | 'olga' | 'ivan', number> = { admin: 0, olga: 0, ivan: 0 };

    beforeAll(async () => {
      database = await engine.open();
      app = await buildApp({ database });
      const city = await database.db
        .insertInto('city')
        .values({ name_en: 'Baranovichi', country: 'BY' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const hash = await hashPassword(PASSWORD);
      for (const name of ['admin', 'olga', 'ivan'] as const) {
        const user = await database.db
          .insertInto('app_user')
          .values({ email: `${name}@example.org`, display_name: name, password_hash: hash })
          .returning('id')
          .executeTakeFirstOrThrow();
        ids[name] = user.id;
        await database.db
          .insertInto('user_role')
          .values(
            name === 'admin'
              ? { user_id: user.id, role: 'admin' }
              : { user_id: user.id, role: 'city_editor', city_id: city.id },
          )
          .execute();
      }
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    /** Signs in by cookie and returns the headers and cookies a browser would send. */
    async function signIn(name: keyof typeof ids) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/session',
        payload: { email: `${name}@example.org`, password: PASSWORD },
      });
      expect(response.statusCode).toBe(200);
      return {
        cookies: { pobratim_session: response.cookies[0]!.value },
        headers: { 'x-csrf-token': response.json().csrfToken as string },
      };
    }

    async function create(name: keyof typeof ids, payload: Record<string, unknown>) {
      return app.inject({ method: 'POST', url: '/api/tokens', ...(await signIn(name)), payload });
    }

    async function list(name: keyof typeof ids, query = '') {
      const { cookies } = await signIn(name);
      return app.inject({ method: 'GET', url: `/api/tokens${query}`, cookies });
    }

    it('shows the secret once: in the answer to the creation, never in the list', async () => {
      const created = await create('olga', { name: 'Выгрузка визитов', expiresInDays: 30 });
      expect(created.statusCode).toBe(201);
      const token = created.json();
      expect(token).toMatchObject({ name: 'Выгрузка визитов', userId: ids.olga, lastUsedAt: null });
      expect(token.token).toMatch(/^pbt_\S{40,}$/);
      const days = (Date.parse(token.expiresAt) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(29.9);
      expect(days).toBeLessThanOrEqual(30);

      const listed = await list('olga');
      expect(listed.statusCode).toBe(200);
      expect(listed.json().items).toEqual([
        {
          id: token.id,
          userId: ids.olga,
          name: 'Выгрузка визитов',
          createdAt: token.createdAt,
          lastUsedAt: null,
          expiresAt: token.expiresAt,
        },
      ]);
      expect(listed.body).not.toContain(token.token);
    });

    it('notes when a token was last used, and a revoked token then gets 401', async () => {
      const token = (await create('olga', { name: 'Партнёрская система' })).json();
      expect(token.expiresAt).toBeNull();
      const bearer = { authorization: `Bearer ${token.token}` };
      expect((await app.inject({ method: 'GET', url: '/api/visits', headers: bearer })).statusCode).toBe(200);
      const used = (await list('olga')).json().items.find((item: { id: number }) => item.id === token.id);
      expect(used.lastUsedAt).not.toBeNull();

      const session = await signIn('olga');
      const revoked = await app.inject({ method: 'DELETE', url: `/api/tokens/${token.id}`, ...session });
      expect(revoked.statusCode).toBe(204);
      const after = await app.inject({ method: 'GET', url: '/api/visits', headers: bearer });
      expect(after.statusCode).toBe(401);
      expect((await list('olga')).json().items.map((item: { id: number }) => item.id)).not.toContain(
        token.id,
      );
    });

    it('lets a token revoke itself, as a script rotating its key would', async () => {
      const token = (await create('ivan', { name: 'ротация' })).json();
      const bearer = { authorization: `Bearer ${token.token}` };
      const revoked = await app.inject({ method: 'DELETE', url: `/api/tokens/${token.id}`, headers: bearer });
      expect(revoked.statusCode).toBe(204);
      expect((await app.inject({ method: 'GET', url: '/api/tokens', headers: bearer })).statusCode).toBe(401);
    });

    it("keeps a user away from another user's tokens: not listed, not revocable", async () => {
      const olgas = (await create('olga', { name: 'только Ольги' })).json();
      expect((await list('ivan')).json().items.map((item: { name: string }) => item.name)).not.toContain(
        'только Ольги',
      );
      const other = await list('ivan', `?userId=${ids.olga}`);
      expect(other.statusCode).toBe(403);
      const session = await signIn('ivan');
      const revoke = await app.inject({ method: 'DELETE', url: `/api/tokens/${olgas.id}`, ...session });
      expect(revoke.statusCode).toBe(404);
      const bearer = { authorization: `Bearer ${olgas.token}` };
      expect((await app.inject({ method: 'GET', url: '/api/visits', headers: bearer })).statusCode).toBe(200);
    });

    it("lets an administrator list and revoke anyone's token, and the audit trail says who did it", async () => {
      const ivans = (await create('ivan', { name: 'скрипт Ивана' })).json();
      const listed = await list('admin', `?userId=${ids.ivan}`);
      expect(listed.statusCode).toBe(200);
      expect(listed.json().items.map((item: { name: string }) => item.name)).toContain('скрипт Ивана');
      expect((await list('admin')).json().items).toEqual([]);

      const admin = await signIn('admin');
      const revoked = await app.inject({ method: 'DELETE', url: `/api/tokens/${ivans.id}`, ...admin });
      expect(revoked.statusCode).toBe(204);
      const bearer = { authorization: `Bearer ${ivans.token}` };
      expect((await app.inject({ method: 'GET', url: '/api/visits', headers: bearer })).statusCode).toBe(401);

      const trail = await app.inject({
        method: 'GET',
        url: `/api/audit?recordType=user&recordId=${ids.ivan}`,
        cookies: admin.cookies,
      });
      const [revocation, creation] = trail.json().items;
      expect(revocation).toMatchObject({ action: 'update', userId: ids.admin });
      expect(revocation.before.apiTokens).toContain('скрипт Ивана');
      expect(revocation.after.apiTokens).not.toContain('скрипт Ивана');
      expect(creation).toMatchObject({ action: 'update', userId: ids.ivan });
      expect(creation.after.apiTokens).toContain('скрипт Ивана');
      expect(JSON.stringify(trail.json())).not.toContain(ivans.token);
    });

    it('refuses a cookie write without the CSRF header, a bad name, and the anonymous', async () => {
      const { cookies } = await signIn('olga');
      const noCsrf = await app.inject({
        method: 'POST',
        url: '/api/tokens',
        cookies,
        payload: { name: 'x' },
      });
      expect(noCsrf.statusCode).toBe(403);
      const blank = await create('olga', { name: '   ' });
      expect(blank.statusCode).toBe(400);
      expect(blank.json().error.details[0].path).toBe('body.name');
      const noDays = await create('olga', { name: 'x', expiresInDays: 0 });
      expect(noDays.statusCode).toBe(400);
      expect((await app.inject({ method: 'GET', url: '/api/tokens' })).statusCode).toBe(401);
      expect((await app.inject({ method: 'DELETE', url: '/api/tokens/1' })).statusCode).toBe(401);
    });

    it('describes the routes in the OpenAPI document, without a secret in the list', async () => {
      const spec = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
      expect(Object.keys(spec.paths['/api/tokens'])).toEqual(expect.arrayContaining(['get', 'post']));
      expect(spec.paths['/api/tokens/{id}'].delete).toBeDefined();
      expect(Object.keys(spec.components.schemas.ApiToken.properties)).not.toContain('token');
      expect(Object.keys(spec.components.schemas.ApiTokenIssued.properties)).toContain('token');
    });
  });
}
