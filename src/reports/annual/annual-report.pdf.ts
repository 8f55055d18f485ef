import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, ContentStack, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
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

/** Rows of a table short enough to be kept on one page with its caption. */
const SMALL_TABLE_ROWS = 20;

/**
 * A justified paragraph's text with its hyphenated words («Городов-партнёров») each kept whole:
 * pdfmake breaks lines after a hyphen and then spreads a justified line's spaces between the
 * pieces too, which left a gap inside the word («Городов- партнёров»).
 */
function justifiable(text: string): Content {
  const pieces = text.split(/(\S*[\p{L}\p{N}]-[\p{L}\p{N}]\S*)/u).filter((piece) => piece !== '');
  if (pieces.length <= 1 && !/[\p{L}\p{N}]-[\p{L}\p{N}]/u.test(text)) return text;
  return pieces.map((piece) =>
    /[\p{L}\p{N}]-[\p{L}\p{N}]/u.test(piece) ? { text: piece, noWrap: true } : { text: piece },
  );
}

/**
 * The last node before a change of orientation ends without a bottom margin: a margin that does not
 * fit at the foot of a full page opened a page of its own, left blank by the break that follows.
 */
function withoutBottomMargin(node: Content): Content {
  if (typeof node !== 'object' || Array.isArray(node)) return node;
  const margin = (node as { margin?: unknown }).margin;
  if ('stack' in node && Array.isArray(node.stack) && node.stack.length > 0) {
    const stack = [...node.stack];
    stack[stack.length - 1] = withoutBottomMargin(stack[stack.length - 1] as Content);
    return {
      ...node,
      stack,
      ...(Array.isArray(margin) ? { margin: [margin[0], margin[1], margin[2], 0] } : {}),
    } as Content;
  }
  const [left, top, right] = Array.isArray(margin) ? (margin as number[]) : [0, 0, 0];
  return { ...node, margin: [left ?? 0, top ?? 0, right ?? 0, 0] } as Content;
}

function blockContent(block: ReportBlock, landscape: boolean): Content[] {
  switch (block.kind) {
    case 'paragraph':
      return [
        { text: justifiable(block.text), margin: [0, 0, 0, 6], alignment: 'justify', leadingIndent: 28 },
      ];
    case 'empty':
      return [
        { text: block.caption, style: 'caption', headlineLevel: 2 },
        { text: block.text, italics: true, margin: [28, 0, 0, 8] },
      ];
    case 'table': {
      const caption: Content = { text: block.table.caption, style: 'caption', headlineLevel: 2 };
      // A table that fits on a page is kept whole: a few rows are not left to a page of their own.
      if (block.table.rows.length <= SMALL_TABLE_ROWS)
        return [{ stack: [caption, pdfTable(block.table, landscape)], unbreakable: true }];
      return [caption, pdfTable(block.table, landscape)];
    }
    default: {
      const unknown: never = block;
      throw new Error(`Unhandled block ${JSON.stringify(unknown)}`);
    }
  }
}

/** A stack kept on one page (a small table with its caption). */
function isKeptTogether(node: Content | undefined): node is ContentStack {
  return (
    typeof node === 'object' &&
    !Array.isArray(node) &&
    'stack' in node &&
    (node as ContentStack).unbreakable === true
  );
}

function sectionContent(section: ReportSection, previous: ReportSection | undefined): Content[] {
  // A change of orientation starts a new page, as the DOCX's sections do.
  const turn = previous !== undefined && previous.landscape !== section.landscape;
  const heading: Content = {
    text: `${section.number}. ${section.title}`,
    style: 'heading',
    headlineLevel: 1,
    ...(turn
      ? {
          pageBreak: 'before' as const,
          pageOrientation: section.landscape ? ('landscape' as const) : ('portrait' as const),
        }
      : {}),
  };
  const [first, ...rest] = section.blocks.flatMap((block) => blockContent(block, section.landscape));
  // A heading goes with a small table that opens its section: the two move to a new page together.
  if (!turn && isKeptTogether(first)) return [{ ...first, stack: [heading, ...first.stack] }, ...rest];
  return [heading, ...(first === undefined ? [] : [first]), ...rest];
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
      ...content.sections.flatMap((section, i) => {
        const nodes = sectionContent(section, content.sections[i - 1]);
        const next = content.sections[i + 1];
        if (next === undefined || next.landscape === section.landscape) return nodes;
        return [...nodes.slice(0, -1), withoutBottomMargin(nodes[nodes.length - 1]!)];
      }),
      { text: content.closing, italics: true, margin: [0, 14, 0, 0] },
    ],
  };
  return pdfmake.createPdf(definition).getBuffer();
}
