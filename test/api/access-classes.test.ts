import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { testEngines } from '../../src/db/test-database.ts';
import { insertTestCity } from '../../src/modules/audit/test-cities.ts';
import { buildApp } from '../../src/server/app.ts';
import { insertTestAccounts } from '../../src/server/test-accounts.ts';

type Who = 'admin' | 'aEditor' | 'bEditor' | 'bOrgEditor';

// City A has editors of its own, city B too; C is B's partner without editors; D is twinned with B
// only by a proposal. Each test is one class of issue 14 tried by more than one path.
for (const engine of testEngines()) {
  describe(`access classes of issue 14 on ${engine.engine}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    const city = { a: 0, b: 0, c: 0, d: 0 };
    const org = { a: 0, b: 0 };
    const tokens = {} as Record<Who, string>;

    beforeAll(async () => {
      database = await engine.open();
      app = await buildApp({ database });
      const { db } = database;
      city.a = await insertTestCity(db, 'Гродно', 'Grodno');
      city.b = await insertTestCity(db, 'Барановичи', 'Baranovichi');
      city.c = await insertTestCity(db, 'Кузнецк', 'Kuznetsk', 'RU');
      city.d = await insertTestCity(db, 'Кутно', 'Kutno', 'PL');
      // Places from the gazetteer, as real cities are.
      await db.updateTable('city').set({ source: 'geonames' }).execute();
      for (const [key, cityId] of [
        ['a', city.a],
        ['b', city.b],
      ] as const) {
        org[key] = (
          await db
            .insertInto('organization')
            .values({ name: `школа ${key}`, city_id: cityId })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      }
      Object.assign(
        tokens,
        await insertTestAccounts(db, [
          ['admin', 'admin', null, null],
          ['aEditor', 'city_editor', city.a, null],
          ['bEditor', 'city_editor', city.b, null],
          ['bOrgEditor', 'org_editor', null, org.b],
        ]),
      );
      for (const [partner, status] of [
        [city.a, 'active'],
        [city.c, 'active'],
        [city.d, 'proposed'],
      ] as const) {
        const twinning = await call('admin', 'POST', '/api/twinnings', {
          cityIds: [city.b, partner],
          status,
        });
        expect(twinning.statusCode, twinning.body).toBe(201);
      }
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    function call(who: Who | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
      const headers = who ? { authorization: `Bearer ${tokens[who]}` } : {};
      return app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    }

    it('moves a record only with the right to leave where it was and to arrive where it goes', async () => {
      const ours = await call('bEditor', 'GET', `/api/organizations/${org.b}`);
      const moved = await call('bEditor', 'PATCH', `/api/organizations/${org.b}`, {
        cityId: city.a,
        version: ours.json().version,
      });
      expect(moved.statusCode).toBe(403);
      // Its own editor may not take it elsewhere either: they could not found it there.
      const byItsEditor = await call('bOrgEditor', 'PATCH', `/api/organizations/${org.b}`, {
        cityId: city.a,
        version: ours.json().version,
      });
      expect(byItsEditor.statusCode).toBe(403);
      expect((await call('admin', 'GET', `/api/organizations/${org.b}`)).json().cityId).toBe(city.b);
      // Staying put is an ordinary edit.
      const edited = await call('bOrgEditor', 'PATCH', `/api/organizations/${org.b}`, {
        website: 'https://school-b.example.by',
        version: ours.json().version,
      });
      expect(edited.statusCode).toBe(200);

      const person = await call('bEditor', 'POST', '/api/persons', {
        fullName: 'Ирина Ковалёва',
        cityId: city.b,
      });
      expect(person.statusCode).toBe(201);
      const personMoved = await call('bEditor', 'PATCH', `/api/persons/${person.json().id}`, {
        cityId: city.a,
        version: person.json().version,
      });
      expect(personMoved.statusCode).toBe(403);
      const visit = await call('bEditor', 'POST', '/api/visits', {
        fromCityId: city.b,
        toCityId: city.c,
        startDate: '2025-05-01',
        endDate: '2025-05-02',
      });
      const visitMoved = await call('bEditor', 'PATCH', `/api/visits/${visit.json().id}`, {
        fromCityId: city.a,
        version: visit.json().version,
      });
      expect(visitMoved.statusCode).toBe(403);
      // An administrator moves anything.
      const byAdmin = await call('admin', 'PATCH', `/api/persons/${person.json().id}`, {
        cityId: city.a,
        version: person.json().version,
      });
      expect(byAdmin.statusCode).toBe(200);
    });

    it('lets a partner’s staff set its facts only through an established twinning and if it has no editors', async () => {
      const facts = async (who: Who, cityId: number, change: object) => {
        const { version } = (await call('admin', 'GET', `/api/cities/${cityId}`)).json();
        return (await call(who, 'PATCH', `/api/cities/${cityId}`, { ...change, version })).statusCode;
      };
      // C: an established partner with no editors of its own.
      expect(await facts('bEditor', city.c, { population: 90000 })).toBe(200);
      // A has editors of its own, who keep it; D is only proposed.
      expect(await facts('bEditor', city.a, { population: 1 })).toBe(403);
      expect(await facts('bEditor', city.d, { population: 1 })).toBe(403);
      expect(await facts('aEditor', city.a, { population: 370000 })).toBe(200);
      // A gazetteer city's name changes only by an administrator, even by its own editors.
      expect(await facts('bEditor', city.c, { nameRu: 'Ложный' })).toBe(403);
      expect(await facts('aEditor', city.a, { nameEn: 'Horadnia' })).toBe(403);
      expect(await facts('admin', city.a, { nameEn: 'Hrodna' })).toBe(200);
      // Repeating the name as it is changes nothing and is no rename.
      expect(await facts('aEditor', city.a, { nameEn: 'Hrodna', population: 370001 })).toBe(200);
      expect((await call('admin', 'GET', `/api/cities/${city.c}`)).json().nameRu).toBe('Кузнецк');
    });

    it('lets a city’s staff keep the institutions and people of a partner without editors, through an established twinning', async () => {
      const school = async (who: Who, cityId: number) =>
        call(who, 'POST', '/api/organizations', {
          name: `гимназия ${who} ${cityId}`,
          kind: 'school',
          cityId,
        });
      // C: B's established partner with no editors of its own; B's staff record its institutions.
      const kept = await school('bEditor', city.c);
      expect(kept.statusCode, kept.body).toBe(201);
      expect((await call('bEditor', 'GET', `/api/organizations/${kept.json().id}`)).statusCode).toBe(200);
      const listed = await call('bEditor', 'GET', `/api/organizations?cityId=${city.c}`);
      expect(listed.json().items.map((item: { id: number }) => item.id)).toContain(kept.json().id);
      const renamed = await call('bEditor', 'PATCH', `/api/organizations/${kept.json().id}`, {
        website: 'https://school-c.example.ru',
        version: kept.json().version,
      });
      expect(renamed.statusCode, renamed.body).toBe(200);
      const head = await call('bEditor', 'POST', '/api/persons', {
        fullName: 'Олег Васильев',
        cityId: city.c,
        positions: [{ title: 'директор', organizationId: kept.json().id }],
      });
      expect(head.statusCode, head.body).toBe(201);
      // Not A's (which has editors of its own), not D's (only proposed), not A's editors' to keep.
      expect((await school('bEditor', city.a)).statusCode).toBe(403);
      expect((await school('bEditor', city.d)).statusCode).toBe(403);
      expect((await school('aEditor', city.c)).statusCode).toBe(403);
      expect((await call('aEditor', 'GET', `/api/organizations/${kept.json().id}`)).statusCode).toBe(403);
      // A person of C who also works in A concerns A, which B does not keep.
      const both = await call('bEditor', 'POST', '/api/persons', {
        fullName: 'Анна Лис',
        cityId: city.c,
        positions: [{ title: 'учитель', organizationId: org.a }],
      });
      expect(both.statusCode).toBe(403);
      // An organization editor of B keeps only their organization.
      expect((await school('bOrgEditor', city.c)).statusCode).toBe(403);
      // The partner's events too, in the list as on their own page; not one that also concerns A.
      const festival = await call('bEditor', 'POST', '/api/events', { name: 'Дни города', cityId: city.c });
      expect(festival.statusCode, festival.body).toBe(201);
      const withA = await call('admin', 'POST', '/api/events', {
        name: 'Ярмарка',
        cityId: city.c,
        participants: [{ cityId: city.a }],
      });
      expect(withA.statusCode, withA.body).toBe(201);
      expect((await call('bEditor', 'GET', `/api/events/${withA.json().id}`)).statusCode).toBe(403);
      const events = await call('bEditor', 'GET', '/api/events?limit=100');
      const eventIds = events.json().items.map((item: { id: number }) => item.id);
      expect(eventIds).toContain(festival.json().id);
      expect(eventIds).not.toContain(withA.json().id);
      // Nor a person of C who also works in A, in B's list of people.
      const teacher = await call('admin', 'POST', '/api/persons', {
        fullName: 'Анна Лис',
        cityId: city.c,
        positions: [{ title: 'учитель', organizationId: org.a }],
      });
      const people = await call('bEditor', 'GET', `/api/persons?limit=100`);
      const personIds = people.json().items.map((item: { id: number }) => item.id);
      expect(personIds).toContain(head.json().id);
      expect(personIds).not.toContain(teacher.json().id);
      // Once C has an editor of its own, C's records are theirs and B's staff no longer keep them.
      await insertTestAccounts(database.db, [['cEditor', 'city_editor', city.c, null]]);
      expect((await call('bEditor', 'GET', `/api/organizations/${kept.json().id}`)).statusCode).toBe(403);
      expect((await school('bEditor', city.c)).statusCode).toBe(403);
      const afterwards = await call('bEditor', 'GET', '/api/events?limit=100');
      expect(afterwards.json().items.map((item: { id: number }) => item.id)).not.toContain(
        festival.json().id,
      );
    });

    it('shows a record that names another on the other’s page only to those who may read it', async () => {
      // A's visit to B's partner C; B's editor may read it (B is not a side, so B may not) —
      // an A–B visit is what both sides share.
      const shared = await call('aEditor', 'POST', '/api/visits', {
        fromCityId: city.a,
        toCityId: city.b,
        startDate: '2025-06-01',
        endDate: '2025-06-03',
      });
      expect(shared.statusCode).toBe(201);
      const visitId = shared.json().id as number;
      // B's editor records B's own agreement (B's school and the partner C) as signed at the visit.
      const agreement = await call('bEditor', 'POST', '/api/agreements', {
        kind: 'cooperation',
        title: 'Соглашение школы b и Кузнецка',
        parties: [{ organizationId: org.b }, { cityId: city.c }],
        signedAtVisitId: visitId,
      });
      expect(agreement.statusCode, agreement.body).toBe(201);
      const event = await call('bEditor', 'POST', '/api/events', {
        name: 'Праздник школы b',
        kind: 'other',
        cityId: city.b,
        visitId,
      });
      expect(event.statusCode, event.body).toBe(201);
      const seen = async (who: Who) => {
        const details = (await call(who, 'GET', `/api/visits/${visitId}/details`)).json();
        return [details.agreementsSigned.length, details.events.length];
      };
      expect(await seen('bEditor')).toEqual([1, 1]);
      expect(await seen('admin')).toEqual([1, 1]);
      // A's editors read the visit, not B's agreement and event: they stay off A's page.
      expect(await seen('aEditor')).toEqual([0, 0]);
      // Nor does B's editor name A's records in B's own: A's school is A's.
      const naming = await call('bEditor', 'POST', '/api/events', {
        name: 'Встреча',
        kind: 'other',
        cityId: city.b,
        participants: [{ organizationId: org.a }],
      });
      expect(naming.statusCode).toBe(403);
      expect(naming.json().error.details).toEqual([
        { path: 'participants.0.organizationId', message: expect.stringContaining('you may not read') },
      ]);
    });
  });
}
