import ExcelJS from 'exceljs';
import type { ReportCell, ReportContent, ReportTable } from './annual-report.content.ts';

/** A calendar date as Excel keeps it: exceljs turns a Date into a serial day by its UTC clock. */
function excelDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

interface SheetColumn {
  header: string;
  width: number;
  date: boolean;
  value: (cells: ReportCell[], group: string | null) => ExcelJS.CellValue;
}

/** The sheet's columns: a span of dates becomes two date columns, a grouped table gets its group as a column. */
function sheetColumns(table: ReportTable): SheetColumn[] {
  const columns: SheetColumn[] = [];
  if (table.groupHeader) {
    columns.push({ header: table.groupHeader, width: 30, date: false, value: (_, group) => group });
  }
  table.columns.forEach((column, i) => {
    // A header broken for a narrow printed column («№ / п/п») is one line in a sheet.
    const header = column.header.replace(/\n/g, ' ');
    const width = Math.max(8, Math.round(column.width * 1.6));
    if (column.kind === 'range') {
      const end = (cell: ReportCell, side: 'from' | 'to') =>
        cell !== null && typeof cell === 'object' && 'from' in cell ? excelDate(cell[side]) : null;
      columns.push({
        header: `${header}: начало`,
        width: 14,
        date: true,
        value: (cells) => end(cells[i]!, 'from'),
      });
      columns.push({
        header: `${header}: окончание`,
        width: 14,
        date: true,
        value: (cells) => end(cells[i]!, 'to'),
      });
      return;
    }
    columns.push({
      header,
      width: column.kind === 'date' ? 14 : width,
      date: column.kind === 'date',
      value: (cells) => {
        const cell = cells[i]!;
        if (cell !== null && typeof cell === 'object') return 'date' in cell ? excelDate(cell.date) : null;
        return cell;
      },
    });
  });
  return columns;
}

/** A sheet name Excel accepts: 31 characters, none of []:*?/\, unique in the book. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 28)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** The report's tables as a workbook, one sheet a table: Russian headers, bold and frozen, dates as dates. */
export async function renderAnnualReportXlsx(content: ReportContent): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Pobratim';
  book.title = content.title;
  const taken = new Set<string>();
  for (const section of content.sections) {
    for (const block of section.blocks) {
      if (block.kind === 'paragraph') continue;
      const table = block.table;
      const columns = sheetColumns(table);
      const sheet = book.addWorksheet(sheetName(table.sheet, taken), {
        views: [{ state: 'frozen', ySplit: 1 }],
        pageSetup: {
          paperSize: 9,
          orientation: section.landscape ? 'landscape' : 'portrait',
          fitToPage: true,
          fitToWidth: 1,
          fitToHeight: 0,
        },
      });
      sheet.columns = columns.map((column) => ({
        header: column.header,
        width: column.width,
        style: column.date ? { numFmt: 'dd.mm.yyyy' } : {},
      }));
      const header = sheet.getRow(1);
      header.font = { bold: true };
      header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
      let group: string | null = null;
      for (const row of table.rows) {
        if (!Array.isArray(row)) {
          group = row.group;
          continue;
        }
        const added = sheet.addRow(columns.map((column) => column.value(row, group)));
        added.alignment = { vertical: 'top', wrapText: true };
      }
      if (sheet.rowCount > 1)
        sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
