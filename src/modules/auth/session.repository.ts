import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { principalColumns, toPrincipal, type Principal } from './principal.ts';
import { hashSecret, newSecret } from './secret-token.ts';

/** How long a session lasts without signing in again. */
export const SESSION_DAYS = 14;

/** A new session: the secret goes into the cookie, only its hash into the database. */
export async function insertSession(
  db: Kysely<Database>,
  userId: number,
): Promise<{ secret: string; csrfToken: string; expiresAt: Date }> {
  const secret = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await db
    .insertInto('user_session')
    .values({
      id_hash: hashSecret(secret),
      user_id: userId,
      csrf_token: csrfToken,
      expires_at: expiresAt,
    })
    .execute();
  return { secret, csrfToken, expiresAt };
}

/**
 * The live session of a cookie's secret with its enabled user and their roles, in one statement; undefined
 * when the session is unknown or expired or its user disabled.
 */
export async function findLiveSession(
  db: Kysely<Database>,
  secret: string,
): Promise<{ principal: Principal; csrfToken: string; passwordChangeRequired: boolean } | undefined> {
  const row = await db
    .selectFrom('user_session')
    .innerJoin('app_user', 'app_user.id', 'user_session.user_id')
    .select(principalColumns)
    .select(['user_session.csrf_token', 'user_session.password_change_required'])
    .where('user_session.id_hash', '=', hashSecret(secret))
    .where('user_session.expires_at', '>', new Date())
    .where('app_user.disabled', '=', false)
    .executeTakeFirst();
  return row
    ? {
        principal: toPrincipal(row),
        csrfToken: row.csrf_token,
        passwordChangeRequired: row.password_change_required,
      }
    : undefined;
}

/** Marks a session as opened with a password someone else chose, or clears the mark. */
export async function setPasswordChangeRequired(
  db: Kysely<Database>,
  secret: string,
  required: boolean,
): Promise<void> {
  await db
    .updateTable('user_session')
    .set({ password_change_required: required })
    .where('id_hash', '=', hashSecret(secret))
    .execute();
}

/** Ends one session (sign out). */
export async function deleteSession(db: Kysely<Database>, secret: string): Promise<void> {
  await db.deleteFrom('user_session').where('id_hash', '=', hashSecret(secret)).execute();
}
