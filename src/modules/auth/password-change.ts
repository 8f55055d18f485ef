import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { validationFailed } from '../../errors.ts';
import { insertAuditEntry } from '../audit/audit.repository.ts';
import { inTransaction, parseInput } from '../audit/audited-write.ts';
import { findUserByIdOrThrow, setUserPasswordHash } from '../users/user.repository.ts';
import { newPasswordSchema } from './auth.schema.ts';
import { deleteExpiredAttempts, forgetAttempts, reserveAttempt } from './login-throttle.repository.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { hashSecret } from './secret-token.ts';
import { setPasswordChangeRequired } from './session.repository.ts';

/** The body of POST /api/auth/password. */
export const passwordChangeSchema = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: newPasswordSchema,
});

/** What the audit trail records in `after` when a password changes (never the password or its hash). */
const PASSWORD_CHANGED = 'passwordChanged';

/**
 * Changes the signed-in user's own password: the current one must match (wrong guesses count
 * towards the sign-in throttle of the account), the new one is hashed with argon2, the change is
 * audited, and every other session of the user ends; `keepSessionSecret` is the one that stays.
 */
export async function changeOwnPassword(
  db: Kysely<Database>,
  userId: number,
  input: unknown,
  remoteAddress: string,
  keepSessionSecret: string | null,
): Promise<void> {
  const { currentPassword, newPassword } = parseInput(passwordChangeSchema, input);
  const row = await db
    .selectFrom('app_user')
    .select(['email', 'password_hash'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  await reserveAttempt(db, row.email, remoteAddress, 'attempts');
  if (!row.password_hash || !(await verifyPassword(row.password_hash, currentPassword))) {
    await deleteExpiredAttempts(db);
    throw validationFailed('The current password is wrong.', [
      { path: 'currentPassword', message: 'is not the current password' },
    ]);
  }
  await forgetAttempts(db, row.email, remoteAddress);
  if (currentPassword === newPassword) {
    throw validationFailed('The new password is the same as the current one.', [
      { path: 'newPassword', message: 'must differ from the current password' },
    ]);
  }
  const hash = await hashPassword(newPassword);
  await inTransaction(db, async (trx) => {
    const before = await findUserByIdOrThrow(trx, userId);
    await setUserPasswordHash(trx, userId, hash, 'owner');
    const after = await findUserByIdOrThrow(trx, userId);
    await insertAuditEntry(trx, {
      actor: { userId },
      action: 'update',
      recordType: 'user',
      recordId: userId,
      before,
      after: { ...after, [PASSWORD_CHANGED]: true },
    });
    let sessions = trx.deleteFrom('user_session').where('user_id', '=', userId);
    if (keepSessionSecret) {
      sessions = sessions.where('id_hash', '!=', hashSecret(keepSessionSecret));
      // The session kept signed in with the user's own password now: it may write again.
      await setPasswordChangeRequired(trx, keepSessionSecret, false);
    }
    await sessions.execute();
  });
}

/**
 * Whether the user still signs in with a password someone else chose: the first administrator's or
 * `pobratim import`'s one-time password, an account made by `user add` or the administration page,
 * until its owner changes it. Kept on the account itself (migration 0018). Accounts made straight in
 * the database (tests) never set it.
 */
export async function mustChangePassword(db: Kysely<Database>, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('app_user')
    .select('password_change_required')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.password_change_required === true;
}
