import type { Command } from 'commander';

/** `pobratim seed-demo`: loads the records of the seed article; a second run changes nothing. */
export function registerSeedDemoCommand(program: Command): void {
  program
    .command('seed-demo')
    .description('load the demo records of the seed press release (Baranovichi to Kuznetsk, September 2025)')
    .option(
      '--seed-dir <dir>',
      'folder holding the seed article and its expected extraction (default: ../shared/seed)',
    )
    .action(async (options: { seedDir?: string }) => {
      const [{ readConfig }, { openRegistry }, { defaultSeedDir, readSeedArticle, seedDemo }] =
        await Promise.all([
          import('../config.ts'),
          import('../commands/open-registry.ts'),
          import('../commands/seed-demo.ts'),
        ]);
      // Read before the database opens: a wrong folder should not wait for the gazetteer to load.
      const article = await readSeedArticle(options.seedDir ?? defaultSeedDir());
      const handle = await openRegistry(readConfig(), { purpose: 'pobratim seed-demo', log: console.log });
      try {
        // One transaction: a failure halfway leaves the registry as it was.
        const result = await handle.db.transaction().execute((trx) => seedDemo(trx, article));
        if (result.created.length === 0 && result.updated.length === 0) {
          console.log(`seed-demo: all ${result.found} demo records are already there; nothing changed.`);
        } else {
          for (const line of result.created) console.log(`  + ${line}`);
          for (const line of result.updated) console.log(`  ~ ${line}`);
          console.log(
            `seed-demo: created ${result.created.length} records, updated ${result.updated.length}, ` +
              `found ${result.found} already there.`,
          );
        }
      } finally {
        await handle.close();
      }
    });
}
