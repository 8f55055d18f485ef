import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { validationFailed } from '../errors.ts';
import type { Gazetteer } from '../gazetteer/index.ts';
import type { ReportFormat } from '../reports/annual/annual-report.ts';

/** The report's writers and its gathering, loaded when a report is asked for. */
const loadReportModules = () =>
  Promise.all([
    import('../reports/annual/annual-report.ts'),
    import('../reports/annual/annual-report.gather.ts'),
  ]);

export interface ReportOptions {
  year: string;
  city: string;
  out?: string;
  format?: string;
}

/** The year and format the options ask for, checked before the database opens. */
export async function checkReportOptions(
  options: ReportOptions,
): Promise<{ year: number; format: ReportFormat }> {
  const [{ formatOfFileName, reportFormatSchema }, { REPORT_YEARS }] = await loadReportModules();
  const year = Number(options.year);
  if (!/^\d{4}$/.test(options.year) || year < REPORT_YEARS.min || year > REPORT_YEARS.max) {
    throw validationFailed(
      `--year must be a year from ${REPORT_YEARS.min} to ${REPORT_YEARS.max}, got "${options.year}".`,
    );
  }
  const fromName = options.out ? formatOfFileName(options.out) : undefined;
  if (options.format !== undefined) {
    const parsed = reportFormatSchema.safeParse(options.format.toLowerCase());
    if (!parsed.success)
      throw validationFailed(`--format must be docx, pdf or xlsx, got "${options.format}".`);
    if (fromName && fromName !== parsed.data) {
      throw validationFailed(`--out ${options.out} ends in .${fromName} but --format is ${parsed.data}.`);
    }
    return { year, format: parsed.data };
  }
  if (options.out && !fromName) {
    throw validationFailed(
      `Cannot tell the format from ${options.out}: end it in .docx, .pdf or .xlsx, or pass --format.`,
    );
  }
  return { year, format: fromName ?? 'docx' };
}

/** Gathers, renders and writes the report; returns the file written and the city it is about. */
export async function writeReportFile(
  db: Kysely<Database>,
  options: ReportOptions,
  gazetteer?: Gazetteer,
): Promise<{ file: string; city: string; format: ReportFormat; bytes: number }> {
  const { year, format } = await checkReportOptions(options);
  const [{ annualReportFileNames, renderAnnualReport }, { gatherAnnualReport }] = await loadReportModules();
  const { resolveCityArgument } = await import('../modules/cities/city-argument.ts');
  const city = await resolveCityArgument(db, options.city, gazetteer);
  const data = await gatherAnnualReport(db, city.id, year);
  const body = await renderAnnualReport(data, format);
  const file = path.resolve(options.out ?? annualReportFileNames(data, format).russian);
  await writeFile(file, body);
  return {
    file,
    city: `${data.city.name} (${data.city.countryName}, id ${data.city.id})`,
    format,
    bytes: body.length,
  };
}

/** `pobratim report --year 2025 --city Барановичи --out report.docx`: the annual report on international links. */
export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description('write the annual report on a city’s international links (DOCX, PDF or XLSX)')
    .requiredOption('--year <year>', 'the calendar year the report covers')
    .requiredOption('--city <name-or-id>', 'the city, by name (in any language) or by id')
    .option(
      '--out <file>',
      'the file to write; its extension gives the format (default: a Russian name in the current folder)',
    )
    .option('--format <format>', 'docx, pdf or xlsx (default: from --out, else docx)')
    .action(async (options: ReportOptions) => {
      // Checked before the database opens: a typo should not wait for the registry.
      await checkReportOptions(options);
      const [{ readConfig }, { openRegistry }, { loadGazetteer }] = await Promise.all([
        import('../config.ts'),
        import('../commands/open-registry.ts'),
        import('../gazetteer/index.ts'),
      ]);
      const handle = await openRegistry(readConfig(), { purpose: 'pobratim report', log: console.log });
      try {
        const written = await writeReportFile(handle.db, options, loadGazetteer());
        console.log(
          `report: ${written.city}, ${options.year}: wrote ${written.file} (${written.format}, ${written.bytes} bytes)`,
        );
      } finally {
        await handle.close();
      }
    });
}
