import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { writeCsv, writeXlsx, type Sheet } from './sheet.ts';

const sheet: Sheet = {
  name: 'Проверка',
  columns: [
    { header: 'Название', type: 'text', width: 30 },
    { header: 'Дата', type: 'date', width: 12 },
    { header: 'Год', type: 'number', width: 8 },
  ],
  rows: [
    ['=HYPERLINK("http://example.org","жми")', '2025-01-31', 2025],
    ['- концерт', null, null],
    ['+7 495 000-00-00', '1999-12-31', -5],
  ],
};

describe('sheet writers', () => {
  it('keeps CSV cells from running as formulas in Excel, and every line whole', async () => {
    const csv = await writeCsv(sheet);
    const rows = parse(csv, { bom: true, delimiter: ';' }) as string[][];
    expect(rows).toEqual([
      ['Название', 'Дата', 'Год'],
      ['\'=HYPERLINK("http://example.org","жми")', '31.01.2025', '2025'],
      ["'- концерт", '', ''],
      ["'+7 495 000-00-00", '31.12.1999', '-5'],
    ]);
  });

  it('writes XLSX text as typed strings, dates as dates, numbers as numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeXlsx(sheet)) as unknown as ArrayBuffer);
    const worksheet = workbook.getWorksheet('Проверка')!;
    expect(worksheet.getCell('A2').value).toBe('=HYPERLINK("http://example.org","жми")');
    expect(worksheet.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(worksheet.getCell('B2').value).toEqual(new Date('2025-01-31T00:00:00Z'));
    expect(worksheet.getCell('C4').value).toBe(-5);
    expect(worksheet.getCell('B3').value).toBeNull();
    expect(worksheet.getColumn(1).width).toBe(30);
  });
});
