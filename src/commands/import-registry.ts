import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { validationFailed } from '../errors.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { setUserPasswordHash } from '../modules/users/user.repository.ts';
import { addAccount, generatePassword } from '../modules/users/account-keeper.ts';
import {
  countExported,
  readRegistryExport,
  type RegistryExport,
} from '../reports/exports/export-registry.ts';
import { checkReferences } from './import-registry.references.ts';
import { checkExportedFiles, writeFiles } from '../modules/files/file.export.ts';
import { advanceSequences, writeAccounts, writeCities, writeRecords } from './import-registry.rows.ts';

/** What an import wrote, and the accounts it left as they were (their e-mail was taken here). */
export interface ImportResult {
  counts: Record<string, number>;
  keptAccounts: string[];
}

/** The records users keep, by the table that holds them: an import needs every one of them empty. */
const RECORD_TABLES = [
  ['twinning', 'twinnings'],
  ['organization', 'organizations'],
  ['person', 'persons'],
  ['visit', 'visits'],
  ['visit_program_item', 'visit program items'],
  ['event', 'events'],
  ['agreement', 'agreements'],
  ['plan_item', 'plan items'],
  ['project', 'projects'],
  ['document', 'documents'],
  ['home_city', 'home cities'],
] as const;

/**
 * Refuses a registry that holds records already. Ids are kept on import (the file's references
 * stay true, and an export of the result equals the file); merging two registries would need each
 * organization and person typed in both to be recognised as one, which an import cannot decide.
 */
async function assertEmpty(db: Kysely<Database>): Promise<void> {
  const found: string[] = [];
  for (const [table, what] of RECORD_TABLES) {
    const row = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(db);
    const count = row.rows[0]?.n ?? 0;
    if (count > 0) found.push(`${count} ${what}`);
  }
  const userCities = await db
    .selectFrom('city')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('source', '=', 'user')
    .executeTakeFirstOrThrow();
  if (Number(userCities.n) > 0) found.push(`${userCities.n} cities added by users`);
  if (found.length > 0) {
    throw validationFailed(
      `This registry already holds records (${found.join(', ')}); an import fills an empty one. ` +
        'Import into a new DATA_DIR or an empty database, then point Pobratim at it.',
    );
  }
}

/**
 * Writes an export into an empty registry in one transaction, every record with its id, so nothing
 * is half-imported: a file that does not hold together is refused before anything is written, and
 * the database's own checks refuse the rest. Accounts come without passwords.
 */
export async function importRegistry(db: Kysely<Database>, document: RegistryExport): Promise<ImportResult> {
  checkReferences(document);
  checkExportedFiles(document.files, document);
  return db.transaction().execute(async (trx) => {
    await assertEmpty(trx);
    await writeCities(trx, document.cities);
    await writeRecords(trx, document);
    const { kept } = await writeAccounts(trx, document.users);
    await writeFiles(trx, document.files, document.users);
    await advanceSequences(trx);
    return { counts: countExported(document), keptAccounts: kept };
  });
}

/** Reads an export file (checked against its schema, every problem named by its path) and imports it. */
export async function importRegistryFile(db: Kysely<Database>, file: string): Promise<ImportResult> {
  return importRegistry(db, await readRegistryExport(file));
}

/**
 * Imported accounts have no password, so somebody must be able to sign in and give them one: when
 * no administrator has a password, the first administrator gets a one-time password (or, with no
 * administrator at all, the first-start administrator is made), returned for the command to show.
 */
export async function ensureAdministratorCanSignIn(
  db: Kysely<Database>,
): Promise<{ email: string; password: string } | undefined> {
  const administrators = await db
    .selectFrom('app_user')
    .innerJoin('user_role', 'user_role.user_id', 'app_user.id')
    .select(['app_user.id', 'app_user.email', 'app_user.password_hash'])
    .where('user_role.role', '=', 'admin')
    .where('app_user.disabled', '=', false)
    .orderBy('app_user.id')
    .execute();
  if (administrators.some((admin) => admin.password_hash !== null)) return undefined;
  const first = administrators[0];
  if (!first) {
    const made = await addAccount(db, {
      email: 'admin@pobratim.local',
      displayName: 'Администратор',
      roles: [{ role: 'admin' }],
    });
    return { email: made.user.email, password: made.password };
  }
  const password = generatePassword();
  await setUserPasswordHash(db, first.id, await hashPassword(password), 'someone else');
  return { email: first.email, password };
}
