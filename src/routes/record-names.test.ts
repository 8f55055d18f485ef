import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../db/connect.ts';
import { testEngines } from '../db/test-database.ts';
import { insertTestCity } from '../modules/audit/test-cities.ts';
import { buildApp } from '../server/app.ts';
import { insertTestAccounts } from '../server/test-accounts.ts';

for (const engine of testEngines()) {
  describe(`a record read with the names of what it refers to on ${engine.engine}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    let tokens: Record<string, string> = {};
    const ids: Record<string, number> = {};

    async function call(method: 'GET' | 'POST', url: string, payload?: object, who = 'admin') {
      const response = await app.inject({
        method,
        url,
        headers: who ? { authorization: `Bearer ${tokens[who]}` } : {},
        ...(payload ? { payload } : {}),
      });
      expect(response.statusCode, response.body).toBeLessThan(300);
      return response.json();
    }

    beforeAll(async () => {
      database = await engine.open();
      app = await buildApp({ database });
      ids.baranovichi = await insertTestCity(database.db, 'Барановичи', 'Baranovichi');
      ids.kuznetsk = await insertTestCity(database.db, 'Кузнецк', 'Kuznetsk', 'RU');
      tokens = await insertTestAccounts(database.db, [['admin', 'admin', null, null]]);
      ids.lyceum = (
        await call('POST', '/api/organizations', { cityId: ids.kuznetsk, name: 'Лицей № 21' })
      ).id;
      ids.head = (await call('POST', '/api/persons', { fullName: 'Вадим Щербаков' })).id;
      ids.visit = (
        await call('POST', '/api/visits', {
          fromCityId: ids.baranovichi,
          toCityId: ids.kuznetsk,
          startDate: '2025-09-18',
          endDate: '2025-09-21',
          headPersonId: ids.head,
        })
      ).id;
      ids.agreement = (
        await call('POST', '/api/agreements', {
          kind: 'cooperation',
          title: 'Соглашение о сотрудничестве в образовании',
          parties: [{ cityId: ids.baranovichi }, { organizationId: ids.lyceum }],
        })
      ).id;
      ids.event = (
        await call('POST', '/api/events', { name: 'День города', kind: 'city_day', cityId: ids.kuznetsk })
      ).id;
      ids.project = (
        await call('POST', '/api/projects', {
          title: 'Обмен школьниками',
          parties: [{ cityId: ids.baranovichi }, { organizationId: ids.lyceum }],
        })
      ).id;
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    const barNames = { ru: 'Барановичи', be: null, en: 'Baranovichi' };
    const kuzNames = { ru: 'Кузнецк', be: null, en: 'Kuznetsk' };

    it('names a visit’s cities and head with include=names, and only then', async () => {
      const plain = await call('GET', `/api/visits/${ids.visit}`);
      expect(plain).not.toHaveProperty('names');
      const visit = await call('GET', `/api/visits/${ids.visit}?include=names`);
      expect(visit).toMatchObject({ fromCityId: ids.baranovichi, headPersonId: ids.head });
      expect(visit.names).toEqual({
        cities: { [ids.baranovichi!]: barNames, [ids.kuznetsk!]: kuzNames },
        organizations: {},
        persons: { [ids.head!]: 'Вадим Щербаков' },
      });
      const page = await call('GET', `/api/visits?include=names`);
      expect(page.items.find((v: { id: number }) => v.id === ids.visit).names).toEqual(visit.names);
    });

    it('names the parties of agreements and projects and the city of an event', async () => {
      // An organization's party carries its city too: both are named.
      const parties = {
        cities: { [ids.baranovichi!]: barNames, [ids.kuznetsk!]: kuzNames },
        organizations: { [ids.lyceum!]: 'Лицей № 21' },
        persons: {},
      };
      expect((await call('GET', `/api/agreements/${ids.agreement}?include=names`)).names).toEqual(parties);
      expect((await call('GET', `/api/projects/${ids.project}?include=names`)).names).toEqual(parties);
      const event = await call('GET', `/api/events/${ids.event}?include=names`);
      expect(event.names.cities).toEqual({ [ids.kuznetsk!]: kuzNames });
    });

    it('refuses an include it does not know, saying what it may be', async () => {
      const response = await app.inject({
        method: 'GET',
        url: `/api/visits/${ids.visit}?include=everything`,
        headers: { authorization: `Bearer ${tokens.admin}` },
      });
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('include');
    });

    it('documents the parameter and the names in the OpenAPI document', async () => {
      const spec = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
      const one = spec.paths['/api/visits/{id}'].get;
      expect(one.parameters.map((p: { name: string }) => p.name)).toContain('include');
      const list = spec.paths['/api/agreements'].get;
      expect(list.parameters.map((p: { name: string }) => p.name)).toContain('include');
      expect(JSON.stringify(one.responses['200'])).toContain('names');
    });
  });
}
