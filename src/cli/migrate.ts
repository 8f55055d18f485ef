import type { Command } from 'commander';

/** `pobratim migrate`: brings the database schema up to date and loads the gazetteer if it is missing. */
export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('create or upgrade the database schema, and load the gazetteer on the first run')
    .option('--no-gazetteer', 'do not load the gazetteer')
    .action(async (options: { gazetteer: boolean }) => {
      const [{ readConfig }, { openRegistry }] = await Promise.all([
        import('../config.ts'),
        import('../commands/open-registry.ts'),
      ]);
      const config = readConfig();
      const handle = await openRegistry(config, {
        purpose: 'pobratim migrate',
        loadGazetteer: options.gazetteer,
        log: console.log,
      });
      await handle.close();
      console.log(`database is up to date (${handle.engine})`);
    });
}
