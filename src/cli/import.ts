import path from 'node:path';
import type { Command } from 'commander';

/** `pobratim import FILE.json`: reads a `pobratim export` file into an empty registry, all or nothing. */
export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .argument('<file>', 'a JSON file written by `pobratim export` (or GET /api/export.json)')
    .description(
      'import a registry export into an empty registry, keeping every id, in one transaction; ' +
        'accounts come without passwords',
    )
    .action(async (file: string) => {
      const [{ readConfig }, { ensureAdministratorCanSignIn, importRegistryFile }, { openRegistry }] =
        await Promise.all([
          import('../config.ts'),
          import('../commands/import-registry.ts'),
          import('../commands/open-registry.ts'),
        ]);
      const handle = await openRegistry(readConfig(), { purpose: 'pobratim import', log: console.log });
      try {
        const source = path.resolve(file);
        const result = await importRegistryFile(handle.db, source);
        const counts = Object.entries(result.counts)
          .map(([kind, count]) => `${count} ${kind}`)
          .join(', ');
        console.log(`import: read ${source}: ${counts}`);
        if (result.keptAccounts.length > 0) {
          console.log(
            `import: these accounts existed here already and were kept as they are: ${result.keptAccounts.join(', ')}`,
          );
        }
        if ((result.counts.users ?? 0) > result.keptAccounts.length) {
          console.log('import: imported accounts have no password; an administrator sets them.');
        }
        const admin = await ensureAdministratorCanSignIn(handle.db);
        if (admin) {
          console.log(
            `import: no administrator could sign in yet: sign in as ${admin.email} with the one-time password ${admin.password}`,
          );
        }
      } finally {
        await handle.close();
      }
    });
}
