import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ensureFirstAdministrator, FIRST_ADMIN_EMAIL } from '../modules/users/account-keeper.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { testEngines } from '../db/test-database.ts';
import { loadGazetteer } from '../gazetteer/index.ts';
import { buildApp } from '../server/app.ts';
import { insertTestAccounts } from '../server/test-accounts.ts';
import { sharedDir } from '../shared-dir.ts';
import { loadTestPlaces } from '../modules/cities/test-places.ts';

const BARANOVICHI = 630429;

for (const engine of testEngines()) {
  describe(`setting up an installation on ${engine.engine}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    let tokens: Record<string, string>;
    let oneTime: string;
    let partners: { kineshma: number; kuznetsk: number };
    beforeAll(async () => {
      database = await engine.open();
      const gazetteer = loadGazetteer();
      const kineshma = gazetteer.find('Кинешма', { within: ['RU'] })[0]!.id;
      const kuznetsk = gazetteer.find('Кузнецк', { within: ['RU'] })[0]!.id;
      partners = { kineshma, kuznetsk };
      const wanted = new Set([BARANOVICHI, kineshma, kuznetsk]);
      await loadTestPlaces(database.db, gazetteer, (place) => wanted.has(place.id));
      app = await buildApp({ database });
      const first = await ensureFirstAdministrator(database.db);
      if (!first) throw new Error('no first administrator');
      oneTime = first.password;
      tokens = await insertTestAccounts(database.db, [
        ['admin', 'admin', null, null],
        ['editor', 'city_editor', BARANOVICHI, null],
      ]);
    }, 300_000);
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });
    const call = (
      who: string | null,
      method: 'GET' | 'PUT' | 'DELETE' | 'POST',
      url: string,
      payload?: object,
    ) =>
      app.inject({
        method,
        url,
        headers: who ? { authorization: `Bearer ${tokens[who]}` } : {},
        ...(payload ? { payload } : {}),
      });

    it('says the installation is fresh until the first administrator chooses a password', async () => {
      expect((await call(null, 'GET', '/api/setup/status')).json()).toEqual({ firstStart: true });
      const session = await app.inject({
        method: 'POST',
        url: '/api/auth/session',
        payload: { email: FIRST_ADMIN_EMAIL, password: oneTime },
      });
      const cookies = { pobratim_session: session.cookies.find((c) => c.name === 'pobratim_session')!.value };
      const changed = await app.inject({
        method: 'POST',
        url: '/api/auth/password',
        cookies,
        headers: { 'x-csrf-token': session.json().csrfToken },
        payload: { currentPassword: oneTime, newPassword: 'our own password 2026' },
      });
      expect(changed.statusCode).toBe(204);
      expect((await call(null, 'GET', '/api/setup/status')).json()).toEqual({ firstStart: false });
    });

    it('offers the twin cities Wikipedia lists for a city, marking the ones recorded', async () => {
      // As on a user's machine: no shared folder beside the project.
      const empty = mkdtempSync(path.join(tmpdir(), 'pobratim-no-shared-'));
      const before = process.env.POBRATIM_SHARED_DIR;
      process.env.POBRATIM_SHARED_DIR = empty;
      try {
        expect(() => sharedDir('data')).toThrow(/shared folder/);
        await offersTwins();
      } finally {
        if (before === undefined) delete process.env.POBRATIM_SHARED_DIR;
        else process.env.POBRATIM_SHARED_DIR = before;
      }
    });

    const offersTwins = async () => {
      expect((await call(null, 'GET', `/api/cities/${BARANOVICHI}/twin-suggestions`)).statusCode).toBe(401);
      const before = (await call('editor', 'GET', `/api/cities/${BARANOVICHI}/twin-suggestions`)).json();
      expect(before.available).toBe(true);
      // Only the partners in the registry are offered; Kuznetsk is not on Wikipedia's list.
      expect(before.suggestions).toEqual([
        { city: expect.objectContaining({ id: partners.kineshma, nameRu: 'Кинешма' }), twinningId: null },
      ]);
      const twinning = await call('admin', 'POST', '/api/twinnings', {
        cityIds: [BARANOVICHI, partners.kineshma],
        tier: 'twin',
        status: 'active',
      });
      expect(twinning.statusCode).toBe(201);
      const after = (await call('editor', 'GET', `/api/cities/${BARANOVICHI}/twin-suggestions`)).json();
      expect(after.suggestions[0].twinningId).toBe(twinning.json().id);
      expect((await call('editor', 'GET', '/api/cities/999999999/twin-suggestions')).statusCode).toBe(404);
    };

    it('lets administrators take a city out of the home cities, nobody else', async () => {
      expect(
        (await call('admin', 'PUT', `/api/home-cities/${BARANOVICHI}`, { published: false })).statusCode,
      ).toBe(200);
      expect((await call('editor', 'DELETE', `/api/home-cities/${BARANOVICHI}`)).statusCode).toBe(403);
      expect((await call(null, 'DELETE', `/api/home-cities/${BARANOVICHI}`)).statusCode).toBe(401);
      expect((await call('admin', 'DELETE', `/api/home-cities/${BARANOVICHI}`)).statusCode).toBe(204);
      expect((await call('admin', 'GET', '/api/home-cities')).json()).toEqual([]);
      expect((await call('admin', 'DELETE', `/api/home-cities/${BARANOVICHI}`)).statusCode).toBe(404);
      // The city and its twinnings stay.
      expect((await call('admin', 'GET', `/api/cities/${BARANOVICHI}/twinnings`)).json()).toHaveLength(1);
    });
  });
}
