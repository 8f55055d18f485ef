import { z } from 'zod';
import { buildReportContent } from './annual-report.content.ts';
import type { AnnualReportData } from './annual-report.data.ts';

/** The formats the annual report is written in. */
export const reportFormatSchema = z.enum(['docx', 'pdf', 'xlsx']);
export type ReportFormat = z.infer<typeof reportFormatSchema>;

export const REPORT_CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * The report's bytes in one format. Each writer (docx, pdfmake, exceljs) loads when first used: the
 * server's routes import this module for the names and types, and the writing runs in its worker
 * threads (src/plugins/work).
 */
export async function renderAnnualReport(data: AnnualReportData, format: ReportFormat): Promise<Buffer> {
  const content = buildReportContent(data);
  switch (format) {
    case 'docx':
      return (await import('./annual-report.docx.ts')).renderAnnualReportDocx(content);
    case 'pdf':
      return (await import('./annual-report.pdf.ts')).renderAnnualReportPdf(content);
    case 'xlsx':
      return (await import('./annual-report.xlsx.ts')).renderAnnualReportXlsx(content);
    default: {
      const unknown: never = format;
      throw new Error(`Unhandled report format ${String(unknown)}`);
    }
  }
}

/** The file's name in Russian, and an ASCII one for clients that cannot read `filename*`. */
export function annualReportFileNames(
  data: AnnualReportData,
  format: ReportFormat,
): { russian: string; ascii: string } {
  const ascii =
    data.city.nameEn.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || `city-${data.city.id}`;
  return {
    russian: `Международные связи ${data.city.name} ${data.year}.${format}`.replace(/[\\/:*?"<>|]/g, ' '),
    ascii: `international-links-${ascii}-${data.year}.${format}`,
  };
}

/** The format a file name's extension names, if it is one of ours. */
export function formatOfFileName(fileName: string): ReportFormat | undefined {
  const parsed = reportFormatSchema.safeParse(fileName.split('.').pop()?.toLowerCase());
  return parsed.success ? parsed.data : undefined;
}
