import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { isoTimestamp } from '../audit/audit.repository.ts';
import type { ApiToken } from './api-token.schema.ts';

/** A user's API tokens, newest first, expired ones included (their owner may still revoke them). */
export async function listApiTokensOfUser(db: Kysely<Database>, userId: number): Promise<ApiToken[]> {
  const rows = await db
    .selectFrom('api_token')
    .select(['id', 'user_id', 'name', 'created_at', 'last_used_at', 'expires_at'])
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    userId: row.user_id,
    name: row.name,
    createdAt: isoTimestamp(row.created_at),
    lastUsedAt: row.last_used_at === null ? null : isoTimestamp(row.last_used_at),
    expiresAt: row.expires_at === null ? null : isoTimestamp(row.expires_at),
  }));
}

/** Whose token this is; undefined when there is no such token. */
export async function findApiTokenOwner(db: Kysely<Database>, tokenId: number): Promise<number | undefined> {
  const row = await db.selectFrom('api_token').select('user_id').where('id', '=', tokenId).executeTakeFirst();
  return row?.user_id;
}
