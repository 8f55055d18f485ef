import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { testEngines } from '../../src/db/test-database.ts';
import { insertTestCity } from '../../src/modules/audit/test-cities.ts';
import { deleteDocument, updateDocument } from '../../src/modules/documents/document.service.ts';
import { findDocumentById } from '../../src/modules/documents/document.repository.ts';
import type { AppError } from '../../src/errors.ts';
import { buildApp } from '../../src/server/app.ts';
import { insertTestAccounts } from '../../src/server/test-accounts.ts';

type Ids = {
  minsk: number;
  kuznetsk: number;
  school: number;
  lyceum: number;
  agreement: number;
  visit: number;
};

// Every kind of record the API edits and deletes by version: how to make one, and an edit of it.
const KINDS: Record<string, { create: (ids: Ids, round: number) => object; edit: object }> = {
  organizations: {
    create: (ids, round) => ({ cityId: ids.minsk, name: `школа № ${round}` }),
    edit: { shortName: 'школа' },
  },
  persons: {
    create: (ids) => ({ fullName: 'Иван Петров', cityId: ids.minsk }),
    edit: { fullName: 'Иван Иванов' },
  },
  visits: {
    create: (ids) => ({
      fromCityId: ids.minsk,
      toCityId: ids.kuznetsk,
      startDate: '2025-09-18',
      endDate: '2025-09-21',
    }),
    edit: { purpose: 'День города' },
  },
  agreements: {
    create: (ids) => ({
      kind: 'cooperation',
      title: 'Соглашение',
      parties: [{ organizationId: ids.school }, { organizationId: ids.lyceum }],
    }),
    edit: { title: 'Соглашение о побратимстве' },
  },
  projects: {
    create: (ids) => ({
      title: 'Проект',
      parties: [{ organizationId: ids.school }, { organizationId: ids.lyceum }],
    }),
    edit: { title: 'Проект «Мост»' },
  },
  'plan-items': {
    create: (ids) => ({ agreementId: ids.agreement, title: 'Обмен' }),
    edit: { title: 'Обмен учащимися' },
  },
  events: {
    create: (ids) => ({ name: 'День города', kind: 'city_day', cityId: ids.minsk }),
    edit: { name: 'Праздник' },
  },
  'visit-program-items': {
    create: (ids) => ({ visitId: ids.visit, kind: 'organization_visit', title: 'Посещение лицея' }),
    edit: { title: 'Посещение гимназии' },
  },
};

const ROUNDS = 8;

for (const engine of testEngines()) {
  describe(`a stale delete racing an edit on ${engine.engine}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    let headers: Record<string, string>;
    const ids = {} as Ids;

    beforeAll(async () => {
      database = await engine.open();
      app = await buildApp({ database });
      const { db } = database;
      ids.minsk = await insertTestCity(db, 'Минск', 'Minsk');
      ids.kuznetsk = await insertTestCity(db, 'Кузнецк', 'Kuznetsk', 'RU');
      const { admin } = await insertTestAccounts(db, [['admin', 'admin', null, null]]);
      headers = { authorization: `Bearer ${admin}` };
      const create = async (path: string, body: object) =>
        (await app.inject({ method: 'POST', url: `/api/${path}`, headers, payload: body })).json()
          .id as number;
      ids.school = await create('organizations', { cityId: ids.minsk, name: 'гимназия № 1' });
      ids.lyceum = await create('organizations', { cityId: ids.kuznetsk, name: 'лицей № 21' });
      ids.agreement = await create('agreements', KINDS.agreements!.create(ids, 0));
      ids.visit = await create('visits', KINDS.visits!.create(ids, 0));
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    async function createRecord(kind: string, round: number): Promise<number> {
      const created = await app.inject({
        method: 'POST',
        url: `/api/${kind}`,
        headers,
        payload: KINDS[kind]!.create(ids, round),
      });
      expect(created.statusCode, created.body).toBe(201);
      return created.json().id;
    }

    it.each(Object.keys(KINDS))(
      'never loses an acknowledged edit of %s to a delete of the version before it',
      async (kind) => {
        for (let round = 1; round <= ROUNDS; round++) {
          const id = await createRecord(kind, round);
          const url = `/api/${kind}/${id}`;
          const [edit, remove] = await Promise.all([
            app.inject({ method: 'PATCH', url, headers, payload: { version: 1, ...KINDS[kind]!.edit } }),
            app.inject({ method: 'DELETE', url: `${url}?version=1`, headers }),
          ]);
          // Exactly one wins; the loser is told why (the delete: stale; the edit: the record is gone).
          const statuses = [edit.statusCode, remove.statusCode];
          expect(statuses, `${edit.body} ${remove.body}`).toSatisfy(
            ([e, r]: number[]) => (e === 200 && r === 409) || (e === 404 && r === 204),
          );
          const stored = await app.inject({ method: 'GET', url, headers });
          if (edit.statusCode === 200)
            expect(stored.json()).toMatchObject({ version: 2, ...KINDS[kind]!.edit });
          else expect(stored.statusCode).toBe(404);
        }
      },
    );

    it('never loses an acknowledged edit of a document (deleted by its service only) either', async () => {
      const actor = { userId: null };
      for (let round = 1; round <= ROUNDS; round++) {
        const body = `текст ${round}`;
        const { id } = await database.db
          .insertInto('document')
          .values({
            kind: 'press_release',
            title: 'Пресс-релиз',
            body,
            content_hash: createHash('sha256').update(body).digest('hex'),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const [edit, remove] = await Promise.allSettled([
          updateDocument(database.db, actor, id, { version: 1, title: 'Пресс-релиз (исправленный)' }),
          deleteDocument(database.db, actor, id, 1),
        ]);
        const codes = [edit, remove].map((result) =>
          result.status === 'fulfilled' ? 'done' : (result.reason as AppError).code,
        );
        expect(codes).toSatisfy(
          ([e, r]: string[]) =>
            (e === 'done' && r === 'stale_version') || (e === 'not_found' && r === 'done'),
        );
        const stored = await findDocumentById(database.db, id);
        if (edit.status === 'fulfilled') expect(stored).toMatchObject({ version: 2 });
        else expect(stored).toBeUndefined();
      }
    });
  });
}
