import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import { insertAuditEntry } from '../audit/audit.repository.ts';
import type { Actor } from '../audit/audit.schema.ts';
import { inTransaction, parseInput } from '../audit/audited-write.ts';
import { findUserByIdOrThrow } from '../users/user.repository.ts';
import { deleteApiToken, insertApiToken } from './api-token.repository.ts';
import { listApiTokensOfUser } from './api-token.list.ts';
import { apiTokenCreateSchema, type ApiToken } from './api-token.schema.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Runs a change of a user's tokens and audits it as a change of the user, whose `apiTokens` field
 * lists the tokens' names before and after (a token is part of the account, like its password).
 */
async function changeTokens<T>(
  db: Kysely<Database>,
  actor: Actor,
  userId: number,
  change: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return inTransaction(db, async (trx) => {
    const user = await findUserByIdOrThrow(trx, userId);
    const names = async () => (await listApiTokensOfUser(trx, userId)).map((token) => token.name);
    const before = await names();
    const result = await change(trx);
    const after = await names();
    await insertAuditEntry(trx, {
      actor,
      action: 'update',
      recordType: 'user',
      recordId: userId,
      before: { ...user, apiTokens: before },
      after: { ...user, apiTokens: after },
    });
    return result;
  });
}

/** Creates an API token for a user, audited; the secret is in the result and nowhere else. */
export async function createApiToken(
  db: Kysely<Database>,
  actor: Actor,
  userId: number,
  input: unknown,
): Promise<ApiToken & { token: string }> {
  const { name, expiresInDays } = parseInput(apiTokenCreateSchema, input);
  const expiresAt = expiresInDays === undefined ? null : new Date(Date.now() + expiresInDays * DAY_MS);
  return changeTokens(db, actor, userId, async (trx) => {
    const { id, secret } = await insertApiToken(trx, userId, name, expiresAt);
    const created = (await listApiTokensOfUser(trx, userId)).find((token) => token.id === id);
    if (!created) throw notFound('API token', id);
    return { ...created, token: secret };
  });
}

/** Revokes a user's token, audited; 404 when the user has no such token. */
export async function revokeApiToken(
  db: Kysely<Database>,
  actor: Actor,
  userId: number,
  tokenId: number,
): Promise<void> {
  await changeTokens(db, actor, userId, async (trx) => {
    if (!(await deleteApiToken(trx, userId, tokenId))) throw notFound('API token', tokenId);
  });
}
