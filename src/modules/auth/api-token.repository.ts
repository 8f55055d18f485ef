import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { hashSecret, newSecret } from './secret-token.ts';

/** Tokens carry a recognizable prefix so a leaked one is easy to find in logs and code. */
export const API_TOKEN_PREFIX = 'pbt_';

/** Creates an API token for scripts; the secret is returned once and stored only as a hash. */
export async function insertApiToken(
  db: Kysely<Database>,
  userId: number,
  name: string,
  expiresAt: Date | null = null,
): Promise<{ id: number; secret: string }> {
  const secret = newSecret(API_TOKEN_PREFIX);
  const row = await db
    .insertInto('api_token')
    .values({ user_id: userId, name, token_hash: hashSecret(secret), expires_at: expiresAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, secret };
}

/** The user of a live token, noting when it was last used; undefined when unknown or expired. */
export async function findUserIdByApiToken(
  db: Kysely<Database>,
  secret: string,
): Promise<number | undefined> {
  const row = await db
    .updateTable('api_token')
    .set({ last_used_at: new Date() })
    .where('token_hash', '=', hashSecret(secret))
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', new Date())]))
    .returning('user_id')
    .executeTakeFirst();
  return row?.user_id;
}

/** Revokes one of a user's tokens; false when there was no such token. */
export async function deleteApiToken(
  db: Kysely<Database>,
  userId: number,
  tokenId: number,
): Promise<boolean> {
  const result = await db
    .deleteFrom('api_token')
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
