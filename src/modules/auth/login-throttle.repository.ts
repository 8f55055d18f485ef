import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';

/** Failed sign-ins allowed per account within the window before further attempts are refused. */
export const MAX_FAILURES = 5;
export const WINDOW_MINUTES = 15;

/** E-mail addresses compare case-insensitively, as the unique index on app_user does. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** Seconds until the account may try again, or 0 when it is not throttled. */
export async function secondsUntilRetry(
  db: Kysely<Database>,
  email: string,
  now = new Date(),
): Promise<number> {
  const since = new Date(now.getTime() - WINDOW_MINUTES * 60_000);
  const rows = await db
    .selectFrom('login_failure')
    .select('at')
    .where('email_key', '=', emailKey(email))
    .where('at', '>', since)
    .orderBy('at', 'desc')
    .limit(MAX_FAILURES)
    .execute();
  if (rows.length < MAX_FAILURES) return 0;
  const oldest = new Date(rows[rows.length - 1]!.at);
  return Math.max(1, Math.ceil((oldest.getTime() + WINDOW_MINUTES * 60_000 - now.getTime()) / 1000));
}

/** Records a failed attempt (and drops records older than the window, so the table stays small). */
export async function insertLoginFailure(
  db: Kysely<Database>,
  email: string,
  remoteAddress: string,
): Promise<void> {
  await db
    .insertInto('login_failure')
    .values({ email_key: emailKey(email), remote_address: remoteAddress })
    .execute();
  await db
    .deleteFrom('login_failure')
    .where('at', '<', new Date(Date.now() - WINDOW_MINUTES * 60_000))
    .execute();
}

/** Forgets the failures of an account after a successful sign-in. */
export async function deleteLoginFailures(db: Kysely<Database>, email: string): Promise<void> {
  await db.deleteFrom('login_failure').where('email_key', '=', emailKey(email)).execute();
}
