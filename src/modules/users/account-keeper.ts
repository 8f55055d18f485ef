import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { SYSTEM_ACTOR, type Actor } from '../audit/audit.schema.ts';
import { inTransaction, parseInput } from '../audit/audited-write.ts';
import { newPasswordSchema } from '../auth/auth.schema.ts';
import { hashPassword } from '../auth/password.ts';
import { setUserPasswordHash } from './user.repository.ts';
import { createUser } from './user.service.ts';
import type { User } from './user.schema.ts';

/** The e-mail of the administrator made on the first start. */
export const FIRST_ADMIN_EMAIL = 'admin@pobratim.local';

/** A random password of 20 URL-safe characters (120 bits), for accounts made without one. */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}

/** Creates an account with roles and a password in one transaction; generates the password when none is given. */
export async function addAccount(
  db: Kysely<Database>,
  input: {
    email: string;
    displayName: string;
    roles: unknown[];
    password?: string | undefined;
    locale?: string;
  },
  actor: Actor = SYSTEM_ACTOR,
): Promise<{ user: User; password: string; generated: boolean }> {
  const password = input.password ?? generatePassword();
  parseInput(z.object({ password: newPasswordSchema }), { password });
  const hash = await hashPassword(password);
  const user = await inTransaction(db, async (trx) => {
    const created = await createUser(trx, actor, {
      email: input.email,
      displayName: input.displayName,
      roles: input.roles,
      ...(input.locale ? { locale: input.locale } : {}),
    });
    await setUserPasswordHash(trx, created.id, hash, 'someone else');
    return created;
  });
  return { user, password, generated: input.password === undefined };
}

/**
 * On the first start (no accounts at all) creates the administrator and returns the one-time
 * password to show; undefined when accounts exist already.
 */
export async function ensureFirstAdministrator(
  db: Kysely<Database>,
): Promise<{ email: string; password: string } | undefined> {
  const any = await db.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
  if (any) return undefined;
  const { password } = await addAccount(db, {
    email: FIRST_ADMIN_EMAIL,
    displayName: 'Администратор',
    roles: [{ role: 'admin' }],
  });
  return { email: FIRST_ADMIN_EMAIL, password };
}
