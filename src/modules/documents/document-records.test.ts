import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.ts';
import { testEngines } from '../../db/test-database.ts';
import { buildApp } from '../../server/app.ts';
import { insertTestAccounts } from '../../server/test-accounts.ts';
import { sharedDir } from '../../shared-dir.ts';
import { insertTestCity } from '../audit/test-cities.ts';

const SEED_TEXT = readFileSync(sharedDir('seed', '000_99b162f3906cbee7.txt'), 'utf8');

interface DocumentRecord {
  recordType: string;
  recordId: number;
  spanStart: number | null;
  spanEnd: number | null;
  label: string | null;
}

for (const engine of testEngines()) {
  describe(`what a document produced (GET /api/documents/:id/records) on ${engine.engine}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    let tokens: Record<string, string>;
    let documentId = 0;
    const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });

    beforeAll(async () => {
      database = await engine.open();
      app = await buildApp({ database });
      const baranovichi = await insertTestCity(database.db, 'Барановичи', 'Baranovichi', 'BY');
      const kutno = await insertTestCity(database.db, 'Кутно', 'Kutno', 'PL');
      const kuznetsk = await insertTestCity(database.db, 'Кузнецк', 'Kuznetsk', 'RU');
      // Kuznetsk is Baranovichi's twin without editors of its own: Baranovichi's staff keep its
      // institutions, which the seed's draft creates.
      await database.db
        .insertInto('twinning')
        .values({ city_a_id: baranovichi, city_b_id: kuznetsk, status: 'active' })
        .execute();
      tokens = await insertTestAccounts(database.db, [
        ['editor', 'city_editor', baranovichi, null],
        ['stranger', 'city_viewer', kutno, null],
      ]);
      const imported = await app.inject({
        method: 'POST',
        url: '/api/documents',
        headers: as('editor'),
        payload: { text: SEED_TEXT, publishedOn: '2025-09-25', homeCity: 'Барановичи' },
      });
      expect(imported.statusCode).toBe(201);
      const { document, draft } = imported.json() as {
        document: { id: number };
        draft: Record<string, unknown>;
      };
      documentId = document.id;
      const accepted = await app.inject({
        method: 'POST',
        url: `/api/documents/${documentId}/accept`,
        headers: as('editor'),
        payload: draft,
      });
      expect(accepted.statusCode, accepted.body).toBe(200);
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    it('names each record with the evidence that lies in the text, in the order of the text', async () => {
      const response = await app.inject({
        method: 'GET',
        url: `/api/documents/${documentId}/records`,
        headers: as('editor'),
      });
      expect(response.statusCode).toBe(200);
      const records = response.json() as DocumentRecord[];
      const visit = records.find((record) => record.recordType === 'visit');
      expect(visit?.label).toBe('Барановичи → Кузнецк');
      const person = records.find((record) => record.label === 'Максим Антонюк');
      expect(person?.recordType).toBe('person');
      const spanned = records.filter((record) => record.spanStart !== null);
      expect(spanned.length).toBeGreaterThan(3);
      // The head of the delegation has no evidence span of his own: listed after the spanned records.
      expect(records.find((record) => record.label === 'Вадим Щербаков')).toMatchObject({ spanStart: null });
      expect(spanned.map((record) => record.spanStart)).toEqual(
        [...spanned.map((record) => record.spanStart)].sort((a, b) => a! - b!),
      );
      const body = SEED_TEXT.slice(person!.spanStart!, person!.spanEnd!);
      expect(body).toMatch(/Антонюк/);
    });

    it('is refused to a user who may not read the document, and to nobody for an unknown one', async () => {
      const url = `/api/documents/${documentId}/records`;
      expect((await app.inject({ method: 'GET', url, headers: as('stranger') })).statusCode).toBe(403);
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
      const missing = await app.inject({
        method: 'GET',
        url: '/api/documents/999999/records',
        headers: as('editor'),
      });
      expect(missing.statusCode).toBe(404);
    });
  });
}
