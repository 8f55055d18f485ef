import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import {
  cellText,
  type ReportBlock,
  type ReportContent,
  type ReportSection,
  type ReportTable,
} from './annual-report.content.ts';

// Roboto ships inside the pdfmake package and has Cyrillic: the PDF needs no system fonts.
const robotoDir = path.join(
  path.dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')),
  'fonts',
  'Roboto',
);
const ROBOTO = {
  normal: path.join(robotoDir, 'Roboto-Regular.ttf'),
  bold: path.join(robotoDir, 'Roboto-Medium.ttf'),
  italics: path.join(robotoDir, 'Roboto-Italic.ttf'),
  bolditalics: path.join(robotoDir, 'Roboto-MediumItalic.ttf'),
};
const FONT_FILES = new Set(Object.values(ROBOTO));

// A4 in points; the margins of the DOCX: 30 mm left, 15 mm right, 20 mm top and bottom.
const A4 = { width: 595.28, height: 841.89 };
const MARGINS: [number, number, number, number] = [85, 57, 42.5, 57];
// pdfmake widths exclude each cell's padding (4 pt a side) and its border.
const CELL_OVERHEAD = 9;

function columnWidths(table: ReportTable, landscape: boolean): number[] {
  const total = (landscape ? A4.height : A4.width) - MARGINS[0] - MARGINS[2];
  const weights = table.columns.reduce((sum, column) => sum + column.width, 0);
  const available = total - table.columns.length * CELL_OVERHEAD;
  return table.columns.map((column) => Math.floor((available * column.width) / weights));
}

function pdfTable(table: ReportTable, landscape: boolean): Content {
  const header: TableCell[] = table.columns.map((column) => ({
    text: column.header,
    bold: true,
    alignment: 'center',
    fillColor: '#E7E6E6',
  }));
  const rows: TableCell[][] = table.rows.map((row) =>
    Array.isArray(row)
      ? row.map((value, i) => ({
          text: cellText(value),
          alignment: table.columns[i]!.kind === 'number' ? 'center' : 'left',
        }))
      : [
          { text: row.group, bold: true, colSpan: table.columns.length },
          ...table.columns.slice(1).map(() => ({ text: '' })),
        ],
  );
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: columnWidths(table, landscape),
      body: [header, ...rows],
    },
    fontSize: 9,
    margin: [0, 0, 0, 10],
  };
}

function blockContent(block: ReportBlock, landscape: boolean): Content[] {
  switch (block.kind) {
    case 'paragraph':
      return [{ text: block.text, margin: [0, 0, 0, 6], alignment: 'justify', leadingIndent: 28 }];
    case 'empty':
      return [
        { text: block.caption, style: 'caption', headlineLevel: 2 },
        { text: block.text, italics: true, margin: [28, 0, 0, 8] },
      ];
    case 'table':
      return [
        { text: block.table.caption, style: 'caption', headlineLevel: 2 },
        pdfTable(block.table, landscape),
      ];
    default: {
      const unknown: never = block;
      throw new Error(`Unhandled block ${JSON.stringify(unknown)}`);
    }
  }
}

function sectionContent(section: ReportSection, previous: ReportSection | undefined): Content[] {
  // A change of orientation starts a new page, as the DOCX's sections do.
  const turn = previous !== undefined && previous.landscape !== section.landscape;
  return [
    {
      text: `${section.number}. ${section.title}`,
      style: 'heading',
      headlineLevel: 1,
      ...(turn
        ? {
            pageBreak: 'before' as const,
            pageOrientation: section.landscape ? ('landscape' as const) : ('portrait' as const),
          }
        : {}),
    },
    ...section.blocks.flatMap((block) => blockContent(block, section.landscape)),
  ];
}

/** The report as a PDF with the same words and tables as the DOCX, set in Roboto. */
export async function renderAnnualReportPdf(content: ReportContent): Promise<Buffer> {
  pdfmake.setFonts({ Roboto: ROBOTO });
  // The document has no images or links to fetch: nothing from the network, nothing from disk but the fonts.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => FONT_FILES.has(path.resolve(file)));
  const definition: TDocumentDefinitions = {
    info: { title: content.title, creator: 'Pobratim' },
    language: 'ru-RU',
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: MARGINS,
    defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 13, bold: true, alignment: 'center', margin: [0, 0, 0, 8] },
      legal: { italics: true, alignment: 'center', margin: [0, 0, 0, 12] },
      heading: { fontSize: 12, bold: true, margin: [0, 10, 0, 6] },
      caption: { bold: true, margin: [0, 4, 0, 4] },
    },
    footer: (currentPage) => ({
      text: String(currentPage),
      alignment: 'center',
      fontSize: 9,
      margin: [0, 20, 0, 0],
    }),
    // A heading or caption never ends a page: it moves to the next one with what it introduces.
    pageBreakBefore: (node, queries) =>
      node.headlineLevel !== undefined &&
      queries.getFollowingNodesOnPage().filter((next) => next.headlineLevel === undefined).length < 2,
    content: [
      { text: content.title, style: 'title' },
      ...(content.legalLine ? [{ text: content.legalLine, style: 'legal' }] : []),
      ...content.sections.flatMap((section, i) => sectionContent(section, content.sections[i - 1])),
      { text: content.closing, italics: true, margin: [0, 14, 0, 0] },
    ],
  };
  return pdfmake.createPdf(definition).getBuffer();
}
