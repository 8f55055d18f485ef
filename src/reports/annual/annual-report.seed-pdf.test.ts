import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.ts';
import { testEngines } from '../../db/test-database.ts';
import { insertTestCity } from '../../modules/audit/test-cities.ts';
import { buildApp } from '../../server/app.ts';
import { insertTestAccounts } from '../../server/test-accounts.ts';
import { sharedDir } from '../../shared-dir.ts';

const SEED_TEXT = readFileSync(sharedDir('seed', '000_99b162f3906cbee7.txt'), 'utf8');

/** A PDF page as a reader sees it: its text runs, top to bottom, and whether it is turned. */
interface PdfPage {
  runs: string[];
  text: string;
  landscape: boolean;
}

async function pdfPages(bytes: Buffer): Promise<PdfPage[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const runs = content.items
      .map((item) => ('str' in item ? item.str : ''))
      .filter((run) => run.trim() !== '');
    pages.push({ runs, text: runs.join(' '), landscape: viewport.width > viewport.height });
  }
  await pdf.destroy();
  return pages;
}

describe.each(testEngines())(
  'the 2025 annual report of the imported seed release as PDF on $engine',
  ({ open }) => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    let pages: PdfPage[];

    beforeAll(async () => {
      database = await open();
      app = await buildApp({ database });
      const baranovichi = await insertTestCity(database.db, 'Барановичи', 'Baranovichi', 'BY');
      const kuznetsk = await insertTestCity(database.db, 'Кузнецк', 'Kuznetsk', 'RU');
      await database.db.insertInto('home_city').values({ city_id: baranovichi }).execute();
      await database.db
        .insertInto('twinning')
        .values({ city_a_id: baranovichi, city_b_id: kuznetsk, status: 'active' })
        .execute();
      const tokens = await insertTestAccounts(database.db, [['editor', 'city_editor', baranovichi, null]]);
      const headers = { authorization: `Bearer ${tokens.editor}` };
      const imported = await app.inject({
        method: 'POST',
        url: '/api/documents',
        headers,
        payload: { text: SEED_TEXT, publishedOn: '2025-09-25', homeCity: 'Барановичи' },
      });
      expect(imported.statusCode, imported.body).toBe(201);
      const { document, draft } = imported.json() as { document: { id: number }; draft: unknown };
      const accepted = await app.inject({
        method: 'POST',
        url: `/api/documents/${document.id}/accept`,
        headers,
        payload: draft as Record<string, unknown>,
      });
      expect(accepted.statusCode, accepted.body).toBe(200);
      const report = await app.inject({
        method: 'GET',
        url: `/api/reports/annual?cityId=${baranovichi}&year=2025&format=pdf`,
        headers,
      });
      expect(report.statusCode).toBe(200);
      pages = await pdfPages(report.rawPayload);
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    it('has no blank page: every page holds more than its number', () => {
      expect(pages.length).toBeGreaterThanOrEqual(3);
      pages.forEach((page, index) => {
        expect(
          page.runs.filter((run) => run.trim() !== String(index + 1)),
          `page ${index + 1}`,
        ).not.toEqual([]);
      });
      // The visits are on a landscape page, which follows the portrait one directly.
      const visits = pages.findIndex((page) => page.text.includes('3. Визиты делегаций'));
      expect(pages[visits]!.landscape).toBe(true);
      expect(pages[visits - 1]!.landscape).toBe(false);
    });

    it('keeps a hyphenated word of justified text whole («Городов-партнёров», not «Городов- партнёров»)', () => {
      expect(pages[0]!.runs).toContain('Городов-партнёров');
      expect(pages[0]!.text).not.toMatch(/Городов- партнёров/);
    });

    it('keeps the summary table on one page, under its heading, down to its last row', () => {
      const summary = pages.filter((page) => page.text.includes('Показатели 2025 года'));
      expect(summary).toHaveLength(1);
      expect(summary[0]!.text).toContain('7. Сводные показатели');
      expect(summary[0]!.text).toContain('Города-партнёры');
      expect(summary[0]!.text).toContain('Партнёрства учреждений');
      expect(summary[0]!.text).toContain('— образование');
    });
  },
);
