import { Migrator, type Kysely, type MigrationResultSet } from 'kysely';
import { migrationProvider } from './migrations/index.ts';

/** Runs every pending migration; throws with the failing migration's name and cause. */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<string[]> {
  return report(await new Migrator({ db, provider: migrationProvider }).migrateToLatest());
}

/** Migrates up or down to the named migration (used to test upgrades from an earlier release). */
export async function migrateTo<DB>(db: Kysely<DB>, name: string): Promise<string[]> {
  return report(await new Migrator({ db, provider: migrationProvider }).migrateTo(name));
}

function report({ error, results }: MigrationResultSet): string[] {
  if (error) {
    const failed = results?.find((result) => result.status === 'Error');
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause}`, { cause: error });
  }
  return (results ?? [])
    .filter((result) => result.status === 'Success')
    .map((result) => result.migrationName);
}
