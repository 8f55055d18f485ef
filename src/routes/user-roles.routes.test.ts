import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../db/connect.ts';
import { testEngines } from '../db/test-database.ts';
import { insertTestCity } from '../modules/audit/test-cities.ts';
import { buildApp } from '../server/app.ts';
import { insertTestAccounts } from '../server/test-accounts.ts';

for (const engine of testEngines()) {
  describe(`taking roles away and the audit trail by date on ${engine.engine}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    let cityId = 0;
    let tokens: Record<string, string> = {};

    beforeAll(async () => {
      database = await engine.open();
      app = await buildApp({ database });
      cityId = await insertTestCity(database.db, 'Барановичи', 'Baranovichi');
      tokens = await insertTestAccounts(database.db, [
        ['admin', 'admin', null, null],
        ['editor', 'city_editor', cityId, null],
      ]);
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    const call = (who: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
      app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${tokens[who]}` },
        ...(payload ? { payload } : {}),
      });

    it('grants and takes away a city role, each change in the audit trail', async () => {
      const created = await call('admin', 'POST', '/api/users', {
        email: 'viewer@example.org',
        displayName: 'Зритель',
        roles: [{ role: 'city_viewer', cityId }],
      });
      expect(created.statusCode).toBe(201);
      const userId = created.json().user.id as number;
      expect(created.json().password).toMatch(/.{8,}/);

      const revoked = await call('admin', 'DELETE', `/api/users/${userId}/roles`, {
        role: 'city_viewer',
        cityId,
      });
      expect(revoked.statusCode).toBe(200);
      expect(revoked.json().roles).toEqual([]);

      const trail = (await call('admin', 'GET', `/api/audit?recordType=user&recordId=${userId}`)).json();
      expect(trail.items.map((entry: { action: string }) => entry.action)).toEqual(['update', 'create']);
      expect(trail.items[0].before.roles).toEqual([{ role: 'city_viewer', cityId }]);
      expect(trail.items[0].after.roles).toEqual([]);
    });

    it('refuses the role change to a non-administrator and an administrator demoting themselves', async () => {
      const me = (await call('admin', 'GET', '/api/auth/me')).json();
      const self = await call('admin', 'DELETE', `/api/users/${me.id}/roles`, { role: 'admin' });
      expect(self.statusCode).toBe(409);
      expect(self.json().error.message).toContain('administrator role from yourself');
      const editor = (await call('editor', 'GET', '/api/auth/me')).json();
      const byEditor = await call('editor', 'DELETE', `/api/users/${editor.id}/roles`, {
        role: 'city_editor',
        cityId,
      });
      expect(byEditor.statusCode).toBe(403);
      expect((await call('admin', 'GET', '/api/auth/me')).json().roles).toEqual([{ role: 'admin' }]);
    });

    it('filters the audit trail by a span of time', async () => {
      const all = (await call('admin', 'GET', '/api/audit?limit=500')).json().items as { at: string }[];
      expect(all.length).toBeGreaterThan(0);
      const newest = all[0]!.at;
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
      const since = encodeURIComponent(newest);
      const fromNewest = (await call('admin', 'GET', `/api/audit?from=${since}&limit=500`)).json().items;
      expect(fromNewest.length).toBeGreaterThan(0);
      expect(fromNewest.every((entry: { at: string }) => entry.at >= newest)).toBe(true);
      const beforeNewest = (await call('admin', 'GET', `/api/audit?to=${since}&limit=500`)).json().items;
      expect(beforeNewest.length + fromNewest.length).toBe(all.length);
      const future = (await call('admin', 'GET', `/api/audit?from=${encodeURIComponent(tomorrow)}`)).json();
      expect(future.items).toEqual([]);
      const wrong = await call('admin', 'GET', '/api/audit?from=yesterday');
      expect(wrong.statusCode).toBe(400);
    });
  });
}
