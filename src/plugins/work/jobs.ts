/**
 * The heavy work the server hands to its worker threads (./work-pool.ts): extracting a press
 * release's facts and writing report files. Each job is plain data in and plain data out (they
 * cross threads by structured clone), and each loads its modules on first use, so a thread that only
 * writes spreadsheets never loads the gazetteer, and nothing here loads at the server's start.
 * The same function runs a job inline when the pool is turned off (WORKER_THREADS=0).
 */
import type { ExtractionResult } from '../../extract/index.ts';
import type { AnnualReportData } from '../../reports/annual/annual-report.data.ts';
import type { ReportFormat } from '../../reports/annual/annual-report.ts';
import type { CalendarItem, CalendarOptions } from '../../reports/calendar/ical-writer.ts';
import type { Sheet } from '../../reports/exports/sheet.ts';
import type { PressRelease } from '../../reports/press-release/press-release.composer.ts';

/** Every kind of job, with its input. */
export type Job =
  | { kind: 'extract'; text: string; date?: string | undefined; homeCity?: string | undefined }
  | { kind: 'annual-report'; data: AnnualReportData; format: ReportFormat }
  | { kind: 'sheet'; sheet: Sheet; format: 'csv' | 'xlsx' }
  | { kind: 'press-release-docx'; release: PressRelease }
  | { kind: 'calendar'; items: CalendarItem[]; options: CalendarOptions }
  /** Loads the extractor's dictionaries and gazetteer: a listening server's threads do it at once. */
  | { kind: 'warm-up' };

export type JobKind = Job['kind'];

/** What each kind of job gives back. Files come back as bytes (a Buffer inline, a Uint8Array from a thread). */
export interface JobResults {
  extract: ExtractionResult;
  'annual-report': Uint8Array;
  sheet: Uint8Array;
  'press-release-docx': Uint8Array;
  calendar: string;
  'warm-up': null;
}

/** Runs one job in this thread. */
export async function runJob<K extends JobKind>(job: Extract<Job, { kind: K }>): Promise<JobResults[K]> {
  return (await dispatch(job)) as JobResults[K];
}

async function dispatch(job: Job): Promise<JobResults[JobKind]> {
  switch (job.kind) {
    case 'extract': {
      const { extract, prepareExtractor } = await import('../../extract/index.ts');
      // Loaded once per thread (module state), then each extraction reuses it.
      await prepareExtractor();
      return extract(job.text, { date: job.date, homeCity: job.homeCity });
    }
    case 'warm-up': {
      const { prepareExtractor } = await import('../../extract/index.ts');
      await prepareExtractor();
      return null;
    }
    case 'annual-report': {
      const { renderAnnualReport } = await import('../../reports/annual/annual-report.ts');
      return renderAnnualReport(job.data, job.format);
    }
    case 'sheet': {
      const { writeCsv, writeXlsx } = await import('../../reports/exports/sheet.ts');
      return job.format === 'csv' ? writeCsv(job.sheet) : writeXlsx(job.sheet);
    }
    case 'press-release-docx': {
      const { pressReleaseDocx } = await import('../../reports/press-release/press-release.docx.ts');
      return pressReleaseDocx(job.release);
    }
    case 'calendar': {
      const { writeCalendar } = await import('../../reports/calendar/ical-writer.ts');
      return writeCalendar(job.items, job.options);
    }
    default: {
      const unknown: never = job;
      throw new Error(`Unknown job ${JSON.stringify(unknown)}`);
    }
  }
}
