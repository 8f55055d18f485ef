import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connect.ts';
import { testEngines } from '../db/test-database.ts';
import { buildApp } from '../server/app.ts';

interface Operation {
  summary?: string;
  security?: Array<Record<string, string[]>>;
  responses?: Record<string, { content?: Record<string, unknown> }>;
}
interface Document {
  components: { securitySchemes: Record<string, { type: string; in?: string; scheme?: string }> };
  paths: Record<string, Record<string, Operation>>;
}

/** Operations anyone may call without signing in: the rest must name the session cookie and the token. */
const PUBLIC = new Set([
  'get /api/health',
  'get /api/health/live',
  'get /api/health/ready',
  'post /api/auth/session',
  'get /api/setup/status',
  'get /api/countries',
  'get /api/calendar/{file}',
]);

// The document is built from the routes alone: one engine is enough.
const engine = testEngines()[0]!;

describe('the OpenAPI document at /api/docs/json, as Swagger UI and a client generator read it', () => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let operations: Array<[string, Operation]>;
  let document: Document;

  beforeAll(async () => {
    database = await engine.open();
    app = await buildApp({ database });
    const response = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    document = response.json() as Document;
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(
        ([method, operation]) => [`${method} ${path}`, operation] as [string, Operation],
      ),
    );
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('has a summary for every operation', () => {
    expect(operations.length).toBeGreaterThan(100);
    const without = operations.filter(([, operation]) => !operation.summary?.trim()).map(([name]) => name);
    expect(without).toEqual([]);
  });

  it('applies the cookie session and the bearer token to every operation that needs a sign-in', () => {
    expect(document.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie' });
    expect(document.components.securitySchemes.token).toMatchObject({ type: 'http', scheme: 'bearer' });
    const wrong: string[] = [];
    for (const [name, operation] of operations) {
      const schemes = (operation.security ?? []).flatMap((requirement) => Object.keys(requirement));
      if (PUBLIC.has(name)) {
        if (schemes.length > 0) wrong.push(`${name} (public) asks for ${schemes.join(', ')}`);
      } else if (!schemes.includes('session') || !schemes.includes('token')) {
        wrong.push(`${name} names ${schemes.join(', ') || 'no scheme'}`);
      }
    }
    expect(wrong).toEqual([]);
    // The record lists are open to the public too (published records): an empty requirement says so.
    expect(document.paths['/api/visits']!.get!.security).toContainEqual({});
    expect(document.paths['/api/visits']!.post!.security).not.toContainEqual({});
  });

  it('documents the 200 response of every report and export with its media types', () => {
    const files = operations.filter(([name]) =>
      /^get \/api\/(exports\/|export\.json|reports\/|calendar\/\{file\})/.test(name),
    );
    expect(files.length).toBeGreaterThan(25);
    const media = (name: string) =>
      Object.keys(files.find(([n]) => n === name)?.[1].responses?.['200']?.content ?? {});
    for (const [name, operation] of files) {
      expect(Object.keys(operation.responses?.['200']?.content ?? {}), name).not.toEqual([]);
    }
    expect(media('get /api/reports/annual')).toEqual([
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    expect(media('get /api/exports/visits.csv')).toEqual(['text/csv']);
    expect(media('get /api/exports/visits.xlsx')).toEqual([
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    expect(media('get /api/calendar/{file}')).toEqual(['text/calendar']);
    expect(media('get /api/export.json')).toEqual(['application/json']);
  });
});
