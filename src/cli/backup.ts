import path from 'node:path';
import type { Command } from 'commander';

/** `pobratim backup FILE` and `pobratim restore FILE`: the whole installation in one file, and back. */
export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .argument('<file>', 'the file to write (gzip-compressed JSON lines)')
    .description(
      'back up the whole installation: records, accounts, documents, the audit trail, settings ' +
        "(while the embedded engine's server runs, download GET /api/backup with an administrator's token instead)",
    )
    .action(async (file: string) => {
      const [{ readConfig }, { openDatabase }, { writeBackupFile }] = await Promise.all([
        import('../config.ts'),
        import('../db/connect.ts'),
        import('../modules/backup/backup-file.ts'),
      ]);
      const config = readConfig();
      const handle = await openDatabase({ ...config, purpose: 'pobratim backup' });
      try {
        const target = path.resolve(file);
        const counts = await writeBackupFile(handle.db, target);
        const rows = Object.values(counts).reduce((sum, count) => sum + count, 0);
        console.log(`backup: wrote ${target}: ${Object.keys(counts).length} tables, ${rows} rows`);
      } finally {
        await handle.close();
      }
    });
  program
    .command('restore')
    .argument('<file>', 'a file `pobratim backup` or GET /api/backup wrote')
    .option('--replace', 'replace the records this installation holds already')
    .description(
      'restore the whole installation from a backup (stop the server first on the embedded engine)',
    )
    .action(async (file: string, options: { replace?: boolean }) => {
      const [{ readConfig }, { openRegistry }, { holdsRecords }, { restoreBackupFile }] = await Promise.all([
        import('../config.ts'),
        import('../commands/open-registry.ts'),
        import('../modules/backup/backup.ts'),
        import('../modules/backup/backup-file.ts'),
      ]);
      const handle = await openRegistry(readConfig(), {
        purpose: 'pobratim restore',
        log: console.log,
        loadGazetteer: false,
      });
      try {
        if (!options.replace && (await holdsRecords(handle.db))) {
          console.error(
            'restore: this installation holds records already; add --replace to replace them all.',
          );
          process.exitCode = 2;
          return;
        }
        const counts = await restoreBackupFile(handle.db, path.resolve(file));
        const rows = Object.values(counts).reduce((sum, count) => sum + count, 0);
        console.log(
          `restore: ${Object.keys(counts).length} tables, ${rows} rows restored from ${path.resolve(file)}`,
        );
      } finally {
        await handle.close();
      }
    });
}
