/** The `pobratim` command line: one file per command, registered here in the order `--help` lists them. */
import { Command } from 'commander';
import { registerBackupCommands } from './backup.ts';
import { registerExportCommand } from './export.ts';
import { registerExtractCommand } from './extract.ts';
import { registerImportTwinsCommand } from './import-twins.ts';
import { registerImportCommand } from './import.ts';
import { registerMigrateCommand } from './migrate.ts';
import { registerPressReleaseCommand } from './press-release.ts';
import { registerRemindersCommand } from './reminders.ts';
import { registerReportCommand } from './report.ts';
import { registerSeedDemoCommand } from './seed-demo.ts';
import { registerServeCommand } from './serve.ts';
import { registerUserCommand } from './user.ts';

const program = new Command()
  .name('pobratim')
  .description('Pobratim: the registry and workbench for sister-city (twin town) cooperation')
  .showHelpAfterError();

registerServeCommand(program);
registerMigrateCommand(program);
registerUserCommand(program);
registerExtractCommand(program);
registerImportTwinsCommand(program);
registerSeedDemoCommand(program);
registerExportCommand(program);
registerBackupCommands(program);
registerImportCommand(program);
registerRemindersCommand(program);
registerReportCommand(program);
registerPressReleaseCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(`pobratim: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
