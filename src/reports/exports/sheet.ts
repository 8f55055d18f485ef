import ExcelJS from 'exceljs';

/** What a column holds: text, a whole number, or a calendar date (`YYYY-MM-DD`). */
export type ColumnType = 'text' | 'number' | 'date';
/** A cell as a column computes it: text, a number, an ISO date for date columns, or nothing. */
export type CellValue = string | number | null;

/** One column of an exported table: its Russian header, its type and its width in characters. */
export interface SheetColumn {
  header: string;
  type: ColumnType;
  width: number;
}

/** A table ready to be written: a sheet name, its columns, and rows of cells in column order. */
export interface Sheet {
  name: string;
  columns: SheetColumn[];
  rows: CellValue[][];
}

const RUSSIAN_DATE = 'DD.MM.YYYY';

/** A `YYYY-MM-DD` date as midnight UTC: what Excel stores as a whole day, whatever the server's zone. */
function toUtcDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

function cellOf(column: SheetColumn, value: CellValue): string | number | Date | null {
  if (value === null || value === '') return null;
  if (column.type === 'date' && typeof value === 'string') return toUtcDate(value);
  return value;
}

const LINE_HEIGHT = 15;

/**
 * How many lines a row's wrapped text takes in its columns: spreadsheet programs do not grow a row
 * for wrapped text on their own (LibreOffice shows the lines over the next row), so the height is set.
 */
function linesOf(columns: SheetColumn[], row: CellValue[]): number {
  let lines = 1;
  row.forEach((value, index) => {
    const column = columns[index]!;
    if (column.type !== 'text' || typeof value !== 'string') return;
    const wrapped = value
      .split('\n')
      .reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / Math.max(1, column.width - 1))), 0);
    lines = Math.max(lines, wrapped);
  });
  return Math.min(lines, 20);
}

function workbookWith(sheet: Sheet): { workbook: ExcelJS.Workbook; worksheet: ExcelJS.Worksheet } {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Побратим';
  workbook.created = new Date();
  // Excel limits sheet names to 31 characters.
  const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31));
  return { workbook, worksheet };
}

/**
 * The sheet as an XLSX workbook of one sheet: a bold header row frozen above an autofilter, dates
 * as real date cells shown ДД.ММ.ГГГГ, text wrapped in columns of the sheet's widths.
 */
export async function writeXlsx(sheet: Sheet): Promise<Buffer> {
  const { workbook, worksheet } = workbookWith(sheet);
  // A header's longest word fits its column whole (bold letters are wider: 3 characters spare).
  const columns = sheet.columns.map((column) => ({
    ...column,
    width: Math.max(column.width, ...column.header.split(' ').map((word) => word.length + 3)),
  }));
  worksheet.columns = columns.map((column) => ({
    header: column.header,
    width: column.width,
    style:
      column.type === 'date'
        ? { numFmt: RUSSIAN_DATE, alignment: { vertical: 'top', horizontal: 'center' } }
        : { alignment: { vertical: 'top', wrapText: column.type === 'text' } },
  }));
  for (const row of sheet.rows) {
    const added = worksheet.addRow(row.map((value, index) => cellOf(sheet.columns[index]!, value)));
    added.height = LINE_HEIGHT * linesOf(sheet.columns, row);
  }
  const header = worksheet.getRow(1);
  header.font = { name: 'Calibri', size: 11, bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.height =
    LINE_HEIGHT *
    linesOf(
      columns.map((column) => ({ ...column, type: 'text', width: column.width - 2 })),
      columns.map((column) => column.header),
    );
  worksheet.views = [{ state: 'frozen', ySplit: 1 }];
  // Printed, the table fits the width of a landscape page and repeats its header on every page.
  worksheet.pageSetup = {
    orientation: 'landscape',
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:1',
  };
  if (sheet.columns.length > 0) {
    worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Text that Excel would take for a formula when it opens a CSV file («=HYPERLINK(…)» in a press
 * release, or «- пункт» shown as #NAME?) gets a leading apostrophe, as OWASP advises against CSV
 * injection. Hand-written: the fast-csv that exceljs bundles (4.3.5) has no escapeFormulae option.
 * XLSX cells are typed strings and need none of this.
 */
function unformula<T>(value: T): T | string {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * The sheet as CSV for Excel in Russian locales: UTF-8 with a byte order mark (else Excel reads
 * ANSI), `;` between fields (the list separator where the decimal separator is a comma), CRLF line
 * ends, RFC 4180 quoting, dates ДД.ММ.ГГГГ. Written by exceljs's CSV writer (fast-csv underneath).
 */
export async function writeCsv(sheet: Sheet): Promise<Buffer> {
  const { workbook, worksheet } = workbookWith(sheet);
  worksheet.addRow(sheet.columns.map((column) => column.header));
  // Empty cells are written as '' (not left out) so every line has all its fields.
  for (const row of sheet.rows) {
    worksheet.addRow(row.map((value, index) => unformula(cellOf(sheet.columns[index]!, value) ?? '')));
  }
  const buffer = await workbook.csv.writeBuffer({
    formatterOptions: {
      delimiter: ';',
      rowDelimiter: '\r\n',
      quote: '"',
      escape: '"',
      writeBOM: true,
      includeEndRowDelimiter: true,
    },
    dateFormat: RUSSIAN_DATE,
    dateUTC: true,
  });
  return Buffer.from(buffer);
}
