import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connect.ts';
import { openDatabase } from '../db/connect.ts';
import { testEngines } from '../db/test-database.ts';
import { insertTestCity } from '../modules/audit/test-cities.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { sharedDir } from '../shared-dir.ts';
import { buildApp } from './app.ts';
import { insertTestAccounts } from './test-accounts.ts';

const SEED_TEXT = readFileSync(sharedDir('seed', '000_99b162f3906cbee7.txt'), 'utf8');
const PASSWORD = 'correct horse battery';

// Several Pobratim servers behind a balancer on one PostgreSQL server behave as one: whatever
// decides (sessions, the sign-in throttle, versions, imports) lives in the database, none of it in
// one process's memory. Each check goes in through one server and out through the other.
for (const engine of testEngines().filter((candidate) => candidate.openAlso)) {
  describe(`two servers on one ${engine.engine} database`, () => {
    let first: DatabaseHandle;
    let second: DatabaseHandle;
    let one: FastifyInstance;
    let two: FastifyInstance;
    let tokens: Record<string, string>;
    const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });

    beforeAll(async () => {
      first = await engine.open();
      second = await engine.openAlso!(first);
      one = await buildApp({ database: first });
      two = await buildApp({ database: second });
      const baranovichi = await insertTestCity(first.db, 'Барановичи', 'Baranovichi', 'BY');
      const kuznetsk = await insertTestCity(first.db, 'Кузнецк', 'Kuznetsk', 'RU');
      await first.db
        .insertInto('twinning')
        .values({ city_a_id: baranovichi, city_b_id: kuznetsk, status: 'active' })
        .execute();
      tokens = await insertTestAccounts(first.db, [['editor', 'city_editor', baranovichi, null]]);
      for (const email of ['admin@one.example', 'viewer@one.example']) {
        const user = await first.db
          .insertInto('app_user')
          .values({ email, display_name: email, password_hash: await hashPassword(PASSWORD) })
          .returning('id')
          .executeTakeFirstOrThrow();
        await first.db.insertInto('user_role').values({ user_id: user.id, role: 'admin' }).execute();
      }
    });
    afterAll(async () => {
      await one?.close();
      await two?.close();
      await second?.close();
      await first?.close();
    });

    const signIn = (app: FastifyInstance, email: string, password: string) =>
      app.inject({ method: 'POST', url: '/api/auth/session', payload: { email, password } });

    it('keeps a session made on one server signed in on the other, and signed out on both', async () => {
      const session = await signIn(one, 'admin@one.example', PASSWORD);
      expect(session.statusCode).toBe(200);
      const cookies = { pobratim_session: session.cookies[0]!.value };
      const me = await two.inject({ method: 'GET', url: '/api/auth/me', cookies });
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({ email: 'admin@one.example' });
      const headers = { 'x-csrf-token': session.json().csrfToken };
      expect(
        (await two.inject({ method: 'DELETE', url: '/api/auth/session', cookies, headers })).statusCode,
      ).toBe(204);
      expect((await one.inject({ method: 'GET', url: '/api/auth/me', cookies })).statusCode).toBe(401);
    });

    it('counts wrong passwords sent to either server against one limit', async () => {
      for (const app of [one, two, one, two, one]) {
        expect((await signIn(app, 'viewer@one.example', 'a guess')).statusCode).toBe(401);
      }
      // The sixth try, the right password, through the server that saw only two guesses.
      expect((await signIn(two, 'viewer@one.example', PASSWORD)).statusCode).toBe(429);
    });

    it('refuses through one server an edit of a version the other has already replaced', async () => {
      const created = await one.inject({
        method: 'POST',
        url: '/api/organizations',
        headers: as('editor'),
        payload: { name: 'гимназия № 2', cityId: await cityId('Барановичи') },
      });
      expect(created.statusCode, created.body).toBe(201);
      const { id, version } = created.json() as { id: number; version: number };
      const edited = await one.inject({
        method: 'PATCH',
        url: `/api/organizations/${id}`,
        headers: as('editor'),
        payload: { website: 'https://gymnasium2.example.by', version },
      });
      expect(edited.statusCode).toBe(200);
      const stale = await two.inject({
        method: 'PATCH',
        url: `/api/organizations/${id}`,
        headers: as('editor'),
        payload: { website: 'https://elsewhere.example.by', version },
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error).toMatchObject({ code: 'stale_version', currentVersion: version + 1 });
      const stored = await two.inject({
        method: 'GET',
        url: `/api/organizations/${id}`,
        headers: as('editor'),
      });
      expect(stored.json()).toMatchObject({ website: 'https://gymnasium2.example.by', version: version + 1 });
    });

    it('shows an import accepted through one server at once through the other', async () => {
      const imported = await one.inject({
        method: 'POST',
        url: '/api/documents',
        headers: as('editor'),
        payload: { text: SEED_TEXT, publishedOn: '2025-09-25', homeCity: 'Барановичи' },
      });
      expect(imported.statusCode, imported.body).toBe(201);
      const { document, draft } = imported.json() as { document: { id: number }; draft: object };
      const accepted = await one.inject({
        method: 'POST',
        url: `/api/documents/${document.id}/accept`,
        headers: as('editor'),
        payload: draft,
      });
      expect(accepted.statusCode, accepted.body).toBe(200);
      const visits = await two.inject({ method: 'GET', url: '/api/visits', headers: as('editor') });
      expect(visits.json().items).toEqual([
        expect.objectContaining({
          fromCityId: await cityId('Барановичи'),
          toCityId: await cityId('Кузнецк'),
        }),
      ]);
      const records = await two.inject({
        method: 'GET',
        url: `/api/documents/${document.id}/records`,
        headers: as('editor'),
      });
      expect(records.json().map((record: { recordType: string }) => record.recordType)).toContain('visit');
    });

    async function cityId(name: string): Promise<number> {
      const row = await first.db
        .selectFrom('city')
        .select('id')
        .where('name_ru', '=', name)
        .executeTakeFirstOrThrow();
      return row.id;
    }
  });
}

describe('the embedded database for more than one server', () => {
  it('is refused to a second server, which is told to use a PostgreSQL server instead', async () => {
    const { mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dataDir = await mkdtemp(join(tmpdir(), 'pobratim-two-'));
    const held = await openDatabase({ dataDir, purpose: 'the first server' });
    try {
      await expect(openDatabase({ dataDir, purpose: 'the second server' })).rejects.toThrow(/DATABASE_URL/);
    } finally {
      await held.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
