import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { testEngines } from '../../src/db/test-database.ts';
import { insertApiToken } from '../../src/modules/auth/api-token.repository.ts';
import { buildApp } from '../../src/server/app.ts';

// The rows users keep; login failures and token use times change on purpose when a request fails.
const TABLES = [
  'city',
  'twinning',
  'organization',
  'person',
  'position',
  'visit',
  'visit_member',
  'visit_program_item',
  'event',
  'agreement',
  'agreement_party',
  'project',
  'project_party',
  'plan_item',
  'document',
  'record_source',
  'app_user',
  'user_role',
  'audit_entry',
];

const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom(
    "'; DROP TABLE visit; --",
    '1 OR 1=1',
    '<script>alert(1)</script>',
    '${jndi:ldap://x}',
    '../../etc/passwd',
    '\u0000',
    '\ud800',
    'Барановичи',
    '9'.repeat(400),
    '-1',
    '2025-02-30',
  ),
);
const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(
      fc.oneof(hostileString, fc.constantFrom('version', 'cityId', 'parties', 'name', 'text', 'q')),
      tie('value'),
      { maxKeys: 4 },
    ),
  ),
})).value;

for (const engine of testEngines()) {
  describe(`hostile input on ${engine.engine}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    let token = '';
    beforeAll(async () => {
      database = await engine.open();
      app = await buildApp({ database, bodyLimit: 256 * 1024 });
      const user = await database.db
        .insertInto('app_user')
        .values({ email: 'admin@example.org', display_name: 'A' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await database.db.insertInto('user_role').values({ user_id: user.id, role: 'admin' }).execute();
      // A decoy takes the first token id, which an empty id part turns into: revoking it must not
      // revoke the token the requests carry, or every later route would only answer 401.
      await insertApiToken(database.db, user.id, 'decoy');
      token = (await insertApiToken(database.db, user.id, 'fuzz')).secret;
      const city = await database.db
        .insertInto('city')
        .values({ name_en: 'Kuznetsk', name_ru: 'Кузнецк', country: 'RU' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await database.db.insertInto('organization').values({ city_id: city.id, name: 'лицей № 21' }).execute();
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    async function fingerprint(): Promise<string> {
      const counts = TABLES.map(
        (table) => sql`SELECT ${table}::text AS t, count(*)::int AS n FROM ${sql.table(table)}`,
      );
      const { rows } = await sql<{ t: string; n: number }>`${sql.join(counts, sql` UNION ALL `)}`.execute(
        database.db,
      );
      const versions = await sql<{
        v: number;
      }>`SELECT coalesce(sum(version), 0)::int AS v FROM visit`.execute(database.db);
      return JSON.stringify([rows, versions.rows]);
    }

    it('never answers 500 to any route, and a refused request changes nothing stored', async () => {
      const spec = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
        paths: Record<string, Record<string, unknown>>;
      };
      const routes = Object.entries(spec.paths).flatMap(([path, methods]) =>
        Object.keys(methods).map((method) => ({ path, method: method.toUpperCase() })),
      );
      expect(routes.length).toBeGreaterThan(30);
      const seen = new Set<number>();
      for (const route of routes) {
        await fc.assert(
          fc.asyncProperty(
            hostileValue,
            hostileString,
            fc.dictionary(
              fc.constantFrom('q', 'limit', 'cursor', 'version', 'year', 'cityId', 'kinds'),
              hostileString,
              { maxKeys: 3 },
            ),
            async (body, idPart, query) => {
              const url = route.path.replace(/\{id\}/g, encodeURIComponent(idPart || '1'));
              const before = await fingerprint();
              const response = await app.inject({
                method: route.method as 'GET',
                url,
                query,
                headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
                ...(route.method === 'GET' || route.method === 'DELETE'
                  ? {}
                  : { payload: JSON.stringify(body) }),
              });
              seen.add(response.statusCode);
              expect(response.statusCode, `${route.method} ${url} ${response.body}`).toBeLessThan(500);
              if (response.statusCode >= 400) expect(await fingerprint()).toBe(before);
            },
          ),
          { numRuns: 12, seed: 20261125 },
        );
      }
      // The payloads did reach validation, look-ups and handlers, not only a router's 404.
      expect([...seen]).toEqual(expect.arrayContaining([200, 400, 404]));
      // And they were the administrator's to the end, not an anonymous caller's.
      const me = await app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(me.statusCode).toBe(200);
    }, 600_000);
  });
}
