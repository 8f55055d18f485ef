import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { unauthenticated } from '../../errors.ts';
import { parseInput } from '../audit/audited-write.ts';
import { signInSchema } from './auth.schema.ts';
import { emailKey } from './email.ts';
import { deleteExpiredAttempts, forgetAttempts, reserveAttempt } from './login-throttle.repository.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { insertSession } from './session.repository.ts';

// Compared against when the e-mail is unknown, so a wrong address takes as long as a wrong password.
const DUMMY_HASH = hashPassword('not a password of anyone');

/**
 * Checks e-mail and password and opens a session; throttles an account after repeated failures
 * from one address (the attempt is counted before the password is checked, see `reserveAttempt`).
 */
export async function signIn(
  db: Kysely<Database>,
  input: unknown,
  remoteAddress: string,
): Promise<{ userId: number; secret: string; csrfToken: string; expiresAt: Date }> {
  const { email, password } = parseInput(signInSchema, input);
  await reserveAttempt(db, email, remoteAddress);
  const user = await db
    .selectFrom('app_user')
    .select(['id', 'password_hash', 'disabled'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', emailKey(email)))
    .executeTakeFirst();
  const matches = await verifyPassword(user?.password_hash ?? (await DUMMY_HASH), password);
  if (!user || !matches || user.disabled) {
    await deleteExpiredAttempts(db);
    throw unauthenticated('Wrong e-mail or password.');
  }
  await forgetAttempts(db, email, remoteAddress);
  return { userId: user.id, ...(await insertSession(db, user.id)) };
}
