import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandler } from './error-handler.ts';
import { webPlugin } from './web.plugin.ts';

async function appServing(distDir: string): Promise<FastifyInstance> {
  const app = Fastify();
  registerErrorHandler(app);
  app.get('/api/health', async () => ({ status: 'ok' }));
  await app.register(webPlugin, { distDir });
  return app;
}

const html = { accept: 'text/html,application/xhtml+xml' };

describe('serving the built web application', () => {
  let dist: string;
  let app: FastifyInstance;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'pobratim-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Побратим</title><div id="root"></div>');
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(tmpdir(), 'pobratim-secret.txt'), 'outside');
    app = await appServing(dist);
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves hashed assets with a year of cache and other files revalidated', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toMatch(/javascript/);
    const icon = await app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('answers index.html, never cached, to any page address a browser opens', async () => {
    for (const url of ['/', '/visits/12', '/search?q=%D0%A9%D0%B5%D1%80%D0%B1%D0%B0%D0%BA%D0%BE%D0%B2']) {
      const page = await app.inject({ method: 'GET', url, headers: html });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.body).toContain('<div id="root">');
    }
  });

  it('answers the page to clients that accept anything or say nothing, as curl and link checkers do', async () => {
    for (const headers of [{ accept: '*/*' }, {}, { accept: 'text/plain, */*;q=0.8' }]) {
      const page = await app.inject({ method: 'GET', url: '/', headers });
      expect(page.statusCode, JSON.stringify(headers)).toBe(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.body).toContain('<div id="root">');
    }
    const deep = await app.inject({ method: 'GET', url: '/account', headers: { accept: '*/*' } });
    expect(deep.body).toContain('<div id="root">');
  });

  it('answers the JSON 404 to a client that asks for JSON alone, and to a missing file', async () => {
    for (const accept of ['application/json', 'application/problem+json, application/json;q=0.9']) {
      const response = await app.inject({ method: 'GET', url: '/visits/12', headers: { accept } });
      expect(response.statusCode, accept).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
    const script = await app.inject({
      method: 'GET',
      url: '/assets/gone-123.js',
      headers: { accept: '*/*' },
    });
    expect(script.statusCode).toBe(404);
    expect(script.headers['content-type']).toMatch(/json/);
  });

  it('keeps the API JSON: unknown API routes and non-HTML requests get the JSON 404', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/health', headers: html })).json()).toEqual({
      status: 'ok',
    });
    const unknownApi = await app.inject({ method: 'GET', url: '/api/nothing-here', headers: html });
    expect(unknownApi.statusCode).toBe(404);
    expect(unknownApi.json().error.code).toBe('not_found');
    const script = await app.inject({ method: 'GET', url: '/assets/missing.js' });
    expect(script.statusCode).toBe(404);
    expect(script.json().error.code).toBe('not_found');
  });

  it('never serves a file outside the build', async () => {
    for (const url of [
      '/../pobratim-secret.txt',
      '/%2e%2e/pobratim-secret.txt',
      '/assets/..%2f..%2fpobratim-secret.txt',
    ]) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.body, url).not.toContain('outside');
    }
  });

  it('says in Russian and English how to build the application when web/dist is missing', async () => {
    const bare = await appServing(join(dist, 'no-such-build'));
    try {
      const page = await bare.inject({ method: 'GET', url: '/', headers: html });
      expect(page.statusCode).toBe(503);
      expect(page.body).toContain('Веб-приложение не собрано');
      expect(page.body).toContain('The web application is not built');
      expect(page.body).toContain('npm run build:web');
      expect((await bare.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await bare.close();
    }
  });
});
