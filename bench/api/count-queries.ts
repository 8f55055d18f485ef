/**
 * How many SQL statements one request of each benchmarked case sends, as a city editor and as the
 * administrator: the application on a Kysely that logs its queries, against the floor's count.
 * On a small generated registry on the server (the count does not depend on the size):
 *   npx tsx bench/api/count-queries.ts
 */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../../src/db/database.ts';
import { buildApp } from '../../src/server/app.ts';
import { createAndFill } from './generate.ts';

const { database, handle, generated } = await createAndFill(
  'postgres',
  { visits: 3000, documents: 6000 },
  () => {},
);
await handle.close();
const types = new pg.TypeOverrides();
types.setTypeParser(1082, (value: string) => value);
types.setTypeParser(20, (value: string) => Number(value));
const pool = new pg.Pool({ connectionString: database.location, types, max: 10 });
let statements: string[] = [];
const db = new Kysely<Database>({
  dialect: new PostgresDialect({ pool }),
  log: (event) => {
    statements.push(event.query.sql.replace(/\s+/g, ' ').slice(0, 90));
  },
});
const app = await buildApp({ database: { db, engine: 'postgres', close: () => db.destroy() } });
const paths = [
  `/api/visits?cityId=${generated.homeCityId}&year=2015&limit=50`,
  `/api/visits/${generated.homeVisitIds.at(-1)}/details`,
  `/api/search?q=${encodeURIComponent('фестиваля')}`,
];
for (const path of paths) {
  for (const who of ['editor', 'admin'] as const) {
    statements = [];
    const response = await app.inject({
      method: 'GET',
      url: path,
      headers: { authorization: `Bearer ${generated.tokens[who]}` },
    });
    console.log(
      `${decodeURIComponent(path)} as ${who}: ${response.statusCode}, ${statements.length} statements`,
    );
    if (process.argv.includes('--verbose'))
      for (const statement of statements) console.log(`    ${statement}`);
  }
}
await app.close();
await db.destroy();
await database.dispose();
