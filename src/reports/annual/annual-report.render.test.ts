import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.ts';
import { testEngines } from '../../db/test-database.ts';
import { insertTestCity } from '../../modules/audit/test-cities.ts';
import { NBSP } from '../russian/typography.ts';
import type { AnnualReportData } from './annual-report.data.ts';
import { loadReportFixture } from './annual-report.fixture.ts';
import { gatherAnnualReport } from './annual-report.gather.ts';
import { renderAnnualReport } from './annual-report.ts';

const TITLE = 'Информация о международных и межмуниципальных связях города Барановичи за 2025 год';
const HEADINGS = [
  '1. Города-партнёры и действующие соглашения',
  '2. Соглашения, заключённые и прекратившие действие в 2025 году',
  '3. Визиты делегаций',
  '4. Мероприятия',
  '5. Выполнение планов совместных мероприятий',
  '6. Партнёрства учреждений по сферам',
  '7. Сводные показатели',
];

/** The words of a DOCX as Word keeps them: the runs of document.xml, paragraph by paragraph. */
async function docxParagraphs(bytes: Buffer): Promise<{ xml: string; paragraphs: string[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const paragraphs = [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  );
  return { xml, paragraphs };
}

/** The rows of the DOCX's tables, each row's cells as text. */
function docxRows(xml: string): string[][] {
  return [...xml.matchAll(/<w:tr[ >].*?<\/w:tr>/gs)].map((row) =>
    [...row[0].matchAll(/<w:tc>.*?<\/w:tc>/gs)].map((cell) =>
      [...cell[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('\n'),
    ),
  );
}

async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  let text = '';
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    text += content.items
      .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : ''))
      .join('');
  }
  await pdf.destroy();
  return text;
}

describe.each(testEngines())('the annual report files on $engine', ({ open }) => {
  let handle: DatabaseHandle;
  let data: AnnualReportData;
  let empty: AnnualReportData;

  beforeAll(async () => {
    handle = await open();
    const fixture = await loadReportFixture(handle.db);
    data = await gatherAnnualReport(handle.db, fixture.baranovichi, 2025, '2026-01-20');
    const lonely = await insertTestCity(handle.db, 'Пинск', 'Pinsk');
    empty = await gatherAnnualReport(handle.db, lonely, 2025, '2026-01-20');
  });
  afterAll(() => handle.close());

  describe('DOCX', () => {
    it('holds the title, the numbered sections and the legal frame', async () => {
      const { paragraphs } = await docxParagraphs(await renderAnnualReport(data, 'docx'));
      expect(paragraphs[0]).toBe(TITLE);
      for (const heading of HEADINGS) expect(paragraphs).toContain(heading);
      expect(paragraphs).toContain('Информация для представления в областной исполнительный комитет.');
    });

    it('gives the visit a row with its dates and its head, under a header row repeated on every page', async () => {
      const { xml } = await docxParagraphs(await renderAnnualReport(data, 'docx'));
      const rows = docxRows(xml);
      const visit = rows.find((row) => row.some((cell) => cell.includes('Вадим Щербаков')));
      expect(visit).toBeDefined();
      expect(visit![1]).toBe(`18–21${NBSP}сентября 2025${NBSP}г.`);
      expect(visit![2]).toBe(`г.${NBSP}Кузнецк`);
      expect(visit![4]).toBe('Вадим Щербаков,\nзаместитель председателя горисполкома');
      const inbound = rows.find((row) => row.some((cell) => cell.includes('Ирина Сергеевна Петрова')));
      expect(inbound![1]).toBe(`12–15${NBSP}июня 2025${NBSP}г.`);
      // Every table's first row is a header row repeated on page breaks; no row splits across pages.
      const tables = [...xml.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)].map((t) => t[0]);
      expect(tables.length).toBeGreaterThanOrEqual(9);
      for (const table of tables) {
        const firstRow = /<w:tr[ >].*?<\/w:tr>/s.exec(table)![0];
        expect(firstRow).toContain('<w:tblHeader/>');
        expect(table.match(/<w:tr[ >]/g)!.length).toBe(table.match(/<w:cantSplit\/>/g)!.length);
      }
      // Visits are on a landscape page.
      expect(xml).toMatch(/w:orient="landscape"/);
    });

    it('sets Russian typography: «№ 5» tied, «ёлочки», no straight quotes', async () => {
      const { paragraphs, xml } = await docxParagraphs(await renderAnnualReport(data, 'docx'));
      const text = paragraphs.join('\n');
      expect(text).toContain(`гимназия №${NBSP}5`);
      expect(text).not.toMatch(/№ \d/);
      expect(text).toContain('«Дружба без границ»');
      expect(text).toContain('«Олимп»');
      expect(text).not.toContain('"');
      expect(xml).toContain('План совместных мероприятий городов Барановичи и Кузнецк на 2025–2026 годы');
    });

    it('marks what slipped in the plan and says so under the table', async () => {
      const { xml, paragraphs } = await docxParagraphs(await renderAnnualReport(data, 'docx'));
      const slipped = docxRows(xml).find((row) => row[1] === 'Молодёжный форум городов-побратимов');
      expect(slipped![5]).toBe('Не выполнено в срок');
      expect(paragraphs).toContain(
        `Не выполнены в срок: «Молодёжный форум городов-побратимов» (срок${NBSP}— 1${NBSP}июня 2025${NBSP}г.).`,
      );
    });

    it('says an empty section in words, with no empty table', async () => {
      const { paragraphs, xml } = await docxParagraphs(await renderAnnualReport(empty, 'docx'));
      expect(paragraphs).toContain('В отчётном году визитов делегаций города не было.');
      expect(paragraphs).toContain('В отчётном году мероприятий не было.');
      // Only the summary table is left, and it has numbers in it.
      expect(xml.match(/<w:tbl>/g)).toHaveLength(1);
    });
  });

  describe('XLSX', () => {
    it('has a sheet a table with bold frozen Russian headers and dates as dates', async () => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await renderAnnualReport(data, 'xlsx')) as unknown as ArrayBuffer);
      expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
        'Города-партнёры',
        'Действующие соглашения',
        'Заключённые соглашения',
        'Прекратившие действие',
        'Визиты (выезд)',
        'Визиты (приём)',
        'Мероприятия',
        'План мероприятий',
        'Партнёрства учреждений',
        'Сводные показатели',
      ]);
      const visits = book.getWorksheet('Визиты (выезд)')!;
      expect(visits.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(visits.getRow(1).getCell(2).value).toBe('Даты: начало');
      expect(visits.getRow(1).font?.bold).toBe(true);
      const row = visits.getRow(2);
      expect(row.getCell(2).value).toEqual(new Date('2025-09-18T00:00:00Z'));
      expect(row.getCell(3).value).toEqual(new Date('2025-09-21T00:00:00Z'));
      expect(row.getCell(2).numFmt).toBe('dd.mm.yyyy');
      expect(row.getCell(6).value).toBe('Вадим Щербаков,\nзаместитель председателя горисполкома');
      const plan = book.getWorksheet('План мероприятий')!;
      expect(plan.getRow(1).getCell(1).value).toBe('План (соглашение)');
      const statuses = plan.getColumn(7).values.slice(2);
      expect(statuses).toContain('Не выполнено в срок');
    });

    it('keeps the sheets of empty tables, with their headers only', async () => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await renderAnnualReport(empty, 'xlsx')) as unknown as ArrayBuffer);
      const visits = book.getWorksheet('Визиты (выезд)')!;
      expect(visits.rowCount).toBe(1);
      expect(visits.getRow(1).getCell(6).value).toBe('Глава делегации');
    });
  });

  describe('PDF', () => {
    it('holds the Cyrillic title, set in an embedded font', async () => {
      const bytes = await renderAnnualReport(data, 'pdf');
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const text = (await pdfText(bytes)).replace(/\s+/g, ' ');
      expect(text).toContain('Информация о международных и межмуниципальных связях города');
      expect(text).toContain('Барановичи за 2025');
      expect(text).toContain('Вадим Щербаков');
      expect(text).toContain('3. Визиты делегаций');
      expect(bytes.toString('latin1')).toMatch(/\/FontFile2/);
    });
  });
});
