/**
 * Fills a freshly migrated database with a registry the size of a large installation: a few hundred
 * real cities from the gazetteer, their institutions and people, twinnings, 100,000 visits with
 * their delegations and programs, agreements and events signed and held at them, and 200,000
 * documents (one press release per visit and as many other releases, greetings and letters), each
 * linked to its records through record_source as an accepted import would be.
 *
 * Rows go in as multi-row INSERTs over unnest()ed arrays (the statement the gazetteer loader uses,
 * the same on PGlite and a server: COPY FROM STDIN crashes PGlite's node-postgres adapter), in one
 * transaction, with each table's secondary indexes dropped first and rebuilt once at the end.
 *
 * Run alone (it creates the database, fills it, reports and drops it):
 *   npx tsx bench/api/generate.ts [server|pglite] [--visits N] [--documents N] [--keep]
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/db/connect.ts';
import type { Database } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { loadGazetteer, type Place } from '../../src/gazetteer/index.ts';
import { searchNames, textArrayLiteral } from '../../src/modules/cities/city.names.ts';
import { insertTestAccounts } from '../../src/server/test-accounts.ts';
import {
  AGREEMENT_TITLES,
  between,
  cityOrganizations,
  EVENT_NAMES,
  personName,
  pick,
  POSITIONS,
  PROGRAM_TITLES,
  releaseBody,
  releaseTitle,
  seededRandom,
  visitOutcomes,
  visitPurpose,
  type Random,
} from './texts.ts';

export const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** The server database the benchmark creates and drops; another name keeps two benchmarks apart. */
export const BENCH_DATABASE = process.env.BENCH_DATABASE ?? 'pobratim_bench';
if (!/^[a-z_][a-z0-9_]*$/.test(BENCH_DATABASE))
  throw new Error(`BENCH_DATABASE: ${BENCH_DATABASE} is not a plain identifier`);

export interface Sizes {
  visits: number;
  documents: number;
}

/** What the benchmark needs to know of the generated data. */
export interface Generated {
  homeCityId: number;
  homeCityName: string;
  /** Visits where the home city is a side (its editor may read them). */
  homeVisitIds: number[];
  /** A few surnames of people in the registry, to search for. */
  surnames: string[];
  tokens: { editor: string; admin: string };
  counts: Record<string, number>;
}

// How many of the gazetteer's largest places (with a Russian name) of each country become cities.
const COUNTRY_QUOTAS: Record<string, number> = {
  BY: 120,
  RU: 140,
  UA: 20,
  PL: 25,
  LT: 10,
  LV: 10,
  DE: 25,
  FR: 10,
  IT: 10,
  CN: 15,
  RS: 10,
  KZ: 15,
  AM: 5,
  GE: 5,
  BG: 10,
  CZ: 10,
  MD: 5,
};
const HOME_CITY = 'Барановичи';
/** The share of visits with the home city as a side: an installation serves its own city first. */
const HOME_SHARE = 0.06;
const PERSONS_PER_CITY = 50;
const BATCH = 5000;

type Column = [name: string, type: string];

/** Inserts rows (arrays in the order of `columns`) in batches of one unnest() INSERT each. */
async function insertRows(db: Kysely<Database>, table: string, columns: Column[], rows: unknown[][]) {
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const arrays = columns.map((_, index) => batch.map((row) => row[index] ?? null));
    await sql`
      INSERT INTO ${sql.table(table)} (${sql.join(columns.map(([name]) => sql.ref(name)))})
      SELECT * FROM unnest(${sql.join(columns.map(([, type], index) => sql`${arrays[index]}::${sql.raw(type)}[]`))})
    `.execute(db);
  }
}

/** Drops a table's indexes that back no constraint; returns the statements that recreate them. */
async function dropSecondaryIndexes(db: Kysely<Database>, table: string): Promise<string[]> {
  const { rows } = await sql<{ name: string; definition: string }>`
    SELECT indexname AS name, indexdef AS definition FROM pg_indexes
    WHERE schemaname = current_schema() AND tablename = ${table}
      AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = ${table}::regclass)
  `.execute(db);
  for (const { name } of rows) await sql`DROP INDEX ${sql.id(name)}`.execute(db);
  return rows.map((row) => row.definition);
}

const TABLES = [
  'city',
  'twinning',
  'organization',
  'person',
  'visit',
  'visit_member',
  'visit_program_item',
  'event',
  'agreement',
  'agreement_party',
  'document',
  'record_source',
];

function chooseCities(): Place[] {
  const byCountry = new Map<string, Place[]>();
  for (const place of loadGazetteer().all()) {
    if (!place.ru || !(place.country in COUNTRY_QUOTAS) || !place.featureCode.startsWith('PPL')) continue;
    if (['PPLX', 'PPLH', 'PPLQ', 'PPLW'].includes(place.featureCode)) continue;
    const list = byCountry.get(place.country) ?? [];
    list.push(place);
    byCountry.set(place.country, list);
  }
  const chosen: Place[] = [];
  for (const [country, quota] of Object.entries(COUNTRY_QUOTAS)) {
    const seen = new Set<string>();
    const places = (byCountry.get(country) ?? []).sort((a, b) => b.population - a.population);
    for (const place of places) {
      if (seen.has(place.ru!) || seen.size >= quota) continue;
      seen.add(place.ru!);
      chosen.push(place);
    }
  }
  if (!chosen.some((place) => place.ru === HOME_CITY))
    throw new Error(`${HOME_CITY} is not among the cities`);
  return chosen;
}

const isoDate = (day: number) => new Date(Date.UTC(2004, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
const DAYS = 22 * 365 + 180;

/** Fills the database; every id is given explicitly, so rows can refer to each other before insert. */
export async function generate(
  db: Kysely<Database>,
  sizes: Sizes,
  log: (line: string) => void = console.log,
): Promise<Generated> {
  const random: Random = seededRandom(20261125);
  const cities = chooseCities();
  const home = cities.find((city) => city.ru === HOME_CITY)!;
  const nameOf = new Map(cities.map((city) => [city.id, city.ru!]));
  // Busier cities: Belarusian and Russian ones, larger ones, are chosen more often.
  const weighted = cities.flatMap((city) => {
    const weight =
      (city.country === 'BY' || city.country === 'RU' ? 3 : 1) + (city.population > 300_000 ? 2 : 0);
    return Array.from({ length: weight }, () => city.id);
  });
  const otherCity = (not: number) => {
    for (;;) {
      const id = pick(random, weighted);
      if (id !== not) return id;
    }
  };

  const organizations: unknown[][] = [];
  const orgsOf = new Map<number, number[]>();
  for (const city of cities) {
    const ids: number[] = [];
    for (const org of cityOrganizations(random, city.country)) {
      const id = organizations.length + 1;
      organizations.push([id, city.id, org.name, org.kind, org.sphere]);
      ids.push(id);
    }
    orgsOf.set(city.id, ids);
  }

  const persons: unknown[][] = [];
  const peopleOf = new Map<number, number[]>();
  const fullNames: string[] = [];
  for (const city of cities) {
    const ids: number[] = [];
    for (let n = 0; n < PERSONS_PER_CITY; n++) {
      const id = persons.length + 1;
      const name = personName(random);
      persons.push([id, name.fullName, name.firstName, name.patronymic, name.lastName, city.id]);
      fullNames.push(name.fullName);
      ids.push(id);
    }
    peopleOf.set(city.id, ids);
  }

  const twinnings = new Map<string, unknown[]>();
  while (twinnings.size < cities.length * 3) {
    const a = pick(random, weighted);
    const b = otherCity(a);
    const [low, high] = a < b ? [a, b] : [b, a];
    twinnings.set(`${low}-${high}`, [
      low,
      high,
      pick(random, ['twin', 'partner', 'friendship']),
      between(random, 1960, 2024),
    ]);
  }

  const visits: unknown[][] = [];
  const members: unknown[][] = [];
  const program: unknown[][] = [];
  const homeVisitIds: number[] = [];
  const visitFacts: { from: number; to: number; start: number; head: number; position: string }[] = [];
  for (let id = 1; id <= sizes.visits; id++) {
    let from = pick(random, weighted);
    let to = otherCity(from);
    if (random() < HOME_SHARE)
      [from, to] = random() < 0.5 ? [home.id, otherCity(home.id)] : [otherCity(home.id), home.id];
    if (from === home.id || to === home.id) homeVisitIds.push(id);
    const start = Math.floor(random() * DAYS);
    const people = peopleOf.get(from)!;
    const head = pick(random, people);
    const position = pick(random, POSITIONS);
    const status = start > DAYS - 200 ? 'planned' : random() < 0.03 ? 'cancelled' : 'done';
    visits.push([
      id,
      from,
      to,
      isoDate(start),
      isoDate(start + between(random, 0, 4)),
      pick(random, ['official', 'working', 'business', 'other']),
      status,
      head,
      position,
      visitPurpose(random),
      status === 'done' ? visitOutcomes(random) : null,
    ]);
    visitFacts.push({ from, to, start, head, position });
    const delegation = new Set([head]);
    const size = between(random, 2, 5);
    while (delegation.size < size) delegation.add(pick(random, people));
    for (const person of delegation) {
      members.push([
        id,
        person,
        person === head
          ? 'руководитель делегации'
          : pick(random, [null, 'член делегации', 'солистка ансамбля', 'тренер']),
      ]);
    }
    const hosts = orgsOf.get(to)!;
    const items = between(random, 2, 4);
    for (let position = 0; position < items; position++) {
      program.push([
        id,
        pick(random, ['meeting', 'organization_visit', 'event', 'other']),
        pick(random, PROGRAM_TITLES),
        isoDate(start + Math.min(position, 1)),
        random() < 0.6 ? pick(random, hosts) : null,
        position,
      ]);
    }
  }

  const agreements: unknown[][] = [];
  const parties: unknown[][] = [];
  const events: unknown[][] = [];
  const agreementCount = Math.round(sizes.visits / 10);
  for (let id = 1; id <= agreementCount; id++) {
    const visitId = between(random, 1, sizes.visits);
    const visit = visitFacts[visitId - 1]!;
    agreements.push([
      id,
      pick(random, ['twinning', 'cooperation', 'memorandum', 'plan', 'protocol']),
      pick(random, AGREEMENT_TITLES),
      pick(random, ['in_force', 'in_force', 'expired', 'draft']),
      isoDate(visit.start),
      visitId,
      visitId <= sizes.documents ? visitId : null,
    ]);
    parties.push([id, visit.from], [id, visit.to]);
  }
  for (let id = 1; id <= agreementCount; id++) {
    const visitId = between(random, 1, sizes.visits);
    const visit = visitFacts[visitId - 1]!;
    const linked = random() < 0.5;
    events.push([
      id,
      pick(random, EVENT_NAMES),
      pick(random, ['city_day', 'festival', 'forum', 'exhibition', 'concert', 'competition']),
      visit.to,
      isoDate(visit.start),
      isoDate(visit.start + 1),
      linked ? visitId : null,
      `В программе: ${pick(random, PROGRAM_TITLES).toLowerCase()}, ${pick(random, PROGRAM_TITLES).toLowerCase()}.`,
    ]);
  }

  const documents: unknown[][] = [];
  const sources: unknown[][] = [];
  for (let id = 1; id <= sizes.documents; id++) {
    const aboutVisit = id <= sizes.visits;
    const visit = aboutVisit ? visitFacts[id - 1]! : undefined;
    const from = visit?.from ?? pick(random, weighted);
    const to = visit?.to ?? otherCity(from);
    const start = visit?.start ?? Math.floor(random() * DAYS);
    const organization = pick(random, orgsOf.get(to)!);
    const facts = {
      from: nameOf.get(from)!,
      to: nameOf.get(to)!,
      head: fullNames[(visit?.head ?? pick(random, peopleOf.get(from)!)) - 1]!,
      position: visit?.position ?? pick(random, POSITIONS),
      organization: organizations[organization - 1]![2] as string,
      year: 2004 + Math.floor(start / 365),
      day: between(random, 1, 28),
    };
    const title = releaseTitle(random, facts, aboutVisit);
    const body = releaseBody(random, facts);
    const hash = createHash('sha256').update(`${id}\n${title}\n${body}`).digest('hex');
    const kind = aboutVisit
      ? 'press_release'
      : pick(random, ['press_release', 'greeting', 'letter', 'report']);
    documents.push([id, kind, title, body, hash, isoDate(start + between(random, 0, 3))]);
    if (visit) sources.push([id, 'visit', id]);
    sources.push([id, 'city', from], [id, 'city', to], [id, 'organization', organization]);
  }

  const tables: [string, Column[], unknown[][]][] = [
    // search_names goes in as one array literal per row, cast per row: unnest cannot carry text[][] rows.
    [
      'city',
      [
        ['id', 'integer'],
        ['source', 'text'],
        ['name_ru', 'text'],
        ['name_be', 'text'],
        ['name_en', 'text'],
        ['search_names', 'text'],
        ['country', 'text'],
        ['admin1', 'text'],
        ['latitude', 'float8'],
        ['longitude', 'float8'],
        ['population', 'integer'],
        ['timezone', 'text'],
      ],
      cities.map((c) => [
        c.id,
        'geonames',
        c.ru,
        c.be,
        c.en,
        textArrayLiteral(searchNames(c)),
        c.country,
        c.admin1,
        c.lat,
        c.lng,
        c.population,
        c.timezone || null,
      ]),
    ],
    [
      'twinning',
      [
        ['city_a_id', 'integer'],
        ['city_b_id', 'integer'],
        ['tier', 'text'],
        ['established_year', 'integer'],
      ],
      [...twinnings.values()],
    ],
    [
      'organization',
      [
        ['id', 'integer'],
        ['city_id', 'integer'],
        ['name', 'text'],
        ['kind', 'text'],
        ['sphere', 'text'],
      ],
      organizations,
    ],
    [
      'person',
      [
        ['id', 'integer'],
        ['full_name', 'text'],
        ['first_name', 'text'],
        ['patronymic', 'text'],
        ['last_name', 'text'],
        ['city_id', 'integer'],
      ],
      persons,
    ],
    [
      'visit',
      [
        ['id', 'integer'],
        ['from_city_id', 'integer'],
        ['to_city_id', 'integer'],
        ['start_date', 'date'],
        ['end_date', 'date'],
        ['kind', 'text'],
        ['status', 'text'],
        ['head_person_id', 'integer'],
        ['head_position', 'text'],
        ['purpose', 'text'],
        ['outcomes', 'text'],
      ],
      visits,
    ],
    [
      'visit_member',
      [
        ['visit_id', 'integer'],
        ['person_id', 'integer'],
        ['role', 'text'],
      ],
      members,
    ],
    [
      'visit_program_item',
      [
        ['visit_id', 'integer'],
        ['kind', 'text'],
        ['title', 'text'],
        ['day', 'date'],
        ['organization_id', 'integer'],
        ['position', 'integer'],
      ],
      program,
    ],
    [
      'document',
      [
        ['id', 'integer'],
        ['kind', 'text'],
        ['title', 'text'],
        ['body', 'text'],
        ['content_hash', 'text'],
        ['published_on', 'date'],
      ],
      documents,
    ],
    [
      'event',
      [
        ['id', 'integer'],
        ['name', 'text'],
        ['kind', 'text'],
        ['city_id', 'integer'],
        ['start_date', 'date'],
        ['end_date', 'date'],
        ['visit_id', 'integer'],
        ['description', 'text'],
      ],
      events,
    ],
    [
      'agreement',
      [
        ['id', 'integer'],
        ['kind', 'text'],
        ['title', 'text'],
        ['status', 'text'],
        ['signed_on', 'date'],
        ['signed_at_visit_id', 'integer'],
        ['document_id', 'integer'],
      ],
      agreements,
    ],
    [
      'agreement_party',
      [
        ['agreement_id', 'integer'],
        ['city_id', 'integer'],
      ],
      parties,
    ],
    [
      'record_source',
      [
        ['document_id', 'integer'],
        ['record_type', 'text'],
        ['record_id', 'integer'],
      ],
      sources,
    ],
  ];

  const counts: Record<string, number> = {};
  await db.transaction().execute(async (trx) => {
    const rebuild: string[] = [];
    for (const table of TABLES) rebuild.push(...(await dropSecondaryIndexes(trx, table)));
    // The documents' scope (migration 0014) is refreshed once after the load, with the indexes back:
    // the trigger would look up every batch's documents in an unindexed record_source.
    await sql`ALTER TABLE record_source DISABLE TRIGGER record_source_scope_insert`.execute(trx);
    for (const [table, columns, rows] of tables) {
      const started = performance.now();
      if (table === 'city') {
        await insertCities(trx, columns, rows);
      } else {
        await insertRows(trx, table, columns, rows);
      }
      counts[table] = rows.length;
      log(`  ${table}: ${rows.length} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    // The deferred two-parties checks run now: an index cannot be built under pending trigger events.
    await sql`SET CONSTRAINTS ALL IMMEDIATE`.execute(trx);
    const started = performance.now();
    for (const definition of rebuild) await sql.raw(definition).execute(trx);
    log(
      `  ${rebuild.length} secondary indexes rebuilt in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    await sql`ALTER TABLE record_source ENABLE TRIGGER record_source_scope_insert`.execute(trx);
    const scoped = performance.now();
    // Statistics first: planned over tables it believes empty, the refresh ran for minutes.
    for (const table of ['document', 'record_source', 'organization']) {
      await sql`ANALYZE ${sql.table(table)}`.execute(trx);
    }
    await sql`SELECT refresh_document_scope(array(SELECT id FROM document))`.execute(trx);
    log(`  documents' scope in ${((performance.now() - scoped) / 1000).toFixed(1)} s`);
    for (const table of TABLES.filter(
      (t) => t !== 'city' && t !== 'visit_member' && t !== 'agreement_party' && t !== 'record_source',
    )) {
      await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), (SELECT max(id) FROM ${sql.table(table)}))`.execute(
        trx,
      );
    }
    await sql`INSERT INTO home_city (city_id, published) VALUES (${home.id}, false)`.execute(trx);
  });
  // VACUUM too: the scope refresh rewrote every document, and a fresh load has no visibility map.
  for (const table of TABLES) await sql`VACUUM ANALYZE ${sql.table(table)}`.execute(db);
  const tokens = (await insertTestAccounts(db, [
    ['editor', 'city_editor', home.id, null],
    ['admin', 'admin', null, null],
  ])) as { editor: string; admin: string };
  const surnames = ['Щербаков', 'Лукашевич', 'Воробьёва'];
  return { homeCityId: home.id, homeCityName: home.ru!, homeVisitIds, surnames, tokens, counts };
}

async function insertCities(db: Kysely<Database>, columns: Column[], rows: unknown[][]) {
  const arrays = columns.map((_, index) => rows.map((row) => row[index] ?? null));
  const names = columns.map(([name]) => name);
  await sql`
    INSERT INTO city (${sql.join(names.map((name) => sql.ref(name)))})
    SELECT ${sql.join(names.map((name) => (name === 'search_names' ? sql`search_names::text[]` : sql.ref(name))))}
    FROM unnest(${sql.join(columns.map(([, type], index) => sql`${arrays[index]}::${sql.raw(type)}[]`))})
      AS t(${sql.join(names.map((name) => sql.ref(name)))})
  `.execute(db);
}

/** A database for the benchmark on one engine: created empty, migrated, and removed afterwards. */
export interface BenchDatabase {
  engine: 'postgres' | 'pglite';
  /** Opens the database as the application does (connect.ts). */
  open(): Promise<DatabaseHandle>;
  /** Where the floor connects: a server URL, or PGlite's data directory. */
  location: string;
  dispose(): Promise<void>;
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function createBenchDatabase(engine: 'postgres' | 'pglite'): Promise<BenchDatabase> {
  if (engine === 'postgres') {
    await adminQuery(`DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`);
    await adminQuery(`CREATE DATABASE ${BENCH_DATABASE} TEMPLATE template0 ENCODING 'UTF8'`);
    const url = new URL(SERVER_URL);
    url.pathname = `/${BENCH_DATABASE}`;
    const location = url.toString();
    return {
      engine,
      location,
      open: () => openDatabase({ databaseUrl: location }),
      dispose: () => adminQuery(`DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`),
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'pobratim-bench-'));
  return {
    engine,
    location: path.join(dir, 'pglite'),
    open: () => openDatabase({ dataDir: dir, purpose: 'the API benchmark' }),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Creates, migrates and fills the benchmark database on one engine; the handle stays open. */
export async function createAndFill(
  engine: 'postgres' | 'pglite',
  sizes: Sizes,
  log: (line: string) => void = console.log,
): Promise<{ database: BenchDatabase; handle: DatabaseHandle; generated: Generated; seconds: number }> {
  const database = await createBenchDatabase(engine);
  const handle = await database.open();
  const started = performance.now();
  await migrateToLatest(handle.db);
  log(`${engine}: generating ${sizes.visits} visits and ${sizes.documents} documents`);
  const generated = await generate(handle.db, sizes, log);
  const seconds = (performance.now() - started) / 1000;
  log(`${engine}: generated in ${seconds.toFixed(1)} s`);
  return { database, handle, generated, seconds };
}

export function sizesFromArgs(argv: string[]): Sizes {
  const value = (flag: string, fallback: number) => {
    const index = argv.indexOf(flag);
    return index >= 0 ? Number(argv[index + 1]) : fallback;
  };
  return { visits: value('--visits', 100_000), documents: value('--documents', 200_000) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const engines = (['postgres', 'pglite'] as const).filter(
    (engine) =>
      !process.argv[2] ||
      process.argv[2].startsWith('-') ||
      engine === process.argv[2] ||
      (process.argv[2] === 'server' && engine === 'postgres'),
  );
  const sizes = sizesFromArgs(process.argv);
  for (const engine of engines) {
    const { database, handle, generated } = await createAndFill(engine, sizes);
    console.log(
      engine,
      generated.counts,
      `home city ${generated.homeCityName}: ${generated.homeVisitIds.length} visits`,
    );
    await handle.close();
    // --keep leaves the database for profiling (EXPLAIN ANALYZE in psql); the next run replaces it.
    if (process.argv.includes('--keep')) console.log(`kept: ${database.location}`);
    else await database.dispose();
  }
}
