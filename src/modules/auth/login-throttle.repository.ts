import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { rateLimited } from '../../errors.ts';
import { inTransaction } from '../audit/audited-write.ts';
import { emailKey } from './email.ts';

/** Failed sign-ins allowed per account and address within the window before further attempts are refused. */
export const MAX_FAILURES = 5;
export const WINDOW_MINUTES = 15;

/**
 * Counts a password attempt for this account from this address before the password is checked, or
 * refuses it (429) when the last `MAX_FAILURES` attempts of the window failed. The count and the
 * check happen under one lock per account and address, so a burst of simultaneous attempts cannot
 * all pass a check made before any of them was counted; the attempt counts as failed until
 * `forgetAttempts` says otherwise. Per address, so that guessing from elsewhere cannot lock the
 * account's owner out.
 */
export async function reserveAttempt(
  db: Kysely<Database>,
  email: string,
  remoteAddress: string,
  what = 'sign-ins',
): Promise<void> {
  const key = emailKey(email);
  const wait = await inTransaction(db, async (trx) => {
    // hashtextextended spreads the pairs over 64-bit keys; a collision only serializes two pairs.
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`${key} ${remoteAddress}`}, 7))`.execute(trx);
    const now = new Date();
    const rows = await trx
      .selectFrom('login_failure')
      .select('at')
      .where('email_key', '=', key)
      .where('remote_address', '=', remoteAddress)
      .where('at', '>', new Date(now.getTime() - WINDOW_MINUTES * 60_000))
      .orderBy('at', 'desc')
      .limit(MAX_FAILURES)
      .execute();
    if (rows.length >= MAX_FAILURES) {
      const oldest = new Date(rows[rows.length - 1]!.at);
      return Math.max(1, Math.ceil((oldest.getTime() + WINDOW_MINUTES * 60_000 - now.getTime()) / 1000));
    }
    await trx
      .insertInto('login_failure')
      .values({ email_key: key, remote_address: remoteAddress, at: now })
      .execute();
    return 0;
  });
  if (wait > 0) {
    throw rateLimited(`Too many failed ${what} for this account; try again in ${wait} s.`, wait);
  }
}

/** Drops the records older than the window, so the table stays small (after a failed attempt). */
export async function deleteExpiredAttempts(db: Kysely<Database>): Promise<void> {
  await db
    .deleteFrom('login_failure')
    .where('at', '<', new Date(Date.now() - WINDOW_MINUTES * 60_000))
    .execute();
}

/** Forgets the attempts of an account from an address after a successful one. */
export async function forgetAttempts(
  db: Kysely<Database>,
  email: string,
  remoteAddress: string,
): Promise<void> {
  await db
    .deleteFrom('login_failure')
    .where('email_key', '=', emailKey(email))
    .where('remote_address', '=', remoteAddress)
    .execute();
}
