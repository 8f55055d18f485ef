import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { RU } from '../exports/labels.ts';
import { formatDateNumericRu } from '../russian/dates.ts';
import type { AgreementListData, ListedAgreement } from './agreement-list.gather.ts';

/** The formats of the annual list. */
export const agreementListFormatSchema = z.enum(['docx', 'xlsx']);
export type AgreementListFormat = z.infer<typeof agreementListFormatSchema>;

export const AGREEMENT_LIST_CONTENT_TYPES: Record<AgreementListFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const END_REASONS = {
  expired: 'истечение срока действия',
  terminated: 'расторжение по инициативе стороны',
  replaced: 'замена новым соглашением',
  // A status stored before stages were kept.
} as Record<string, string>;

/** The columns the regions' forms ask for, the same in both files. */
const COLUMNS = [
  { header: '№ п/п', width: 6 },
  { header: 'Наименование соглашения', width: 40 },
  { header: 'Вид', width: 18 },
  { header: 'Иностранный партнёр (город, страна)', width: 34 },
  { header: 'Дата подписания', width: 14 },
  { header: 'Регистрация: номер, дата, орган', width: 34 },
  { header: 'Срок действия (по)', width: 14 },
  { header: 'Дата прекращения', width: 14 },
  { header: 'Основание прекращения', width: 28 },
];

const date = (iso: string | null) => (iso ? formatDateNumericRu(iso) : '—');

/** One row of the list as text, in the columns' order. */
function cells(agreement: ListedAgreement, index: number): string[] {
  return [
    String(index + 1),
    agreement.title,
    RU.agreementKind[agreement.kind],
    agreement.partners.join('; ') || '—',
    date(agreement.signedOn),
    agreement.registration
      ? `№ ${agreement.registration.number} от ${date(agreement.registration.on)}, ${agreement.registration.body}`
      : 'не зарегистрировано',
    date(agreement.validUntil),
    date(agreement.endedOn),
    agreement.endReason
      ? (END_REASONS[agreement.endReason] ?? RU.agreementStatus[agreement.endReason as 'expired'])
      : '—',
  ];
}

/** The list's heading and its two parts' titles, in Russian as the regions' forms are. */
export function agreementListTitles(data: AgreementListData) {
  return {
    title: `Сведения о соглашениях в сфере международных и внешнеэкономических связей: ${data.city.name}, ${data.year} год`,
    concluded: `1. Соглашения, заключённые в ${data.year} году`,
    ended: `2. Соглашения, прекратившие действие в ${data.year} году`,
    none: 'Нет.',
  };
}

const text = (value: string, bold = false) =>
  new TextRun({ text: value, bold, size: 20, font: 'Times New Roman' });

function docxTable(agreements: ListedAgreement[]): Table {
  const header = new TableRow({
    tableHeader: true,
    children: COLUMNS.map(
      (column) => new TableCell({ children: [new Paragraph({ children: [text(column.header, true)] })] }),
    ),
  });
  const rows = agreements.map(
    (agreement, index) =>
      new TableRow({
        cantSplit: true,
        children: cells(agreement, index).map(
          (value) => new TableCell({ children: [new Paragraph({ children: [text(value)] })] }),
        ),
      }),
  );
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: COLUMNS.map((column) => column.width * 80),
    rows: [header, ...rows],
  });
}

/** The list as a Word document: A4 landscape, the two parts as tables with repeated headers. */
export async function renderAgreementListDocx(data: AgreementListData): Promise<Buffer> {
  const titles = agreementListTitles(data);
  const part = (title: string, agreements: ListedAgreement[]) => [
    new Paragraph({ spacing: { before: 240, after: 120 }, children: [text(title, true)] }),
    agreements.length === 0 ? new Paragraph({ children: [text(titles.none)] }) : docxTable(agreements),
  ];
  const document = new Document({
    creator: 'Pobratim',
    title: titles.title,
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [text(titles.title, true)],
          }),
          ...part(titles.concluded, data.concluded),
          ...part(titles.ended, data.ended),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** The list as a workbook: a sheet for each part, with the same columns. */
export async function renderAgreementListXlsx(data: AgreementListData): Promise<Buffer> {
  const titles = agreementListTitles(data);
  const book = new ExcelJS.Workbook();
  book.creator = 'Pobratim';
  book.title = titles.title;
  for (const [name, title, agreements] of [
    ['Заключённые', titles.concluded, data.concluded],
    ['Прекратившие действие', titles.ended, data.ended],
  ] as const) {
    const sheet = book.addWorksheet(name);
    sheet.addRow([titles.title]).font = { bold: true };
    sheet.addRow([title]).font = { bold: true };
    const header = sheet.addRow(COLUMNS.map((column) => column.header));
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'top' };
    COLUMNS.forEach((column, i) => {
      sheet.getColumn(i + 1).width = column.width;
    });
    agreements.forEach((agreement, index) => {
      const row = sheet.addRow(cells(agreement, index));
      row.alignment = { wrapText: true, vertical: 'top' };
    });
    if (agreements.length === 0) sheet.addRow([titles.none]);
    sheet.views = [{ state: 'frozen', ySplit: 3 }];
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function renderAgreementList(
  data: AgreementListData,
  format: AgreementListFormat,
): Promise<Buffer> {
  return format === 'docx' ? renderAgreementListDocx(data) : renderAgreementListXlsx(data);
}

/** The file's name in Russian, and an ASCII one for clients that cannot read `filename*`. */
export function agreementListFileNames(data: AgreementListData, format: AgreementListFormat) {
  const ascii =
    data.city.nameEn.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || `city-${data.city.id}`;
  return {
    russian: `Соглашения ${data.city.name} ${data.year}.${format}`.replace(/[\\/:*?"<>|]/g, ' '),
    ascii: `agreements-${ascii}-${data.year}.${format}`,
  };
}
