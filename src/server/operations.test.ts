import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connect.ts';
import { testEngines } from '../db/test-database.ts';
import { insertTestCity } from '../modules/audit/test-cities.ts';
import { buildApp } from './app.ts';
import { insertTestAccounts } from './test-accounts.ts';

for (const engine of testEngines()) {
  describe(`health and metrics for operations on ${engine.engine}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    let tokens: Record<string, string>;
    let organizationId = 0;
    const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });

    beforeAll(async () => {
      database = await engine.open();
      app = await buildApp({ database });
      const city = await insertTestCity(database.db, 'Барановичи', 'Baranovichi');
      tokens = await insertTestAccounts(database.db, [
        ['admin', 'admin', null, null],
        ['editor', 'city_editor', city, null],
      ]);
      organizationId = (
        await database.db
          .insertInto('organization')
          .values({ name: 'гимназия № 2', city_id: city })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    it('tells a live process and a ready server apart', async () => {
      const live = await app.inject({ method: 'GET', url: '/api/health/live' });
      expect(live.statusCode).toBe(200);
      expect(live.json()).toEqual({ status: 'live' });
      const ready = await app.inject({ method: 'GET', url: '/api/health/ready' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toEqual({ status: 'ready', database: engine.engine });
    });

    it('says the server is not ready, with 503, once its database is gone, while it still lives', async () => {
      const lost = await engine.open();
      const other = await buildApp({ database: lost });
      try {
        await lost.close();
        const ready = await other.inject({ method: 'GET', url: '/api/health/ready' });
        expect(ready.statusCode).toBe(503);
        expect(ready.json().error).toMatchObject({ code: 'not_ready' });
        expect(ready.json().error.message).toMatch(/database/);
        expect((await other.inject({ method: 'GET', url: '/api/health/live' })).statusCode).toBe(200);
      } finally {
        await other.close();
      }
    });

    it('finishes the requests under way when it stops, then serves no more', async () => {
      const own = await engine.open();
      const server = await buildApp({ database: own });
      let arrived = false;
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      // A request that takes as long as the test wants: the stop must wait for its answer.
      server.get('/api/slow-for-the-test', async () => {
        arrived = true;
        await gate;
        return { finished: true };
      });
      await server.listen({ port: 0, host: '127.0.0.1' });
      const url = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
      try {
        const underWay = fetch(`${url}/api/slow-for-the-test`);
        await expect.poll(() => arrived).toBe(true);
        const stopping = server.close();
        release();
        const answer = await underWay;
        expect(answer.status).toBe(200);
        expect(await answer.json()).toEqual({ finished: true });
        await stopping;
        await expect(fetch(`${url}/api/health/live`)).rejects.toThrow();
      } finally {
        release();
        await own.close();
      }
    });

    it('shows Prometheus metrics to administrators only: requests by route and status, the database pool', async () => {
      for (let i = 0; i < 3; i++) {
        const read = await app.inject({
          method: 'GET',
          url: `/api/organizations/${organizationId}`,
          headers: as('editor'),
        });
        expect(read.statusCode).toBe(200);
      }
      await app.inject({ method: 'GET', url: '/api/organizations/999999', headers: as('editor') });
      expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
      expect((await app.inject({ method: 'GET', url: '/metrics', headers: as('editor') })).statusCode).toBe(
        403,
      );

      const metrics = await app.inject({ method: 'GET', url: '/metrics', headers: as('admin') });
      expect(metrics.statusCode).toBe(200);
      expect(metrics.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = metrics.body;
      // By the route's pattern: the ids asked for make no series of their own.
      expect(text).toContain(
        'http_requests_total{method="GET",route="/api/organizations/:id",status="200"} 3',
      );
      expect(text).toContain(
        'http_requests_total{method="GET",route="/api/organizations/:id",status="404"} 1',
      );
      expect(text).not.toContain(`/api/organizations/${organizationId}"`);
      expect(text).toMatch(
        /http_request_duration_seconds_count\{method="GET",route="\/api\/organizations\/:id",status="200"\} 3/,
      );
      expect(text).toContain(
        `pobratim_database_connections{state="max"} ${engine.engine === 'pglite' ? 1 : 10}`,
      );
      expect(text).toMatch(/pobratim_database_connections\{state="waiting"\} \d+/);
      expect(text).toMatch(/process_cpu_seconds_total \d/);
      expect(text).toMatch(/nodejs_eventloop_lag_seconds \d/);
    });
  });
}
