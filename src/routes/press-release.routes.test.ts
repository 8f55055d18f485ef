import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeedArticle, type SeedArticle } from '../commands/seed-demo.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { testEngines } from '../db/test-database.ts';
import { extract, prepareExtractor, type ExtractionResult } from '../extract/index.ts';
import { insertTestCity } from '../modules/audit/test-cities.ts';
import { buildApp } from '../server/app.ts';
import { insertTestAccounts } from '../server/test-accounts.ts';
import { NBSP } from '../reports/russian/typography.ts';
import { comparableFacts } from '../reports/press-release/round-trip.fixture.ts';

describe.each(testEngines())('GET /api/visits/:id/press-release on $engine', ({ open }) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let article: SeedArticle;
  let tokens: Record<string, string>;
  let visitId: number;
  const ids = { baranovichi: 0, kuznetsk: 0, brest: 0 };
  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });

  beforeAll(async () => {
    article = await readSeedArticle();
    database = await open();
    app = await buildApp({ database });
    const { db } = database;
    for (const [key, ru, en, country] of [
      ['baranovichi', 'Барановичи', 'Baranovichi', 'BY'],
      ['kuznetsk', 'Кузнецк', 'Kuznetsk', 'RU'],
      ['brest', 'Брест', 'Brest', 'BY'],
    ] as const) {
      ids[key] = await insertTestCity(db, ru, en, country);
      await db
        .updateTable('city')
        .set({ search_names: [ru.toLowerCase(), en.toLowerCase()] })
        .where('id', '=', ids[key])
        .execute();
    }
    tokens = await insertTestAccounts(db, [
      ['admin', 'admin', null, null],
      ['editor', 'city_editor', ids.baranovichi, null],
      ['viewer', 'city_viewer', ids.kuznetsk, null],
      ['stranger', 'city_viewer', ids.brest, null],
    ]);
    await prepareExtractor();

    // The seed's records as a user makes them: the article imported, its draft accepted as proposed
    // (by an administrator: it creates Kuznetsk's institutions, which Baranovichi's editor may not).
    const imported = await app.inject({
      method: 'POST',
      url: '/api/documents',
      headers: as('editor'),
      payload: { text: article.body, publishedOn: '2025-09-25', homeCity: 'Барановичи' },
    });
    const { document, draft } = imported.json() as {
      document: { id: number };
      draft: Record<string, unknown>;
    };
    const accepted = await app.inject({
      method: 'POST',
      url: `/api/documents/${document.id}/accept`,
      headers: as('admin'),
      payload: draft,
    });
    expect(accepted.statusCode).toBe(200);
    const records = accepted.json().records as { type: string; id: number }[];
    visitId = records.find((record) => record.type === 'visit')!.id;
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('gives the imported visit’s draft, which reads back to the seed article’s facts', async () => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/visits/${visitId}/press-release`,
      headers: as('viewer'),
    });
    expect(response.statusCode).toBe(200);
    const release = response.json() as { title: string; lead: string; paragraphs: string[]; text: string };
    expect(release.lead.replaceAll(NBSP, ' ')).toMatch(
      /^С 18 по 21 сентября (2025 года )?официальная делегация из города Барановичи во главе с заместителем председателя горисполкома Вадимом Щербаковым совершила рабочий визит в город/,
    );
    // The API writes the year unless the visit is of the current year; the extractor reads it either way.
    expect(release.text).toContain(release.paragraphs.at(-1));

    const expected = comparableFacts(article.extraction as ExtractionResult);
    const read = comparableFacts(extract(release.text, { date: '2025-09-25', homeCity: 'Барановичи' }));
    expect(read.visits).toEqual(expected.visits);
    expect(read.agreements).toEqual(expected.agreements);
    expect(read.projects).toEqual(expected.projects);
    expect(read.events).toEqual(expected.events);
    // The article names the executive committee only in the chairman's greeting, which an accepted
    // draft keeps as no record of the visit; every other institution comes back.
    expect(read.organizations).toEqual(
      expected.organizations.filter((o) => o.name !== 'Барановичский горисполком'),
    );
  });

  it('gives the same draft as plain text and as a Word document', async () => {
    const url = `/api/visits/${visitId}/press-release`;
    const json = (await app.inject({ method: 'GET', url, headers: as('viewer') })).json() as { text: string };
    const text = await app.inject({ method: 'GET', url: `${url}?format=text`, headers: as('viewer') });
    expect(text.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(text.body).toBe(json.text);

    const docx = await app.inject({ method: 'GET', url: `${url}?format=docx`, headers: as('viewer') });
    expect(docx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(docx.headers['content-disposition']).toContain(`press-release-visit-${visitId}.docx`);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    const words = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
    expect(words.split('\n')).toEqual(json.text.trim().split('\n\n'));
  });

  it('is refused to those who may not read the visit, and says when there is no such visit', async () => {
    const url = `/api/visits/${visitId}/press-release`;
    expect((await app.inject({ method: 'GET', url, headers: as('stranger') })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const missing = await app.inject({
      method: 'GET',
      url: '/api/visits/999999/press-release',
      headers: as('viewer'),
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
    const bad = await app.inject({ method: 'GET', url: `${url}?format=pdf`, headers: as('viewer') });
    expect(bad.statusCode).toBe(400);
  });

  it('tells the public of a published city no names: the press release, the details, the visit', async () => {
    const url = `/api/visits/${visitId}/press-release?format=text`;
    expect((await app.inject({ method: 'GET', url, headers: as('viewer') })).body).toContain('Щербаков');
    const publish = await app.inject({
      method: 'PUT',
      url: `/api/home-cities/${ids.baranovichi}`,
      headers: as('admin'),
      payload: { published: true },
    });
    expect(publish.statusCode, publish.body).toBe(200);
    const release = await app.inject({ method: 'GET', url });
    expect(release.statusCode).toBe(200);
    expect(release.body).not.toContain('Щербаков');
    const details = (await app.inject({ method: 'GET', url: `/api/visits/${visitId}/details` })).json();
    expect(details).toMatchObject({ delegation: [], members: [], headPersonId: null, sources: [] });
    const visit = (await app.inject({ method: 'GET', url: `/api/visits/${visitId}` })).json();
    expect(visit).toMatchObject({ members: [], headPersonId: null });
    const history = await app.inject({ method: 'GET', url: `/api/visits/${visitId}/history` });
    expect(history.statusCode).toBe(401);
    // Signed in, the same reader as before sees the delegation.
    const signedIn = await app.inject({
      method: 'GET',
      url: `/api/visits/${visitId}/details`,
      headers: as('viewer'),
    });
    expect(signedIn.json().delegation).not.toEqual([]);
  });
});
