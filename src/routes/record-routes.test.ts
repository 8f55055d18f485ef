import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../db/connect.ts';
import { testEngines } from '../db/test-database.ts';
import { insertTestCity } from '../modules/audit/test-cities.ts';
import { buildApp } from '../server/app.ts';
import { insertTestAccounts } from '../server/test-accounts.ts';

type Who = 'admin' | 'baranovichiEditor' | 'baranovichiViewer' | 'minskEditor' | 'gymnasiumEditor' | 'public';

for (const engine of testEngines()) {
  describe(`records through the API on ${engine.engine}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    const city = { baranovichi: 0, kuznetsk: 0, minsk: 0 };
    const org = { gymnasium: 0, lyceum: 0 };
    const tokens = {} as Record<Who, string | null>;

    beforeAll(async () => {
      database = await engine.open();
      app = await buildApp({ database });
      const { db } = database;
      city.baranovichi = await insertTestCity(db, 'Барановичи', 'Baranovichi');
      city.kuznetsk = await insertTestCity(db, 'Кузнецк', 'Kuznetsk', 'RU');
      city.minsk = await insertTestCity(db, 'Минск', 'Minsk');
      for (const [key, name, cityId] of [
        ['gymnasium', 'гимназия № 5', city.baranovichi],
        ['lyceum', 'лицей № 21', city.kuznetsk],
      ] as const) {
        org[key] = (
          await db
            .insertInto('organization')
            .values({ name, city_id: cityId })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      }
      Object.assign(
        tokens,
        await insertTestAccounts(db, [
          ['admin', 'admin', null, null],
          ['baranovichiEditor', 'city_editor', city.baranovichi, null],
          ['baranovichiViewer', 'city_viewer', city.baranovichi, null],
          ['minskEditor', 'city_editor', city.minsk, null],
          ['gymnasiumEditor', 'org_editor', null, org.gymnasium],
        ]),
      );
      tokens.public = null;
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    function call(
      who: Who,
      method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
      url: string,
      payload?: object,
    ) {
      const headers = tokens[who] ? { authorization: `Bearer ${tokens[who]}` } : {};
      return app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    }

    const visit = (from: number, to: number) => ({
      fromCityId: from,
      toCityId: to,
      startDate: '2025-09-18',
      endDate: '2025-09-21',
      kind: 'working',
    });

    it('lets each role create a visit only where its city is a side', async () => {
      const own = () => visit(city.baranovichi, city.kuznetsk);
      const expected: Array<[Who, object, number]> = [
        ['admin', visit(city.minsk, city.kuznetsk), 201],
        ['baranovichiEditor', own(), 201],
        ['baranovichiEditor', visit(city.minsk, city.kuznetsk), 403],
        ['baranovichiViewer', own(), 403],
        ['minskEditor', own(), 403],
        ['gymnasiumEditor', own(), 403],
        ['public', own(), 401],
      ];
      for (const [who, body, status] of expected) {
        expect([who, (await call(who, 'POST', '/api/visits', body)).statusCode]).toEqual([who, status]);
      }
    });

    it('shows a visit to the roles of its cities and to no one else', async () => {
      const created = (
        await call('admin', 'POST', '/api/visits', visit(city.baranovichi, city.kuznetsk))
      ).json();
      const expected: Array<[Who, number]> = [
        ['admin', 200],
        ['baranovichiEditor', 200],
        ['baranovichiViewer', 200],
        ['minskEditor', 403],
        ['gymnasiumEditor', 403],
        ['public', 401],
      ];
      for (const [who, status] of expected) {
        expect([who, (await call(who, 'GET', `/api/visits/${created.id}`)).statusCode]).toEqual([
          who,
          status,
        ]);
      }
      const listed = (await call('minskEditor', 'GET', '/api/visits')).json();
      expect(listed.items.map((item: { id: number }) => item.id)).not.toContain(created.id);
      expect((await call('public', 'GET', '/api/visits')).statusCode).toBe(401);
    });

    it('refuses a stale edit with 409 and keeps the newer one; refuses moving a visit out of the editor’s city', async () => {
      const created = (
        await call('baranovichiEditor', 'POST', '/api/visits', visit(city.baranovichi, city.kuznetsk))
      ).json();
      const url = `/api/visits/${created.id}`;
      const first = await call('baranovichiEditor', 'PATCH', url, {
        version: created.version,
        purpose: 'День города',
      });
      expect(first.statusCode).toBe(200);
      const stale = await call('baranovichiEditor', 'PATCH', url, {
        version: created.version,
        purpose: 'Другое',
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.code).toBe('stale_version');
      expect((await call('admin', 'GET', url)).json().purpose).toBe('День города');
      const moved = await call('baranovichiEditor', 'PATCH', url, {
        version: first.json().version,
        fromCityId: city.minsk,
      });
      expect(moved.statusCode).toBe(403);
    });

    it('deletes with the version seen, and the history keeps create, update and delete', async () => {
      const created = (
        await call('admin', 'POST', '/api/visits', visit(city.kuznetsk, city.baranovichi))
      ).json();
      const url = `/api/visits/${created.id}`;
      const updated = (
        await call('admin', 'PATCH', url, { version: created.version, outcomes: 'Подписано соглашение' })
      ).json();
      expect(
        (await call('baranovichiViewer', 'DELETE', `${url}?version=${updated.version}`)).statusCode,
      ).toBe(403);
      expect((await call('admin', 'DELETE', `${url}?version=${created.version}`)).statusCode).toBe(409);
      expect((await call('admin', 'DELETE', `${url}?version=${updated.version}`)).statusCode).toBe(204);
      expect((await call('admin', 'GET', url)).statusCode).toBe(404);
      const history = (await call('admin', 'GET', `${url}/history`)).json();
      expect(history.map((entry: { action: string }) => entry.action)).toEqual([
        'create',
        'update',
        'delete',
      ]);
      expect((await call('baranovichiEditor', 'GET', `${url}/history`)).statusCode).toBe(403);
    });

    it('lets an organization editor change their own organization and its agreements, not another', async () => {
      const gymnasium = (await call('gymnasiumEditor', 'GET', `/api/organizations/${org.gymnasium}`)).json();
      const edit = await call('gymnasiumEditor', 'PATCH', `/api/organizations/${org.gymnasium}`, {
        version: gymnasium.version,
        website: 'https://gymnasium5.example.by',
      });
      expect(edit.statusCode).toBe(200);
      expect(
        (await call('gymnasiumEditor', 'PATCH', `/api/organizations/${org.lyceum}`, { version: 1 }))
          .statusCode,
      ).toBe(403);
      const agreement = {
        kind: 'cooperation',
        title: 'Соглашение о партнёрстве',
        parties: [{ organizationId: org.gymnasium }, { cityId: city.kuznetsk }],
      };
      expect((await call('gymnasiumEditor', 'POST', '/api/agreements', agreement)).statusCode).toBe(201);
      // The lyceum of Kuznetsk (not twinned with Baranovichi yet) is not the gymnasium editor's to read,
      // so not theirs to name either.
      const withLyceum = {
        ...agreement,
        parties: [{ organizationId: org.gymnasium }, { organizationId: org.lyceum }],
      };
      const refused = await call('gymnasiumEditor', 'POST', '/api/agreements', withLyceum);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.details).toEqual([
        {
          path: 'parties.1.organizationId',
          message: `names a record you may not read (organization ${org.lyceum})`,
        },
      ]);
      const withoutUs = { ...agreement, parties: [{ cityId: city.minsk }, { organizationId: org.lyceum }] };
      expect((await call('gymnasiumEditor', 'POST', '/api/agreements', withoutUs)).statusCode).toBe(403);
    });

    it('lists the institutions’ agreements under the twinning of their cities, to the editors of both', async () => {
      const twinning = await call('baranovichiEditor', 'POST', '/api/twinnings', {
        cityIds: [city.kuznetsk, city.baranovichi],
        tier: 'twin',
        establishedYear: 2008,
      });
      expect(twinning.statusCode).toBe(201);
      const again = await call('admin', 'POST', '/api/twinnings', {
        cityIds: [city.baranovichi, city.kuznetsk],
      });
      expect(again.statusCode).toBe(409);
      await call('admin', 'POST', '/api/agreements', {
        kind: 'cooperation',
        title: 'Соглашение гимназии № 5 и лицея № 21',
        parties: [{ organizationId: org.gymnasium }, { organizationId: org.lyceum }],
      });
      const detail = await call('baranovichiViewer', 'GET', `/api/twinnings/${twinning.json().id}`);
      expect(detail.statusCode).toBe(200);
      expect(detail.json().agreements.map((a: { title: string }) => a.title)).toContain(
        'Соглашение гимназии № 5 и лицея № 21',
      );
      expect((await call('minskEditor', 'GET', `/api/twinnings/${twinning.json().id}`)).statusCode).toBe(403);
      const ofCity = (
        await call('baranovichiViewer', 'GET', `/api/cities/${city.baranovichi}/twinnings`)
      ).json();
      expect(ofCity).toHaveLength(1);
    });

    it('lets anyone find a city; its own editors and those of a city twinned with it set its founding year', async () => {
      const found = await call('public', 'GET', '/api/cities?q=Кузнецка');
      expect(found.statusCode).toBe(200);
      expect(found.json()[0]).toMatchObject({ id: city.kuznetsk, nameRu: 'Кузнецк' });
      const kuznetsk = (await call('public', 'GET', `/api/cities/${city.kuznetsk}`)).json();
      const patch = { version: kuznetsk.version, foundedYear: 1780 };
      // Minsk is not twinned with Kuznetsk; Baranovichi is (the twinning of the test above).
      expect((await call('minskEditor', 'PATCH', `/api/cities/${city.kuznetsk}`, patch)).statusCode).toBe(
        403,
      );
      expect(
        (await call('baranovichiEditor', 'PATCH', `/api/cities/${city.kuznetsk}`, patch)).json().foundedYear,
      ).toBe(1780);
      expect(
        (await call('baranovichiEditor', 'POST', '/api/cities', { nameEn: 'Nowhere', country: 'BY' }))
          .statusCode,
      ).toBe(403);
    });

    it('lists a city’s visits latest first, or earliest first when asked, a page at a time', async () => {
      const pinsk = await insertTestCity(database.db, 'Пинск', 'Pinsk');
      for (const startDate of ['2019-05-03', '2021-06-20', '2023-09-18']) {
        const body = { ...visit(pinsk, city.kuznetsk), startDate, endDate: startDate };
        expect((await call('admin', 'POST', '/api/visits', body)).statusCode).toBe(201);
      }
      const dates = async (query: string) => {
        const response = await call('admin', 'GET', `/api/visits?cityId=${pinsk}&${query}`);
        expect(response.statusCode, response.body).toBe(200);
        const page = response.json();
        return {
          dates: page.items.map((v: { startDate: string }) => v.startDate),
          next: page.nextCursor as string | null,
        };
      };
      expect((await dates('limit=3')).dates).toEqual(['2023-09-18', '2021-06-20', '2019-05-03']);
      const first = await dates('order=asc&limit=2');
      expect(first.dates).toEqual(['2019-05-03', '2021-06-20']);
      const second = await dates(`order=asc&limit=2&cursor=${first.next}`);
      expect(second.dates[0]).toBe('2023-09-18');
      expect((await call('admin', 'GET', '/api/visits?order=sideways')).statusCode).toBe(400);
    });

    it('answers bad input with 400 naming each field, and stores nothing', async () => {
      const before = await database.db
        .selectFrom('visit')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      const bad = await call('admin', 'POST', '/api/visits', {
        fromCityId: 'Барановичи',
        startDate: '2025-13-40',
      });
      expect(bad.statusCode).toBe(400);
      const paths = bad.json().error.details.map((detail: { path: string }) => detail.path);
      expect(paths).toEqual(expect.arrayContaining(['body.fromCityId', 'body.toCityId', 'body.startDate']));
      const oneParty = await call('admin', 'POST', '/api/agreements', {
        kind: 'cooperation',
        title: 'Одна сторона',
        parties: [{ cityId: city.baranovichi }],
      });
      expect(oneParty.statusCode).toBe(400);
      expect(oneParty.json().error.message).toContain('at least two parties');
      const after = await database.db
        .selectFrom('visit')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(after.n).toBe(before.n);
    });

    it('shows the public the network of a city that publishes it, and nothing of the others or of people', async () => {
      const own = (await call('admin', 'POST', '/api/visits', visit(city.baranovichi, city.kuznetsk))).json();
      const other = (await call('admin', 'POST', '/api/visits', visit(city.minsk, city.kuznetsk))).json();
      const person = (
        await call('admin', 'POST', '/api/persons', { fullName: 'Вадим Щербаков', cityId: city.baranovichi })
      ).json();
      expect((await call('public', 'GET', `/api/visits/${own.id}`)).statusCode).toBe(401);
      const publish = { published: true };
      expect(
        (await call('minskEditor', 'PUT', `/api/home-cities/${city.baranovichi}`, publish)).statusCode,
      ).toBe(403);
      expect(
        (await call('baranovichiEditor', 'PUT', `/api/home-cities/${city.baranovichi}`, publish)).statusCode,
      ).toBe(200);
      expect((await call('public', 'GET', `/api/visits/${own.id}`)).statusCode).toBe(200);
      expect((await call('public', 'GET', `/api/visits/${other.id}`)).statusCode).toBe(401);
      expect((await call('public', 'GET', `/api/persons/${person.id}`)).statusCode).toBe(401);
      expect(
        (await call('public', 'PATCH', `/api/visits/${own.id}`, { version: own.version })).statusCode,
      ).toBe(401);
      expect((await call('public', 'GET', `/api/cities/${city.baranovichi}/twinnings`)).json()).toHaveLength(
        1,
      );
      expect((await call('public', 'GET', `/api/cities/${city.minsk}/twinnings`)).statusCode).toBe(401);
    });
  });
}
