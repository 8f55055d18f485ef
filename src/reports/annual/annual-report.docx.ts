import {
  AlignmentType,
  Document,
  Footer,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
} from 'docx';
import {
  cellText,
  type ReportBlock,
  type ReportContent,
  type ReportSection,
  type ReportTable,
} from './annual-report.content.ts';

// A4 in twips (1/20 pt); margins of Russian and Belarusian office paper: 30 mm left, 15 mm right, 20 mm top and bottom.
const A4 = { width: 11906, height: 16838 };
const MARGIN = { left: 1701, right: 850, top: 1134, bottom: 1134 };
const FONT = 'Times New Roman';
const BODY_SIZE = 26; // half-points: 13 pt, the usual size of official letters
const TABLE_SIZE = 20; // 10 pt keeps eight visit columns readable on a landscape page

function textWidth(landscape: boolean): number {
  return (landscape ? A4.height : A4.width) - MARGIN.left - MARGIN.right;
}

function paragraph(
  text: string,
  options: {
    bold?: boolean;
    italics?: boolean;
    center?: boolean;
    keepNext?: boolean;
    size?: number;
    before?: number;
    after?: number;
    indent?: boolean;
  } = {},
) {
  return new Paragraph({
    alignment: options.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    keepNext: options.keepNext ?? false,
    spacing: { before: options.before ?? 0, after: options.after ?? 120 },
    indent: options.indent ? { firstLine: 709 } : undefined,
    children: [
      new TextRun({
        text,
        bold: options.bold,
        italics: options.italics,
        font: FONT,
        size: options.size ?? BODY_SIZE,
      }),
    ],
  });
}

function cell(
  text: string,
  widthTwips: number,
  options: { bold?: boolean; center?: boolean; span?: number; shade?: boolean } = {},
) {
  // A cell's text may hold line breaks (several agreements signed at one visit): one paragraph each.
  const lines = text.split('\n');
  return new TableCell({
    width: { size: widthTwips, type: WidthType.DXA },
    columnSpan: options.span,
    verticalAlign: VerticalAlign.TOP,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    shading: options.shade ? { fill: 'E7E6E6' } : undefined,
    children: lines.map(
      (line) =>
        new Paragraph({
          alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [new TextRun({ text: line, bold: options.bold, font: FONT, size: TABLE_SIZE })],
        }),
    ),
  });
}

function docxTable(table: ReportTable, landscape: boolean): Table {
  const total = textWidth(landscape);
  const weights = table.columns.reduce((sum, column) => sum + column.width, 0);
  const widths = table.columns.map((column) => Math.floor((total * column.width) / weights));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map((column, i) =>
      cell(column.header, widths[i]!, { bold: true, center: true, shade: true }),
    ),
  });
  const rows = table.rows.map((row) =>
    Array.isArray(row)
      ? new TableRow({
          cantSplit: true,
          children: row.map((value, i) => {
            const kind = table.columns[i]!.kind;
            return cell(cellText(value), widths[i]!, { center: kind === 'number' });
          }),
        })
      : new TableRow({
          cantSplit: true,
          // A subheading row stays with the first row under it.
          children: [cell(row.group, total, { bold: true, span: table.columns.length })],
        }),
  );
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    rows: [header, ...rows],
  });
}

function blockChildren(block: ReportBlock, landscape: boolean): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'paragraph':
      return [paragraph(block.text, { indent: true })];
    case 'empty':
      return [
        paragraph(block.caption, { bold: true, keepNext: true, before: 120 }),
        paragraph(block.text, { italics: true, indent: true }),
      ];
    case 'table':
      return [
        paragraph(block.table.caption, { bold: true, keepNext: true, before: 120 }),
        docxTable(block.table, landscape),
        paragraph('', { after: 60 }),
      ];
    default: {
      const unknown: never = block;
      throw new Error(`Unhandled block ${JSON.stringify(unknown)}`);
    }
  }
}

function sectionChildren(section: ReportSection): (Paragraph | Table)[] {
  return [
    paragraph(`${section.number}. ${section.title}`, { bold: true, keepNext: true, before: 240, size: 28 }),
    ...section.blocks.flatMap((block) => blockChildren(block, section.landscape)),
  ];
}

const footer = new Footer({
  children: [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 20 })],
    }),
  ],
});

function pageSection(landscape: boolean, children: (Paragraph | Table)[]): ISectionOptions {
  return {
    properties: {
      page: {
        size: { ...A4, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: MARGIN,
      },
    },
    footers: { default: footer },
    children,
  };
}

/** The report as a Word document: A4, wide tables on landscape pages, header rows repeated, rows kept whole. */
export async function renderAnnualReportDocx(content: ReportContent): Promise<Buffer> {
  const titleBlock = [
    paragraph(content.title, { bold: true, center: true, size: 28, after: 200 }),
    ...(content.legalLine ? [paragraph(content.legalLine, { italics: true, center: true, after: 240 })] : []),
  ];
  // Consecutive sections of one orientation share a Word section, so orientation changes only where it must.
  const pages: { landscape: boolean; children: (Paragraph | Table)[] }[] = [
    { landscape: false, children: titleBlock },
  ];
  for (const section of content.sections) {
    const last = pages[pages.length - 1]!;
    if (last.landscape === section.landscape) last.children.push(...sectionChildren(section));
    else pages.push({ landscape: section.landscape, children: sectionChildren(section) });
  }
  pages[pages.length - 1]!.children.push(paragraph(content.closing, { italics: true, before: 240 }));
  const document = new Document({
    creator: 'Pobratim',
    title: content.title,
    styles: { default: { document: { run: { font: FONT, size: BODY_SIZE, language: { value: 'ru-RU' } } } } },
    sections: pages.map((page) => pageSection(page.landscape, page.children)),
  });
  return Packer.toBuffer(document);
}
