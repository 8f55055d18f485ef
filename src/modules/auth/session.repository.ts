import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
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

/** The live session of a cookie's secret, or undefined when unknown or expired. */
export async function findLiveSession(
  db: Kysely<Database>,
  secret: string,
): Promise<{ userId: number; csrfToken: string } | undefined> {
  const row = await db
    .selectFrom('user_session')
    .select(['user_id', 'csrf_token'])
    .where('id_hash', '=', hashSecret(secret))
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
  return row ? { userId: row.user_id, csrfToken: row.csrf_token } : undefined;
}

/** Ends one session (sign out). */
export async function deleteSession(db: Kysely<Database>, secret: string): Promise<void> {
  await db.deleteFrom('user_session').where('id_hash', '=', hashSecret(secret)).execute();
}
