import path from 'node:path';
import type { Command } from 'commander';

/** `pobratim export FILE.json`: writes every user record as one JSON document a later import reads. */
export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .argument('<file>', 'the JSON file to write')
    .description('export every record users keep (not the gazetteer) as one JSON document')
    .action(async (file: string) => {
      const [{ readConfig }, { countExported, writeRegistryExport }, { openRegistry }] = await Promise.all([
        import('../config.ts'),
        import('../reports/exports/export-registry.ts'),
        import('../commands/open-registry.ts'),
      ]);
      const handle = await openRegistry(readConfig(), { purpose: 'pobratim export', log: console.log });
      try {
        const target = path.resolve(file);
        const document = await writeRegistryExport(handle.db, target);
        const counts = Object.entries(countExported(document))
          .map(([kind, count]) => `${count} ${kind}`)
          .join(', ');
        console.log(`export: wrote ${target} (format version ${document.formatVersion}): ${counts}`);
      } finally {
        await handle.close();
      }
    });
}
