import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../db/connect.ts';
import { testEngines } from '../db/test-database.ts';
import { buildApp } from '../server/app.ts';
import { CONTENT_SECURITY_POLICY } from './security-headers.ts';

for (const engine of testEngines()) {
  describe(`security headers on ${engine.engine}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    beforeAll(async () => {
      database = await engine.open();
      app = await buildApp({ database });
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    it.each([
      ['a page', '/visits'],
      ['an API answer', '/api/health'],
      ['a refusal', '/api/auth/me'],
      ['an unknown address', '/api/nothing-here'],
      ['the API documentation', '/api/docs/'],
    ])('come with %s', async (_what, url) => {
      const response = await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      expect(response.headers).toMatchObject({
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-frame-options': 'DENY',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      });
      expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
      expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    });
  });
}
