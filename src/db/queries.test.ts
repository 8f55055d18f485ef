import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { format } from 'sql-formatter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertTestCity } from '../modules/audit/test-cities.ts';
import { buildApp } from '../server/app.ts';
import { insertTestAccounts } from '../server/test-accounts.ts';
import type { DatabaseHandle } from './connect.ts';
import { testEngines } from './test-database.ts';

/**
 * The SQL behind the requests that matter most for speed and for access (a list page with the
 * asker's read filter, a record's details, the search), kept as committed files under
 * `src/db/queries/`, so that a change to a query shows in review as a change to its SQL. When a
 * change is meant, `npx vitest run src/db/queries.test.ts -u` writes the files anew. Statement
 * texts only, without their parameters; the statements of one request are sorted, since the search
 * runs its kinds side by side and their order is the scheduler's.
 */
const statements: string[] = [];
const recorder: KyselyPlugin = {
  transformQuery(args: PluginTransformQueryArgs) {
    statements.push(database.db.getExecutor().compileQuery(args.node, args.queryId).sql);
    return args.node;
  },
  async transformResult(args: PluginTransformResultArgs) {
    return args.result;
  },
};

let database: DatabaseHandle;

// The SQL is the same on both engines (one dialect): PGlite alone writes the files.
const [embedded] = testEngines();

describe('the SQL of the requests that matter, as committed files', () => {
  let app: FastifyInstance;
  let tokens: Record<string, string>;
  let visitId = 0;
  let city = 0;

  beforeAll(async () => {
    database = await embedded!.open();
    app = await buildApp({ database: { ...database, db: database.db.withPlugin(recorder) } });
    city = await insertTestCity(database.db, 'Барановичи', 'Baranovichi');
    const partner = await insertTestCity(database.db, 'Кузнецк', 'Kuznetsk', 'RU');
    await database.db
      .insertInto('twinning')
      .values({ city_a_id: city, city_b_id: partner, status: 'active' })
      .execute();
    tokens = await insertTestAccounts(database.db, [
      ['editor', 'city_editor', city, null],
      ['admin', 'admin', null, null],
    ]);
    visitId = (
      await database.db
        .insertInto('visit')
        .values({ from_city_id: city, to_city_id: partner, start_date: '2025-09-18', end_date: '2025-09-21' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  async function sqlOf(who: string, url: string): Promise<string> {
    statements.length = 0;
    const response = await app.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${tokens[who]}` },
    });
    expect(response.statusCode, response.body).toBe(200);
    const texts = [...statements].sort().map((text) => `${format(text, { language: 'postgresql' })};`);
    return `-- GET ${url.replace(/\d{5,}/g, 'ID')} as ${who}: ${texts.length} statements\n\n${texts.join('\n\n')}\n`;
  }

  it.each([
    ['visits-list-editor', 'editor', (): string => '/api/visits?limit=20&sort=startDate&order=desc'],
    ['visits-list-admin', 'admin', (): string => '/api/visits?limit=20&sort=startDate&order=desc'],
    ['organizations-list-editor', 'editor', (): string => `/api/organizations?limit=20&cityId=${city}`],
    ['events-list-editor', 'editor', (): string => '/api/events?limit=20'],
    ['visit-details-editor', 'editor', (): string => `/api/visits/${visitId}`],
    ['search-editor', 'editor', (): string => '/api/search?q=гимназия'],
  ] as const)('%s', async (name, who, url) => {
    await expect(await sqlOf(who, url())).toMatchFileSnapshot(`queries/${name}.sql`);
  });
});
