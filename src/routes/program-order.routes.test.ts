import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../db/connect.ts';
import { testEngines } from '../db/test-database.ts';
import { insertTestCity } from '../modules/audit/test-cities.ts';
import { buildApp } from '../server/app.ts';
import { insertTestAccounts } from '../server/test-accounts.ts';

type Who = 'admin' | 'cityEditor' | 'cityViewer';
interface Item {
  id: number;
  version: number;
  title: string;
  day: string | null;
  position: number;
}

for (const engine of testEngines()) {
  describe(`reordering a visit’s program at once on ${engine.engine}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    let tokens: Record<string, string> = {};
    let visitId = 0;
    let otherVisitId = 0;

    beforeAll(async () => {
      database = await engine.open();
      app = await buildApp({ database });
      const baranovichi = await insertTestCity(database.db, 'Барановичи', 'Baranovichi');
      const kuznetsk = await insertTestCity(database.db, 'Кузнецк', 'Kuznetsk', 'RU');
      const minsk = await insertTestCity(database.db, 'Минск', 'Minsk');
      tokens = await insertTestAccounts(database.db, [
        ['admin', 'admin', null, null],
        ['cityEditor', 'city_editor', baranovichi, null],
        ['cityViewer', 'city_viewer', baranovichi, null],
      ]);
      const visit = async (fromCityId: number) =>
        (
          await call('admin', 'POST', '/api/visits', {
            fromCityId,
            toCityId: kuznetsk,
            startDate: '2026-05-20',
            endDate: '2026-05-22',
          })
        ).json().id as number;
      visitId = await visit(baranovichi);
      otherVisitId = await visit(minsk);
      await call('admin', 'POST', '/api/visit-program-items', {
        visitId: otherVisitId,
        kind: 'meeting',
        title: 'Встреча в Минске',
        day: '2026-05-20',
        position: 0,
      });
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    function call(
      who: Who,
      method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
      url: string,
      payload?: object,
    ) {
      return app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${tokens[who]}` },
        ...(payload ? { payload } : {}),
      });
    }

    /** A fresh program of three items: two on the first day, one on the second. */
    async function freshProgram(): Promise<Item[]> {
      const existing = await program(visitId);
      for (const item of existing) {
        await call('admin', 'DELETE', `/api/visit-program-items/${item.id}?version=${item.version}`);
      }
      const add = async (title: string, day: string, position: number) => {
        const response = await call('admin', 'POST', '/api/visit-program-items', {
          visitId,
          kind: 'meeting',
          title,
          day,
          position,
        });
        expect(response.statusCode, response.body).toBe(201);
      };
      await add('Встреча с главой города', '2026-05-20', 0);
      await add('Посещение лицея № 21', '2026-05-20', 1);
      await add('Концерт', '2026-05-21', 2);
      return program(visitId);
    }

    /** The program as the visit's page shows it. */
    async function program(id: number): Promise<Item[]> {
      const response = await call('admin', 'GET', `/api/visits/${id}/details`);
      expect(response.statusCode, response.body).toBe(200);
      return (response.json() as { program: Item[] }).program;
    }

    async function auditCount(): Promise<number> {
      const row = await database.db
        .selectFrom('audit_entry')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    }

    const place = (item: Item, day: string | null, position: number) => ({
      id: item.id,
      version: item.version,
      day,
      position,
    });

    it('moves every item at once, counts up the versions of the moved ones and audits each', async () => {
      const [meeting, lyceum, concert] = await freshProgram();
      const audited = await auditCount();
      // The concert moves to the first day, before the lyceum; the meeting stays where it was.
      const response = await call('cityEditor', 'PUT', `/api/visits/${visitId}/program/order`, {
        items: [
          place(meeting!, '2026-05-20', 0),
          place(concert!, '2026-05-20', 1),
          place(lyceum!, '2026-05-20', 2),
        ],
      });
      expect(response.statusCode, response.body).toBe(200);
      const after = await program(visitId);
      expect(after.map((item) => [item.title, item.day, item.position, item.version])).toEqual([
        ['Встреча с главой города', '2026-05-20', 0, 1],
        ['Концерт', '2026-05-20', 1, 2],
        ['Посещение лицея № 21', '2026-05-20', 2, 2],
      ]);
      expect(response.json().items).toEqual(after.map((item) => expect.objectContaining(item)));
      expect(await auditCount()).toBe(audited + 2);

      const history = (await call('admin', 'GET', `/api/visit-program-items/${concert!.id}/history`)).json();
      expect(history.at(-1)).toMatchObject({
        action: 'update',
        before: { day: '2026-05-21', position: 2, version: 1 },
        after: { day: '2026-05-20', position: 1, version: 2 },
      });
      const unmoved = (await call('admin', 'GET', `/api/visit-program-items/${meeting!.id}/history`)).json();
      expect(unmoved.map((entry: { action: string }) => entry.action)).toEqual(['create']);
    });

    it('refuses the whole order with 409 when one version is stale, leaving every item as it was', async () => {
      const [meeting, lyceum, concert] = await freshProgram();
      // Someone else renames the concert after the editor loaded the program.
      const rename = await call('admin', 'PATCH', `/api/visit-program-items/${concert!.id}`, {
        title: 'Концерт хора',
        version: concert!.version,
      });
      expect(rename.statusCode, rename.body).toBe(200);
      const before = await program(visitId);
      const audited = await auditCount();
      const response = await call('cityEditor', 'PUT', `/api/visits/${visitId}/program/order`, {
        items: [place(concert!, '2026-05-20', 0), place(lyceum!, '2026-05-20', 1), place(meeting!, null, 2)],
      });
      expect(response.statusCode, response.body).toBe(409);
      expect(response.json()).toEqual({
        error: {
          code: 'stale_version',
          message: expect.stringContaining(`Program item ${concert!.id}`),
          currentVersion: concert!.version + 1,
        },
      });
      expect(await program(visitId)).toEqual(before);
      expect(await auditCount()).toBe(audited);
    });

    it('refuses with 409 an order made before an item was added or deleted, nothing changed', async () => {
      const [meeting, lyceum, concert] = await freshProgram();
      const audited = await auditCount();
      // Another editor deletes the meeting: an order naming it is of a program that no longer is.
      const removed = await call(
        'admin',
        'DELETE',
        `/api/visit-program-items/${meeting!.id}?version=${meeting!.version}`,
      );
      expect(removed.statusCode, removed.body).toBe(204);
      const before = await program(visitId);
      const stale = await call('cityEditor', 'PUT', `/api/visits/${visitId}/program/order`, {
        items: [place(concert!, '2026-05-20', 0), place(lyceum!, '2026-05-20', 1), place(meeting!, null, 2)],
      });
      expect(stale.statusCode, stale.body).toBe(409);
      expect(stale.json().error).toEqual({
        code: 'conflict',
        message: expect.stringContaining(`item ${meeting!.id} no longer exist`),
      });
      // An order that leaves out an item of the program (as one added meanwhile would be) alike.
      const added = await call('cityEditor', 'PUT', `/api/visits/${visitId}/program/order`, {
        items: [place(concert!, '2026-05-20', 0)],
      });
      expect(added.statusCode, added.body).toBe(409);
      expect(added.json().error.message).toContain(`item ${lyceum!.id}, which the order leaves out`);
      expect(await program(visitId)).toEqual(before);
      expect(await auditCount()).toBe(audited + 1);
    });

    it('refuses with 400 and the field paths an item of another visit or a repeated place', async () => {
      const [meeting, lyceum, concert] = await freshProgram();
      const [minskMeeting] = await program(otherVisitId);
      const before = await program(visitId);
      const audited = await auditCount();
      const cases: [object[], string[]][] = [
        [
          [
            place(concert!, '2026-05-20', 0),
            place(lyceum!, '2026-05-20', 1),
            place(meeting!, '2026-05-20', 2),
            place(minskMeeting!, '2026-05-20', 3),
          ],
          ['items.3.id'],
        ],
        [
          [place(concert!, '2026-05-20', 0), place(lyceum!, '2026-05-20', 0), place(meeting!, null, 1)],
          ['body.items.1.position'],
        ],
        [
          [place(concert!, '2026-05-20', 0), place(concert!, '2026-05-20', 1), place(meeting!, null, 2)],
          ['body.items.1.id'],
        ],
        [[{ ...place(concert!, '2026-05-32', 0) }], ['body.items.0.day']],
      ];
      for (const [items, paths] of cases) {
        const response = await call('cityEditor', 'PUT', `/api/visits/${visitId}/program/order`, { items });
        expect(response.statusCode, response.body).toBe(400);
        const { error } = response.json();
        expect(error.code).toBe('validation_failed');
        expect(error.details.map((detail: { path: string }) => detail.path)).toEqual(paths);
      }
      expect(await program(visitId)).toEqual(before);
      expect(await program(otherVisitId)).toEqual([minskMeeting]);
      expect(await auditCount()).toBe(audited);
    });

    it('refuses a viewer (403) and an editor of neither city (403), and answers 404 for no visit', async () => {
      const [meeting, lyceum, concert] = await freshProgram();
      const before = await program(visitId);
      const items = [
        place(concert!, '2026-05-20', 0),
        place(lyceum!, '2026-05-20', 1),
        place(meeting!, '2026-05-20', 2),
      ];
      const viewer = await call('cityViewer', 'PUT', `/api/visits/${visitId}/program/order`, { items });
      expect(viewer.statusCode, viewer.body).toBe(403);
      expect(viewer.json().error.code).toBe('forbidden');
      const [minskMeeting] = await program(otherVisitId);
      const stranger = await call('cityEditor', 'PUT', `/api/visits/${otherVisitId}/program/order`, {
        items: [place(minskMeeting!, '2026-05-21', 0)],
      });
      expect(stranger.statusCode, stranger.body).toBe(403);
      const missing = await call('admin', 'PUT', '/api/visits/999999/program/order', { items: [] });
      expect(missing.statusCode, missing.body).toBe(404);
      expect(await program(visitId)).toEqual(before);
      expect(await program(otherVisitId)).toEqual([minskMeeting]);
    });

    it('keeps a program item’s time of day, refuses an end before its start, and clears it', async () => {
      const created = await call('cityEditor', 'POST', '/api/visit-program-items', {
        visitId,
        kind: 'meeting',
        title: 'Встреча с ветеранами',
        day: '2026-05-21',
        startTime: '09:30',
        endTime: '11:00',
      });
      expect(created.statusCode, created.body).toBe(201);
      const item = created.json();
      expect(item).toMatchObject({ startTime: '09:30', endTime: '11:00' });
      expect((await program(visitId)).find((entry) => entry.id === item.id)).toMatchObject({
        startTime: '09:30',
        endTime: '11:00',
      });

      const backwards = await call('cityEditor', 'POST', '/api/visit-program-items', {
        visitId,
        kind: 'meeting',
        title: 'Обед',
        startTime: '14:00',
        endTime: '13:00',
      });
      expect(backwards.statusCode, backwards.body).toBe(400);
      expect(backwards.body).toContain('endTime');
      const notATime = await call('cityEditor', 'PATCH', `/api/visit-program-items/${item.id}`, {
        startTime: '25:00',
        version: item.version,
      });
      expect(notATime.statusCode, notATime.body).toBe(400);
      expect(notATime.body).toContain('HH:MM');
      // An end before the stored start is refused by the database's rule, the item unchanged.
      const early = await call('cityEditor', 'PATCH', `/api/visit-program-items/${item.id}`, {
        endTime: '08:00',
        version: item.version,
      });
      expect(early.statusCode, early.body).toBe(400);
      expect((await call('admin', 'GET', `/api/visit-program-items/${item.id}`)).json()).toMatchObject({
        startTime: '09:30',
        endTime: '11:00',
        version: item.version,
      });

      const cleared = await call('cityEditor', 'PATCH', `/api/visit-program-items/${item.id}`, {
        startTime: null,
        endTime: null,
        version: item.version,
      });
      expect(cleared.statusCode, cleared.body).toBe(200);
      expect(cleared.json()).toMatchObject({ startTime: null, endTime: null });
      const removed = await call(
        'admin',
        'DELETE',
        `/api/visit-program-items/${item.id}?version=${cleared.json().version}`,
      );
      expect(removed.statusCode, removed.body).toBe(204);
    });

    it('is described in the OpenAPI document with its body and answers', async () => {
      const spec = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
      const route = spec.paths['/api/visits/{id}/program/order'].put;
      expect(Object.keys(route.responses)).toEqual(expect.arrayContaining(['200']));
      expect(route.requestBody.content['application/json'].schema.properties.items.type).toBe('array');
    });
  });
}
