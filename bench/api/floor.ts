/**
 * The floor of the API benchmark: a minimal Fastify app with one route per benchmarked case, each
 * running the SQL that answer needs through `pg` directly (no Kysely, no zod, no per-row policy
 * queries): one query that finds the token's user and roles, then the queries of the answer.
 * What our routes do beyond this (validation, the policy, the audit-ready mappers) is what the
 * benchmark's ratio measures. A city editor's search runs the application's SQL with their read
 * conditions (SCOPES), as the application's does: the same SQL, so the same work in the database.
 */
import { createHash } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import pg from 'pg';
import { PGLITE_EXTENSIONS } from '../../src/db/connect.ts';
import { RANKED_MATCHES } from '../../src/modules/search/search.repository.ts';

function types(): pg.CustomTypesConfig {
  const overrides = new pg.TypeOverrides();
  overrides.setTypeParser(1082, (value: string) => value);
  overrides.setTypeParser(20, (value: string) => Number(value));
  return overrides;
}

/** A pool for the floor: ten connections to the server, or one to PGlite's data directory. */
export async function openFloorPool(
  engine: 'postgres' | 'pglite',
  location: string,
): Promise<{ pool: pg.Pool; close(): Promise<void> }> {
  if (engine === 'postgres') {
    // As the application's pool (src/db/connect.ts): no JIT compilation.
    const pool = new pg.Pool({ connectionString: location, types: types(), max: 10, options: '-c jit=off' });
    // As the application's: an idle connection the server ends (the benchmark dropping its database
    // at the end) is not an error of the run.
    pool.on('error', () => {});
    return { pool, close: () => pool.end() };
  }
  const pglite = await PGlite.create(location, { extensions: PGLITE_EXTENSIONS });
  const pool = new pg.Pool({ ...createPgConfig(pglite), types: types(), max: 1 });
  return {
    pool,
    async close() {
      await pool.end();
      await pglite.close();
    },
  };
}

const QUERY = `websearch_to_tsquery('russian', immutable_unaccent($1))`;
const HEADLINE = 'StartSel=\u0001, StopSel=\u0002, MaxWords=25, MinWords=8, MaxFragments=1';

/** How many of SEARCHES, from the first, match names by trigram similarity (city, person, organization). */
const NAME_SEARCHES = 3;

const PUBLISHED = 'array(select h.city_id from home_city h where h.published)';
/** A party table's row of one owner in one of a set of cities (readableRows' partyCityIn). */
const partyIn = (parties: string, owner: string, cities: string) =>
  `exists (select 1 from ${parties} p left join organization o on o.id = p.organization_id
    where p.${owner} and (p.city_id = any(${cities}) or o.city_id = any(${cities})))`;
/**
 * A city reader's conditions on each kind, as readableRows and readableDocuments write them for a
 * city editor: the rows of their cities ($3, an array of city ids) and the published ones, and for
 * documents the review queue.
 */
const SCOPES: Record<string, string> = {
  person: `(person.city_id = any($3) or ${partyIn('"position"', 'person_id = person.id', '$3')})`,
  organization: `(organization.city_id = any($3) or organization.city_id = any(${PUBLISHED}))`,
  visit: `((visit.from_city_id = any($3) or visit.to_city_id = any($3))
    or (visit.from_city_id = any(${PUBLISHED}) or visit.to_city_id = any(${PUBLISHED})))`,
  agreement: `(${partyIn('agreement_party', 'agreement_id = agreement.id', '$3')}
    or ${partyIn('agreement_party', 'agreement_id = agreement.id', PUBLISHED)})`,
  project: `(${partyIn('project_party', 'project_id = project.id', '$3')}
    or ${partyIn('project_party', 'project_id = project.id', PUBLISHED)})`,
  event: `((event.city_id = any($3) or ${partyIn('event_participant', 'event_id = event.id', '$3')})
    or (event.city_id = any(${PUBLISHED}) or ${partyIn('event_participant', 'event_id = event.id', PUBLISHED)}))`,
  document: `(document.scope_city_ids && $3::integer[]
    or (document.scope_city_ids = '{}' and document.scope_organization_ids = '{}'))`,
};

/**
 * The eight searches of /api/search, as search.repository.ts writes them (the newest matches of the
 * large kinds): for everything (an administrator), or `scoped` to a city reader ($3, their cities).
 */
function searches(scoped: boolean): string[] {
  const and = (kind: string) => (scoped ? `AND ${SCOPES[kind]}` : '');
  const newest = (table: string, order: string) =>
    `(SELECT * FROM ${table} WHERE search @@ ${QUERY} ${and(table)} ORDER BY ${order} LIMIT ${RANKED_MATCHES}) AS newest`;
  return [
    `SELECT 'city' AS kind, id, coalesce(name_ru, name_en) || ' (' || country || ')' AS label,
       word_similarity(name_key($1), search_key)::float8
         + CASE WHEN search_names @> ARRAY[name_key($1)] THEN 1 ELSE 0 END AS rank,
       coalesce(name_ru, name_en) || ' / ' || name_en AS headline
     FROM city WHERE search_names @> ARRAY[name_key($1)] OR name_key($1) <% search_key
     ORDER BY rank DESC, population DESC, id LIMIT $2`,
    `SELECT 'person' AS kind, id, full_name AS label, word_similarity(name_key($1), search_key)::float8 AS rank,
       full_name AS headline
     FROM person WHERE name_key($1) <% search_key ${and('person')} ORDER BY rank DESC, id LIMIT $2`,
    ...(
      [
        ['organization', 'organization', 'name', 'name', 'search_key'],
        [
          'visit',
          newest('visit', 'start_date DESC, id DESC'),
          `start_date::text || ' — ' || end_date::text`,
          `coalesce(purpose, '') || ' ' || coalesce(outcomes, '')`,
          null,
        ],
        ['agreement', 'agreement', 'title', `title || ' ' || coalesce(notes, '')`, null],
        ['project', 'project', 'title', `title || ' ' || coalesce(description, '')`, null],
        ['event', 'event', 'name', `name || ' ' || coalesce(description, '')`, null],
        ['document', newest('document', 'published_on DESC, id DESC'), 'title', 'left(body, 100000)', null],
      ] as const
    ).map(([kind, table, label, text, fuzzy]) => {
      const query = QUERY;
      const restrict = table === kind ? and(kind) : '';
      return `SELECT '${kind}' AS kind, id, ${label} AS label,
          greatest(ts_rank(search, ${query}), ${fuzzy ? `word_similarity(name_key($1), ${fuzzy})` : '0'})::float8 AS rank,
          ts_headline('russian', ${text}, ${query}, '${HEADLINE}') AS headline
        FROM ${table} WHERE (search @@ ${query} ${fuzzy ? `OR name_key($1) <% ${fuzzy}` : ''}) ${restrict}
        ORDER BY rank DESC, id LIMIT $2`;
    }),
  ];
}
export const SEARCHES = searches(false);
const SCOPED_SEARCHES = searches(true);

interface Asker {
  admin: boolean;
  cityIds: number[];
}

async function asker(pool: pg.Pool, request: FastifyRequest, tokenWrite: boolean): Promise<Asker> {
  const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
  const hash = createHash('sha256').update(token).digest('hex');
  if (tokenWrite) {
    // As the application does: every request notes when its token was last used.
    await pool.query('UPDATE api_token SET last_used_at = now() WHERE token_hash = $1 RETURNING user_id', [
      hash,
    ]);
  }
  const { rows } = await pool.query<{ role: string; city_id: number | null }>(
    `SELECT r.role, r.city_id FROM api_token t JOIN user_role r ON r.user_id = t.user_id
     WHERE t.token_hash = $1 AND (t.expires_at IS NULL OR t.expires_at > now())`,
    [hash],
  );
  if (rows.length === 0) throw Object.assign(new Error('unauthorized'), { statusCode: 401 });
  return {
    admin: rows.some((row) => row.role === 'admin'),
    cityIds: rows.flatMap((row) => (row.city_id === null ? [] : [row.city_id])),
  };
}

/** The floor app; `tokenWrite` adds the application's per-request UPDATE of the token's last use. */
export function buildFloor(pool: pg.Pool, { tokenWrite = false } = {}): FastifyInstance {
  const app = Fastify({ logger: false });

  app.get<{ Querystring: { cityId: string; year: string; limit: string } }>(
    '/api/visits',
    async (request) => {
      const who = await asker(pool, request, tokenWrite);
      const cityId = Number(request.query.cityId);
      const year = Number(request.query.year);
      const limit = Number(request.query.limit);
      const { rows } = await pool.query(
        `SELECT * FROM visit WHERE (from_city_id = $1 OR to_city_id = $1)
         AND daterange(start_date, end_date, '[]') && daterange($2::date, $3::date, '[]')
       ORDER BY start_date DESC, id DESC LIMIT $4`,
        [cityId, `${year}-01-01`, `${year}-12-31`, limit + 1],
      );
      const page = rows.slice(0, limit);
      const members = await pool.query(
        'SELECT visit_id, person_id, role FROM visit_member WHERE visit_id = ANY($1) ORDER BY visit_id, person_id',
        [page.map((row) => row.id)],
      );
      const items = page
        .filter(
          (row) =>
            who.admin || who.cityIds.includes(row.from_city_id) || who.cityIds.includes(row.to_city_id),
        )
        .map((row) => ({ ...row, members: members.rows.filter((member) => member.visit_id === row.id) }));
      return {
        items,
        nextCursor: rows.length > limit ? `${page.at(-1)?.start_date}/${page.at(-1)?.id}` : null,
      };
    },
  );

  app.get<{ Params: { id: string } }>('/api/visits/:id/details', async (request, reply) => {
    const who = await asker(pool, request, tokenWrite);
    const id = Number(request.params.id);
    const visit = (await pool.query('SELECT * FROM visit WHERE id = $1', [id])).rows[0];
    if (!visit) return reply.status(404).send({ error: 'not found' });
    if (!who.admin && !who.cityIds.includes(visit.from_city_id) && !who.cityIds.includes(visit.to_city_id)) {
      return reply.status(403).send({ error: 'forbidden' });
    }
    const [delegation, agreements, events, sources, program] = await Promise.all([
      pool.query(
        `SELECT m.person_id, m.role, p.full_name FROM visit_member m JOIN person p ON p.id = m.person_id
         WHERE m.visit_id = $1 ORDER BY m.person_id`,
        [id],
      ),
      pool.query(
        `SELECT a.*, (SELECT json_agg(json_build_object('cityId', p.city_id, 'organizationId', p.organization_id))
           FROM agreement_party p WHERE p.agreement_id = a.id) AS parties
         FROM agreement a WHERE a.signed_at_visit_id = $1 ORDER BY a.signed_on DESC, a.id DESC`,
        [id],
      ),
      pool.query(
        `SELECT e.*, (SELECT json_agg(ep) FROM event_participant ep WHERE ep.event_id = e.id) AS participants
         FROM event e WHERE e.visit_id = $1 ORDER BY e.start_date DESC, e.id DESC`,
        [id],
      ),
      pool.query(`SELECT * FROM record_source WHERE record_type = 'visit' AND record_id = $1 ORDER BY id`, [
        id,
      ]),
      pool.query('SELECT * FROM visit_program_item WHERE visit_id = $1 ORDER BY position, id', [id]),
    ]);
    return {
      ...visit,
      delegation: delegation.rows,
      agreementsSigned: agreements.rows,
      events: events.rows,
      sources: sources.rows,
      program: program.rows,
    };
  });

  app.get<{ Querystring: { q: string; limit?: string } }>('/api/search', async (request) => {
    const who = await asker(pool, request, tokenWrite);
    const q = request.query.q.trim();
    const limit = Number(request.query.limit ?? 10);
    // As the application does: each kind at once on a connection of its own, the name kinds (the
    // first three) in a transaction with the loosened trigram threshold.
    const [texts, params] = who.admin
      ? [SEARCHES, () => [q, limit]]
      : [SCOPED_SEARCHES, (text: string) => (text.includes('$3') ? [q, limit, who.cityIds] : [q, limit])];
    const perKind = await Promise.all(
      texts.map(async (text, i) => {
        if (i >= NAME_SEARCHES) return (await pool.query(text, params(text))).rows;
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          await client.query('SET LOCAL pg_trgm.word_similarity_threshold = 0.45');
          const { rows } = await client.query(text, params(text));
          await client.query('COMMIT');
          return rows;
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        } finally {
          client.release();
        }
      }),
    );
    const groups = perKind
      .filter((rows) => rows.length > 0)
      .map((rows) => ({ kind: rows[0].kind, hits: rows }));
    groups.sort((a, b) => b.hits[0].rank - a.hits[0].rank);
    return { groups };
  });

  return app;
}

const KINDS = ['city', 'person', 'organization', 'visit', 'agreement', 'project', 'event', 'document'];

/** Times each of the eight searches alone for each query (best of three), in ms, with its hits. */
export async function profileSearches(pool: pg.Pool, queries: string[]): Promise<string[]> {
  const lines = [`| query | ${KINDS.join(' | ')} |`, `| --- | ${KINDS.map(() => '---:').join(' | ')} |`];
  const client = await pool.connect();
  try {
    for (const q of queries) {
      const cells: string[] = [];
      await client.query('BEGIN');
      await client.query('SET LOCAL pg_trgm.word_similarity_threshold = 0.45');
      for (const text of SEARCHES) {
        let best = Infinity;
        let hits = 0;
        for (let attempt = 0; attempt < 3; attempt++) {
          const started = performance.now();
          hits = (await client.query(text, [q, 30])).rowCount ?? 0;
          best = Math.min(best, performance.now() - started);
        }
        cells.push(`${best.toFixed(1)} (${hits})`);
      }
      await client.query('COMMIT');
      lines.push(`| ${q} | ${cells.join(' | ')} |`);
    }
  } finally {
    client.release();
  }
  return lines;
}
