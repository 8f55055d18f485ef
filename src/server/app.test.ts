import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../db/connect.ts';
import { testEngines } from '../db/test-database.ts';
import { buildApp } from './app.ts';

for (const engine of testEngines()) {
  describe(`the API on ${engine.engine}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    beforeAll(async () => {
      database = await engine.open();
      app = await buildApp({ database, bodyLimit: 1024 });
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    it('answers the health check with the engine in use', async () => {
      const response = await app.inject({ method: 'GET', url: '/api/health' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        status: 'ok',
        database: engine.engine,
        gazetteerLoaded: false,
      });
    });

    it('counts the cities and notices the gazetteer once its places are in', async () => {
      await database.db
        .insertInto('city')
        .values({
          id: 620127,
          source: 'geonames',
          name_en: 'Baranovichi',
          name_ru: 'Барановичи',
          country: 'BY',
        })
        .execute();
      const body = (await app.inject({ method: 'GET', url: '/api/health' })).json();
      expect(body).toMatchObject({ cities: 1, gazetteerLoaded: true });
    });

    it('answers an unknown route with a JSON 404 that names it', async () => {
      const response = await app.inject({ method: 'GET', url: '/api/nowhere' });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({
        error: { code: 'not_found', message: 'No route GET /api/nowhere.' },
      });
    });

    it('refuses a body over the limit with 413', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/health',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ text: 'я'.repeat(4000) }),
      });
      expect(response.statusCode).toBe(413);
      expect(response.json().error.code).toBe('payload_too_large');
    });
  });
}
