import { existsSync } from 'node:fs';
import type { Command } from 'commander';

const SHOWN_PROBLEMS = 50;

/** `pobratim import-twins FILE.csv…`: records twin-city pairs from CSV lists, reporting what it could not match. */
export function registerImportTwinsCommand(program: Command): void {
  program
    .command('import-twins')
    .description(
      'import twin-city pairs from CSV (city1,country1,city2,country2, optionally lat1,lng1,lat2,lng2); ' +
        're-running adds no duplicates',
    )
    .argument('<files...>', 'CSV files, such as twin_cities_raw.csv or twin_cities_geocoded.csv')
    .option('--all', `list every line not imported (the first ${SHOWN_PROBLEMS} otherwise)`)
    .action(async (files: string[], options: { all?: boolean }) => {
      // Checked first, so a mistyped name does not wait for the database and the gazetteer.
      const missing = files.filter((file) => !existsSync(file));
      if (missing.length > 0) throw new Error(`no such file: ${missing.join(', ')}`);
      const [{ readConfig }, { twinImporter }, { formatImportReport }, { openRegistry }, { loadGazetteer }] =
        await Promise.all([
          import('../config.ts'),
          import('../commands/import-twins.ts'),
          import('../commands/import-twins.report.ts'),
          import('../commands/open-registry.ts'),
          import('../gazetteer/index.ts'),
        ]);
      const handle = await openRegistry(readConfig(), { purpose: 'pobratim import-twins', log: console.log });
      try {
        const importer = twinImporter(handle.db, loadGazetteer());
        for (const file of files) {
          const report = await importer.importFile(file);
          console.log(formatImportReport(report, options.all ? Infinity : SHOWN_PROBLEMS));
        }
        console.log('Twin-city lists: Wikipedia (CC BY-SA 4.0); places: GeoNames (CC BY 4.0).');
      } finally {
        await handle.close();
      }
    });
}
