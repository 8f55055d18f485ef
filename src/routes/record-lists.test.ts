import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../db/connect.ts';
import { testEngines } from '../db/test-database.ts';
import { insertTestCity } from '../modules/audit/test-cities.ts';
import { encodeCursor } from '../modules/audit/cursor-page.ts';
import { buildApp } from '../server/app.ts';
import { insertTestAccounts } from '../server/test-accounts.ts';

type Who = 'admin' | 'lidaViewer' | 'grodnoSchoolEditor' | 'public';
type Row = { id: number } & Record<string, unknown>;

for (const engine of testEngines()) {
  describe(`sorted, scoped and public lists on ${engine.engine}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    const tokens = {} as Record<Who, string | null>;
    const city = { kuznetsk: 0, pinsk: 0, grodno: 0, lida: 0, minsk: 0 };
    const org = { grodnoSchool: 0, lidaSchool: 0, lyceum: 0 };

    beforeAll(async () => {
      database = await engine.open();
      app = await buildApp({ database });
      const { db } = database;
      city.kuznetsk = await insertTestCity(db, 'Кузнецк', 'Kuznetsk', 'RU');
      city.pinsk = await insertTestCity(db, 'Пинск', 'Pinsk');
      city.grodno = await insertTestCity(db, 'Гродно', 'Grodno');
      city.lida = await insertTestCity(db, 'Лида', 'Lida');
      city.minsk = await insertTestCity(db, 'Минск', 'Minsk');
      for (const [key, name, cityId] of [
        ['grodnoSchool', 'гимназия № 1', city.grodno],
        ['lidaSchool', 'средняя школа № 2', city.lida],
        ['lyceum', 'лицей № 21', city.kuznetsk],
      ] as const) {
        const row = await db
          .insertInto('organization')
          .values({ name, city_id: cityId })
          .returning('id')
          .executeTakeFirstOrThrow();
        org[key] = row.id;
      }
      Object.assign(
        tokens,
        await insertTestAccounts(db, [
          ['admin', 'admin', null, null],
          ['lidaViewer', 'city_viewer', city.lida, null],
          ['grodnoSchoolEditor', 'org_editor', null, org.grodnoSchool],
        ]),
      );
      tokens.public = null;
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    function call(who: Who, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) {
      const headers = tokens[who] ? { authorization: `Bearer ${tokens[who]}` } : {};
      return app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    }
    async function create(path: string, body: object): Promise<Row> {
      const response = await call('admin', 'POST', `/api/${path}`, body);
      expect(response.statusCode, response.body).toBe(201);
      return response.json();
    }
    /** Every row of a list, page after page, and the sizes of the pages. */
    async function walk(who: Who, url: string): Promise<{ rows: Row[]; pages: number[] }> {
      const rows: Row[] = [];
      const pages: number[] = [];
      let cursor: string | null = null;
      do {
        const separator = url.includes('?') ? '&' : '?';
        const response = await call(who, 'GET', cursor ? `${url}${separator}cursor=${cursor}` : url);
        expect(response.statusCode, response.body).toBe(200);
        const page = response.json() as { items: Row[]; nextCursor: string | null };
        rows.push(...page.items);
        pages.push(page.items.length);
        cursor = page.nextCursor;
      } while (cursor !== null && pages.length < 100);
      return { rows, pages };
    }
    /** Rows ordered by a key and then id, both ascending or both descending: what a keyset list promises. */
    function sortedBy(rows: Row[], key: (row: Row) => string, order: 'asc' | 'desc'): number[] {
      const sign = order === 'asc' ? 1 : -1;
      return [...rows]
        .sort((a, b) => sign * (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id))
        .map((row) => row.id);
    }

    it('pages through visits in every sort and order, each row once, ties and missing values included', async () => {
      // Purposes are lower-case ASCII so the engines' collations agree; ties in dates and purposes.
      const specs: Array<[string, string, string | null]> = [
        ['2025-03-01', '2025-03-04', 'b07'],
        ['2025-03-01', '2025-03-02', null],
        ['2024-11-20', '2024-11-25', 'a12'],
        ['2025-07-15', '2025-07-15', null],
        ['2023-05-05', '2023-05-09', 'c01'],
        ['2025-03-01', '2025-03-10', 'a12'],
        ['2026-01-10', '2026-01-12', 'b07'],
      ];
      const visits: Row[] = [];
      for (const [startDate, endDate, purpose] of specs) {
        visits.push(
          await create('visits', {
            fromCityId: city.pinsk,
            toCityId: city.kuznetsk,
            startDate,
            endDate,
            purpose,
          }),
        );
      }
      // Rows are created one after another: creation order is id order.
      const keys: Record<string, (row: Row) => string> = {
        startDate: (row) => row.startDate as string,
        endDate: (row) => row.endDate as string,
        // A visit without a purpose sorts as the empty text: first from A to Z.
        purpose: (row) => ((row.purpose as string | null) ?? '').toLowerCase(),
        createdAt: (row) => String(row.id).padStart(10, '0'),
      };
      for (const [sort, key] of Object.entries(keys)) {
        for (const order of ['asc', 'desc'] as const) {
          const { rows, pages } = await walk(
            'admin',
            `/api/visits?cityId=${city.pinsk}&sort=${sort}&order=${order}&limit=2`,
          );
          expect(
            rows.map((row) => row.id),
            `${sort} ${order}`,
          ).toEqual(sortedBy(visits, key, order));
          expect(pages).toEqual([2, 2, 2, 1]);
        }
      }
      // Without `order`, each sort reads in its natural direction: dates latest first.
      const natural = await walk('admin', `/api/visits?cityId=${city.pinsk}&sort=endDate&limit=3`);
      expect(natural.rows.map((row) => row.id)).toEqual(sortedBy(visits, keys.endDate!, 'desc'));
      // The last edited visit comes first by updatedAt, newest first.
      const edited = visits[2]!;
      const patch = await call('admin', 'PATCH', `/api/visits/${edited.id}`, {
        version: edited.version,
        outcomes: 'Подписан план',
      });
      expect(patch.statusCode, patch.body).toBe(200);
      const byUpdate = await walk('admin', `/api/visits?cityId=${city.pinsk}&sort=updatedAt&limit=3`);
      expect(byUpdate.rows[0]!.id).toBe(edited.id);
      expect(new Set(byUpdate.rows.map((row) => row.id)).size).toBe(visits.length);
    });

    it('pages through plan items by a deadline some lack, in both orders', async () => {
      const agreement = await create('agreements', {
        kind: 'cooperation',
        title: 'Соглашение Пинск — Кузнецк',
        parties: [{ cityId: city.pinsk }, { cityId: city.kuznetsk }],
      });
      const items: Row[] = [];
      for (const dueOn of [null, '2025-05-01', null, '2024-12-31', '2025-05-01', '2026-02-01']) {
        items.push(await create('plan-items', { agreementId: agreement.id, title: 'Обмен', dueOn }));
      }
      // No deadline sorts after every deadline.
      const due = (row: Row) => (row.dueOn as string | null) ?? '9999-12-31';
      for (const order of ['asc', 'desc'] as const) {
        const { rows, pages } = await walk(
          'admin',
          `/api/plan-items?agreementId=${agreement.id}&sort=dueOn&order=${order}&limit=4`,
        );
        expect(rows.map((row) => row.id)).toEqual(sortedBy(items, due, order));
        expect(pages).toEqual([4, 2]);
      }
    });

    it('refuses an unknown sort field naming the allowed ones, and a cursor of another sort or order', async () => {
      const unknown = await call('admin', 'GET', '/api/visits?sort=title');
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.message).toContain(
        'sort: must be one of: startDate, endDate, purpose, status, createdAt, updatedAt',
      );
      const planSort = await call('admin', 'GET', '/api/plan-items?sort=name');
      expect(planSort.statusCode).toBe(400);
      expect(planSort.json().error.message).toContain('dueOn');

      const first = (
        await call('admin', 'GET', `/api/visits?cityId=${city.pinsk}&sort=startDate&limit=2`)
      ).json();
      expect(first.nextCursor).toEqual(expect.any(String));
      for (const other of ['sort=endDate', 'sort=startDate&order=asc', 'sort=purpose&order=desc']) {
        const response = await call('admin', 'GET', `/api/visits?${other}&cursor=${first.nextCursor}`);
        expect(response.statusCode, other).toBe(400);
        expect(response.json().error.message).toContain('The cursor was made for sort=startDate&order=desc');
        expect(response.json().error.details).toEqual([
          { path: 'cursor', message: 'belongs to another sort or order' },
        ]);
      }
      // The same cursor under its own sort and order goes on.
      const same = await call(
        'admin',
        'GET',
        `/api/visits?sort=startDate&order=desc&cursor=${first.nextCursor}`,
      );
      expect(same.statusCode).toBe(200);
      expect((await call('admin', 'GET', '/api/visits?cursor=not-a-cursor')).json().error.message).toBe(
        'The cursor is not one this list gave out.',
      );
    });

    it('answers a forged cursor of the right sort with 400, never a database error', async () => {
      const value = fc.oneof(
        fc.string(),
        fc.constantFrom(
          '2025-02-31',
          '0000-01-01',
          '2025-13-01T00:00:00.000000Z',
          '2025-02-30T10:00:00.000000Z',
          '99999999999',
          '-1',
          'a\u0000b',
          "'; drop table visit; --",
        ),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('startDate', 'purpose', 'status', 'createdAt'),
          fc.array(value, { minLength: 2, maxLength: 2 }),
          async (sort, after) => {
            const cursor = encodeCursor({ sort, order: 'asc', after });
            const response = await call(
              'admin',
              'GET',
              `/api/visits?sort=${sort}&order=asc&cursor=${cursor}`,
            );
            expect([200, 400]).toContain(response.statusCode);
          },
        ),
        { numRuns: 60 },
      );
      expect(await database.db.selectFrom('visit').select('id').where('id', '=', 0).execute()).toEqual([]);
    });

    it('shows each list’s sort fields as an enum in the OpenAPI document', async () => {
      const document = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
      const sortOf = (path: string) =>
        document.paths[path].get.parameters.find((parameter: { name: string }) => parameter.name === 'sort')
          .schema.enum;
      expect(sortOf('/api/visits')).toEqual([
        'startDate',
        'endDate',
        'purpose',
        'status',
        'createdAt',
        'updatedAt',
      ]);
      expect(sortOf('/api/agreements')).toContain('validUntil');
      expect(sortOf('/api/plan-items')).toContain('dueOn');
      expect(sortOf('/api/organizations')).toContain('name');
    });

    it('shows an anonymous visitor the published lists of a city that publishes, and nothing else', async () => {
      const visit = (fromCityId: number) =>
        create('visits', {
          fromCityId,
          toCityId: city.kuznetsk,
          startDate: '2025-06-01',
          endDate: '2025-06-03',
        });
      const agreement = (organizationId: number) => ({
        kind: 'cooperation',
        title: 'Соглашение о сотрудничестве',
        parties: [{ organizationId }, { organizationId: org.lyceum }],
      });
      const grodno = {
        visit: await visit(city.grodno),
        agreement: await create('agreements', agreement(org.grodnoSchool)),
        project: await create('projects', { ...agreement(org.grodnoSchool), title: 'Проект' }),
        event: await create('events', { name: 'День города', kind: 'city_day', cityId: city.grodno }),
      };
      const lida = {
        visit: await visit(city.lida),
        agreement: await create('agreements', agreement(org.lidaSchool)),
        project: await create('projects', { ...agreement(org.lidaSchool), title: 'Проект' }),
        event: await create('events', { name: 'День города', kind: 'city_day', cityId: city.lida }),
      };
      const grodnoProgram = await create('visit-program-items', {
        visitId: grodno.visit.id,
        kind: 'organization_visit',
        title: 'Посещение лицея',
      });
      await create('visit-program-items', {
        visitId: lida.visit.id,
        kind: 'organization_visit',
        title: 'Лицей',
      });
      await create('persons', { fullName: 'Иван Петров', cityId: city.grodno });
      await create('plan-items', { agreementId: grodno.agreement.id, title: 'Обмен' });

      // Before Grodno publishes, the public has no list at all.
      expect((await call('public', 'GET', `/api/visits?cityId=${city.grodno}`)).statusCode).toBe(401);
      expect((await call('public', 'GET', '/api/visits')).statusCode).toBe(401);
      const published = await call('admin', 'PUT', `/api/home-cities/${city.grodno}`, { published: true });
      expect(published.statusCode, published.body).toBe(200);

      const ids = async (url: string) => (await walk('public', url)).rows.map((row) => row.id);
      expect(await ids(`/api/visits?cityId=${city.grodno}`)).toEqual([grodno.visit.id]);
      expect(await ids('/api/visits')).toEqual([grodno.visit.id]);
      expect(await ids(`/api/agreements?cityId=${city.grodno}`)).toEqual([grodno.agreement.id]);
      expect(await ids('/api/agreements')).toEqual([grodno.agreement.id]);
      expect(await ids(`/api/projects?cityId=${city.grodno}`)).toEqual([grodno.project.id]);
      expect(await ids(`/api/events?cityId=${city.grodno}`)).toEqual([grodno.event.id]);
      expect(await ids(`/api/organizations?cityId=${city.grodno}`)).toEqual([org.grodnoSchool]);
      expect(await ids('/api/visit-program-items')).toEqual([grodnoProgram.id]);
      expect(await ids(`/api/visit-program-items?visitId=${lida.visit.id}`)).toEqual([]);
      // Sorted public lists page too.
      expect(await ids(`/api/events?cityId=${city.grodno}&sort=name&limit=1`)).toEqual([grodno.event.id]);

      // Unpublished cities' lists, unpublishable records and every write: sign in first.
      for (const url of [
        `/api/visits?cityId=${city.lida}`,
        `/api/agreements?cityId=${city.lida}`,
        `/api/organizations?cityId=${city.minsk}`,
        `/api/events?cityId=${city.lida}`,
        '/api/persons',
        `/api/persons?cityId=${city.grodno}`,
        '/api/plan-items',
        '/api/users',
        '/api/audit',
      ]) {
        expect([url, (await call('public', 'GET', url)).statusCode]).toEqual([url, 401]);
      }
      const write = {
        fromCityId: city.grodno,
        toCityId: city.kuznetsk,
        startDate: '2025-06-01',
        endDate: '2025-06-02',
      };
      expect((await call('public', 'POST', '/api/visits', write)).statusCode).toBe(401);
      const patch = await call('public', 'PATCH', `/api/visits/${grodno.visit.id}`, {
        version: grodno.visit.version,
      });
      expect(patch.statusCode).toBe(401);
      expect((await call('public', 'GET', `/api/visits/${lida.visit.id}`)).statusCode).toBe(401);
    });

    it('lists exactly the rows each asker may open, and fills its pages with them', async () => {
      // Invisible rows after the visible ones, newest first: a filter after the query would return
      // empty pages here.
      const lidaVisits: Row[] = [];
      for (const day of ['01', '02', '03']) {
        lidaVisits.push(
          await create('visits', {
            fromCityId: city.lida,
            toCityId: city.minsk,
            startDate: `2027-01-${day}`,
            endDate: `2027-01-${day}`,
          }),
        );
      }
      for (const day of ['04', '05', '06', '07', '08']) {
        await create('visits', {
          fromCityId: city.minsk,
          toCityId: city.kuznetsk,
          startDate: `2027-01-${day}`,
          endDate: `2027-01-${day}`,
        });
      }
      const first = (await call('lidaViewer', 'GET', '/api/visits?limit=2')).json();
      expect(first.items.map((row: Row) => row.id)).toEqual([lidaVisits[2]!.id, lidaVisits[1]!.id]);

      // Records that belong somewhere only through a position, a participant or a responsible
      // organization, whose city counts too.
      await create('persons', {
        fullName: 'Анна Соколова',
        positions: [{ title: 'директор', organizationId: org.grodnoSchool }],
      });
      await create('persons', { fullName: 'Олег Ким', positions: [{ title: 'депутат', cityId: city.lida }] });
      await create('events', {
        name: 'Фестиваль',
        kind: 'festival',
        cityId: city.minsk,
        participants: [{ organizationId: org.lidaSchool }],
      });
      const pinskAgreement = await create('agreements', {
        kind: 'cooperation',
        title: 'Соглашение',
        parties: [{ cityId: city.pinsk }, { cityId: city.minsk }],
      });
      await create('plan-items', {
        agreementId: pinskAgreement.id,
        title: 'Летний лагерь',
        responsibleOrganizationId: org.lidaSchool,
      });
      await create('plan-items', {
        agreementId: pinskAgreement.id,
        title: 'Олимпиада',
        responsibleOrganizationId: org.grodnoSchool,
      });

      // For every role and list, the list holds the rows whose own page the asker may open: the
      // policy in SQL and the policy on one record agree.
      for (const kind of [
        'visits',
        'organizations',
        'persons',
        'agreements',
        'projects',
        'events',
        'plan-items',
        'visit-program-items',
      ]) {
        const all = (await walk('admin', `/api/${kind}?limit=500`)).rows.map((row) => row.id);
        for (const who of ['lidaViewer', 'grodnoSchoolEditor', 'public'] as const) {
          const readable: number[] = [];
          for (const id of all) {
            if ((await call(who, 'GET', `/api/${kind}/${id}`)).statusCode === 200) readable.push(id);
          }
          const response = await call(who, 'GET', `/api/${kind}?limit=500`);
          const listed =
            response.statusCode === 401 ? [] : (response.json().items as Row[]).map((row) => row.id);
          expect([kind, who, [...listed].sort((a, b) => a - b)]).toEqual([
            kind,
            who,
            [...readable].sort((a, b) => a - b),
          ]);
        }
      }
    });
  });
}
