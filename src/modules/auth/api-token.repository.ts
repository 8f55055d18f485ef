import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { principalColumns, toPrincipal, type Principal } from './principal.ts';
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
 * The enabled user of a live token with their roles, in one statement; undefined when the token is
 * unknown or expired or its user disabled. When it was last used is noted in the same statement, at
 * most once a minute: a script's every request would otherwise be a write (the API benchmark showed
 * it among the costs of a request).
 */
export async function findPrincipalByApiToken(
  db: Kysely<Database>,
  secret: string,
): Promise<Principal | undefined> {
  const hash = hashSecret(secret);
  const live = (eb: ExpressionBuilder<Database, 'api_token'>) =>
    eb.and([
      eb('api_token.token_hash', '=', hash),
      eb.or([eb('api_token.expires_at', 'is', null), eb('api_token.expires_at', '>', sql<Date>`now()`)]),
    ]);
  const row = await db
    // A data-modifying WITH runs whether or not the query reads it.
    .with('touched', (qc) =>
      qc
        .updateTable('api_token')
        .set({ last_used_at: sql`now()` })
        .where(live)
        .where((eb) =>
          eb.or([
            eb('api_token.last_used_at', 'is', null),
            eb('api_token.last_used_at', '<', sql<Date>`now() - interval '1 minute'`),
          ]),
        )
        .returning('api_token.id'),
    )
    .selectFrom('api_token')
    .innerJoin('app_user', 'app_user.id', 'api_token.user_id')
    .select(principalColumns)
    .where(live)
    .where('app_user.disabled', '=', false)
    .executeTakeFirst();
  return row && toPrincipal(row);
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
