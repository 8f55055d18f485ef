import { sql, type Kysely } from 'kysely';
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

/**
 * The user of a live token; undefined when unknown or expired. When it was last used is noted at
 * most once a minute: a script's every request would otherwise be a write (the API benchmark showed
 * it among the costs of a request).
 */
export async function findUserIdByApiToken(
  db: Kysely<Database>,
  secret: string,
): Promise<number | undefined> {
  const result = await sql<{ user_id: number }>`
    WITH live AS (
      SELECT id, user_id, last_used_at FROM api_token
      WHERE token_hash = ${hashSecret(secret)} AND (expires_at IS NULL OR expires_at > now())
    ), touched AS (
      UPDATE api_token SET last_used_at = now()
      FROM live
      WHERE api_token.id = live.id
        AND (live.last_used_at IS NULL OR live.last_used_at < now() - interval '1 minute')
    )
    SELECT user_id FROM live
  `.execute(db);
  return result.rows[0]?.user_id;
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
