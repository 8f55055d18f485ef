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
  'attached_file',
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

type JsonSchema = {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  format?: string;
  minimum?: number;
  exclusiveMinimum?: boolean | number;
  minLength?: number;
  minItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
};
type Spec = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Array<{ in: string; name: string; required?: boolean; schema: JsonSchema }>;
        requestBody?: { content: Record<string, { schema: JsonSchema }> };
      }
    >
  >;
  components: { schemas: Record<string, JsonSchema> };
};

// What the audit sent that answered 500: numbers past int4 and bigint, NUL and other control
// characters, dates at the end of the calendar and past it.
const HOSTILE_NUMBERS = [2_147_483_648, 3_000_000_000, 2 ** 63, -2_147_483_649];
const HOSTILE_TEXTS = [
  'a\u0000b',
  '\u0000',
  '\u0001\u001f\u007f',
  '9999-12-31',
  '275760-09-13',
  '9999-12-31T23:59:59Z',
  '0001-01-01',
];
const HOSTILE_QUERY = [...HOSTILE_NUMBERS.map(String), '9223372036854775808', ...HOSTILE_TEXTS];

function resolve(schema: JsonSchema, spec: Spec): JsonSchema {
  return schema.$ref ? resolve(spec.components.schemas[schema.$ref.split('/').pop()!]!, spec) : schema;
}

/** A small value the schema accepts, so that one hostile field at a time gets past the others. */
function sampleOf(schema: JsonSchema, spec: Spec, depth = 0): unknown {
  if (schema.$ref) return sampleOf(spec.components.schemas[schema.$ref.split('/').pop()!]!, spec, depth);
  if (schema.default !== undefined) return schema.default;
  if (schema.enum) return schema.enum[0];
  const choice = schema.anyOf ?? schema.oneOf;
  if (choice) return sampleOf(choice[0]!, spec, depth);
  switch (schema.type) {
    case 'integer':
    case 'number':
      return Math.max(1, typeof schema.minimum === 'number' ? schema.minimum : 1);
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () =>
        sampleOf(schema.items ?? {}, spec, depth + 1),
      );
    case 'object': {
      if (depth > 4) return {};
      const required = schema.required ?? [];
      return Object.fromEntries(
        required.map((key) => [key, sampleOf(schema.properties?.[key] ?? {}, spec, depth + 1)]),
      );
    }
    case 'string':
      if (schema.format === 'date') return '2025-05-09';
      if (schema.format === 'date-time') return '2025-05-09T10:00:00Z';
      if (schema.format === 'email') return 'someone@example.org';
      if (schema.format === 'uri') return 'https://example.org/';
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    default:
      return 1;
  }
}

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

    it('answers 400 naming the field to large integers, NUL and control characters and far dates, in every parameter and body field of every route', async () => {
      const spec = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json() as Spec;
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const failures: string[] = [];
      let tried = 0;
      for (const [path, methods] of Object.entries(spec.paths)) {
        for (const [method, operation] of Object.entries(methods)) {
          if (path === '/api/auth/session' && method === 'delete') continue;
          const parameters = operation.parameters ?? [];
          const base = Object.fromEntries(
            parameters
              .filter((p) => p.required)
              .map((p) => [`${p.in}:${p.name}`, String(sampleOf(p.schema, spec))]),
          );
          const bodySchema = operation.requestBody?.content['application/json']?.schema;
          const baseBody = bodySchema ? (sampleOf(bodySchema, spec) as Record<string, unknown>) : undefined;
          // A value the field's own schema must refuse (other hostile values may be valid text).
          const mustRefuse = (value: unknown, schema: JsonSchema | undefined) => {
            if (typeof value === 'string' && value.includes('\u0000')) return true;
            const type = schema && resolve(schema, spec).type;
            return type === 'integer' && Math.abs(Number(value)) > 2_147_483_647;
          };
          const send = async (
            values: Record<string, string>,
            body: unknown,
            field: string,
            refuse: boolean,
          ) => {
            let url = path;
            const query: Record<string, string> = {};
            for (const [key, value] of Object.entries(values)) {
              const [where, name] = key.split(':') as [string, string];
              if (where === 'path') url = url.replace(`{${name}}`, encodeURIComponent(value));
              else if (where === 'query') query[name] = value;
            }
            const response = await app.inject({
              method: method.toUpperCase() as 'GET',
              url,
              query,
              headers: body === undefined ? { authorization: headers.authorization } : headers,
              ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
            });
            tried++;
            const what = `${method.toUpperCase()} ${url} ${JSON.stringify(query)} ${JSON.stringify(body)?.slice(0, 120)}`;
            if (response.statusCode >= 500) failures.push(`${response.statusCode} ${what}`);
            else if (refuse && response.statusCode === 400) {
              const details = (response.json().error.details ?? []) as Array<{ path: string }>;
              const leaf = field.split('.').pop()!;
              if (!details.some((detail) => detail.path.split('.').includes(leaf))) {
                failures.push(`400 without naming ${field}: ${what} ${response.body.slice(0, 200)}`);
              }
            }
          };
          for (const parameter of parameters) {
            for (const value of HOSTILE_QUERY) {
              const refuse = mustRefuse(value, parameter.schema);
              await send(
                { ...base, [`${parameter.in}:${parameter.name}`]: value },
                baseBody,
                parameter.name,
                refuse,
              );
            }
          }
          const bodyProperties = bodySchema ? Object.keys(resolve(bodySchema, spec).properties ?? {}) : [];
          for (const property of bodyProperties) {
            for (const value of [...HOSTILE_NUMBERS, ...HOSTILE_TEXTS]) {
              const refuse = mustRefuse(value, resolve(bodySchema!, spec).properties?.[property]);
              await send(base, { ...baseBody, [property]: value }, `body.${property}`, refuse);
            }
          }
        }
      }
      expect(tried).toBeGreaterThan(1000);
      expect(failures).toEqual([]);
    }, 600_000);
  });
}
