import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../db/connect.ts';
import { testEngines } from '../db/test-database.ts';
import { buildApp } from '../server/app.ts';

// The route reads no table, so one engine is enough.
const [engine] = testEngines();

describe('country names for the web application', () => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await engine!.open();
    app = await buildApp({ database });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('gives anyone, signed in or not, each country in Russian, Belarusian and English', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/countries' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toContain('max-age');
    const { countries } = response.json() as {
      countries: { code: string; ru: string; be: string; en: string }[];
    };
    const byCode = new Map(countries.map((country) => [country.code, country]));
    expect(byCode.get('RU')).toEqual({ code: 'RU', ru: 'Россия', be: 'Расія', en: 'Russia' });
    expect(byCode.get('BY')?.en).toBe('Belarus');
    expect(byCode.get('DE')?.be).toBe('Германія');
    expect(countries.length).toBeGreaterThan(240);
    expect(byCode.has('SU')).toBe(false);
  });
});
