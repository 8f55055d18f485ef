import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { AppError, unauthenticated } from '../../errors.ts';
import { parseInput } from '../audit/audited-write.ts';
import { signInSchema } from './auth.schema.ts';
import { deleteLoginFailures, insertLoginFailure, secondsUntilRetry } from './login-throttle.repository.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { insertSession } from './session.repository.ts';

// Compared against when the e-mail is unknown, so a wrong address takes as long as a wrong password.
const DUMMY_HASH = hashPassword('not a password of anyone');

/** Checks e-mail and password and opens a session; throttles an account after repeated failures. */
export async function signIn(
  db: Kysely<Database>,
  input: unknown,
  remoteAddress: string,
): Promise<{ userId: number; secret: string; csrfToken: string; expiresAt: Date }> {
  const { email, password } = parseInput(signInSchema, input);
  const wait = await secondsUntilRetry(db, email);
  if (wait > 0) {
    throw new AppError('rate_limited', `Too many failed sign-ins for this account; try again in ${wait} s.`);
  }
  const user = await db
    .selectFrom('app_user')
    .select(['id', 'password_hash', 'disabled'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
  const matches = await verifyPassword(user?.password_hash ?? (await DUMMY_HASH), password);
  if (!user || !matches || user.disabled) {
    await insertLoginFailure(db, email, remoteAddress);
    throw unauthenticated('Wrong e-mail or password.');
  }
  await deleteLoginFailures(db, email);
  return { userId: user.id, ...(await insertSession(db, user.id)) };
}
