/**
 * One large acceptance of a press-release draft (issue 14, item 10): a city editor accepts 500 new
 * organizations and 500 new people of their city. The baseline, run in the same process on the same
 * kind of database, writes the same rows with their audit entries in plain multi-row inserts: the
 * floor a batched acceptance could reach. The ratio is what is recorded (absolute times drift on a
 * shared machine); the acceptance is the longest transaction the application runs, and while it
 * runs on PGlite every other request waits for the one connection.
 * Run: npx tsx bench/accept.bench.ts [pglite|server|both] [--records 500]
 */
import { sql } from 'kysely';
import type { DatabaseHandle } from '../src/db/connect.ts';
import { testEngines } from '../src/db/test-database.ts';
import { insertTestCity } from '../src/modules/audit/test-cities.ts';
import { buildApp } from '../src/server/app.ts';
import { insertTestAccounts } from '../src/server/test-accounts.ts';
import { benchArgs } from './args.ts';

const args = benchArgs();
const RECORDS = args.option('--records', 500);

function draftOf(cityId: number, tag: string) {
  const proposal = { matches: [], chosenId: null, include: true, span: null };
  return {
    cities: [{ ref: 'c1', name: 'Барановичи', matches: [], chosenId: cityId, include: true, span: null }],
    organizations: Array.from({ length: RECORDS }, (_, i) => ({
      ...proposal,
      ref: `o${i + 1}`,
      name: `средняя школа № ${i + 1} ${tag}`,
      kind: 'school',
      cityRef: 'c1',
    })),
    persons: Array.from({ length: RECORDS }, (_, i) => ({
      ...proposal,
      ref: `p${i + 1}`,
      name: `Иван Петров${i + 1} ${tag}`,
      position: 'учитель',
      cityRef: 'c1',
    })),
    visits: [],
    agreements: [],
    projects: [],
    events: [],
  };
}

async function floor(database: DatabaseHandle, cityId: number, tag: string): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    const organizations = await trx
      .insertInto('organization')
      .values(Array.from({ length: RECORDS }, (_, i) => ({ city_id: cityId, name: `школа ${i} ${tag}` })))
      .returning('id')
      .execute();
    const persons = await trx
      .insertInto('person')
      .values(
        Array.from({ length: RECORDS }, (_, i) => ({ city_id: cityId, full_name: `Пётр Иванов${i} ${tag}` })),
      )
      .returning('id')
      .execute();
    await sql`INSERT INTO audit_entry (record_type, record_id, action, after)
      SELECT 'organization', id, 'create', '{}'::jsonb FROM unnest(${organizations.map((o) => o.id)}::integer[]) AS id
      UNION ALL
      SELECT 'person', id, 'create', '{}'::jsonb FROM unnest(${persons.map((p) => p.id)}::integer[]) AS id`.execute(
      trx,
    );
  });
}

for (const engine of testEngines({ TEST_DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' })) {
  if (!args.engines.includes(engine.engine)) continue;
  const database = await engine.open();
  const app = await buildApp({ database });
  const cityId = await insertTestCity(database.db, 'Барановичи', 'Baranovichi', 'BY');
  const tokens = await insertTestAccounts(database.db, [['editor', 'city_editor', cityId, null]]);
  const headers = { authorization: `Bearer ${tokens.editor}` };
  const times = { accept: [] as number[], floor: [] as number[] };
  for (let round = 0; round < 3; round++) {
    const stored = await app.inject({
      method: 'POST',
      url: '/api/documents',
      headers,
      payload: { text: `Пресс-релиз ${round}: делегация Барановичей посетила школы.` },
    });
    if (stored.statusCode !== 201) throw new Error(stored.body);
    let start = performance.now();
    const accepted = await app.inject({
      method: 'POST',
      url: `/api/documents/${stored.json().document.id}/accept`,
      headers,
      payload: draftOf(cityId, `r${round}`),
    });
    times.accept.push(performance.now() - start);
    if (accepted.statusCode !== 200) throw new Error(accepted.body);
    start = performance.now();
    await floor(database, cityId, `r${round}`);
    times.floor.push(performance.now() - start);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const [accept, plain] = [median(times.accept), median(times.floor)];
  console.log(
    `${engine.engine}: accept ${RECORDS} organizations + ${RECORDS} people ${(accept / 1000).toFixed(2)} s, ` +
      `plain inserts ${(plain / 1000).toFixed(2)} s, ratio ${(accept / plain).toFixed(1)}×`,
  );
  await app.close();
  await database.close();
}
