import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connect.ts';
import { testEngines } from '../db/test-database.ts';
import { insertTestCity } from '../modules/audit/test-cities.ts';
import { buildApp } from '../server/app.ts';
import { insertTestAccounts } from '../server/test-accounts.ts';
import { loadReportFixture, type ReportFixture } from '../reports/annual/annual-report.fixture.ts';

describe.each(testEngines())('GET /api/reports/annual on $engine', ({ open }) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let fixture: ReportFixture;
  let tokens: Record<string, string>;

  beforeAll(async () => {
    database = await open();
    app = await buildApp({ database });
    fixture = await loadReportFixture(database.db);
    const minsk = await insertTestCity(database.db, 'Минск', 'Minsk');
    tokens = await insertTestAccounts(database.db, [
      ['admin', 'admin', null, null],
      ['viewer', 'city_viewer', fixture.baranovichi, null],
      ['stranger', 'city_editor', minsk, null],
    ]);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const get = (query: string, who?: string) =>
    app.inject({
      method: 'GET',
      url: `/api/reports/annual?${query}`,
      headers: who ? { authorization: `Bearer ${tokens[who]}` } : {},
    });

  it('gives the city’s viewer the DOCX, named in Russian and in ASCII', async () => {
    const response = await get(`cityId=${fixture.baranovichi}&year=2025`, 'viewer');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const disposition = String(response.headers['content-disposition']);
    expect(disposition).toContain('filename="international-links-Baranovichi-2025.docx"');
    const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)![1]!;
    expect(decodeURIComponent(encoded)).toBe('Международные связи Барановичи 2025.docx');
    const zip = await JSZip.loadAsync(response.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain(
      'Информация о международных и межмуниципальных связях города Барановичи за 2025 год',
    );
  });

  it('gives PDF and XLSX when asked', async () => {
    const pdf = await get(`cityId=${fixture.baranovichi}&year=2025&format=pdf`, 'admin');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await get(`cityId=${fixture.baranovichi}&year=2025&format=xlsx`, 'admin');
    expect(xlsx.statusCode).toBe(200);
    expect(String(xlsx.headers['content-disposition'])).toContain('.xlsx');
  });

  it('refuses the public and editors of other cities', async () => {
    expect((await get(`cityId=${fixture.baranovichi}&year=2025`)).statusCode).toBe(401);
    const forbidden = await get(`cityId=${fixture.baranovichi}&year=2025`, 'stranger');
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('says what is wrong with the query', async () => {
    const format = await get(`cityId=${fixture.baranovichi}&year=2025&format=odt`, 'admin');
    expect(format.statusCode).toBe(400);
    expect(format.json()).toMatchObject({ error: { code: 'validation_failed' } });
    expect((await get(`cityId=${fixture.baranovichi}&year=twenty`, 'admin')).statusCode).toBe(400);
    expect((await get(`year=2025`, 'admin')).statusCode).toBe(400);
    const missing = await get(`cityId=999999999&year=2025`, 'admin');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('is in the OpenAPI document', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const route = spec.paths['/api/reports/annual'].get;
    expect(route.parameters.map((p: { name: string }) => p.name)).toEqual(['cityId', 'year', 'format']);
  });
});
