import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { mailConfigured } from './mail-server.ts';

export const digestChoiceSchema = z
  .enum(['none', 'daily', 'weekly'])
  .describe('none: no digest; daily: every day; weekly: on Mondays');

/** A user's digest: their choice, the address it goes to, and whether mail is set up at all. */
export const userDigestSchema = z
  .object({
    digest: digestChoiceSchema,
    email: z.string().describe('the account’s e-mail address, where digests and notices go'),
    mailConfigured: z.boolean().describe('false: no SMTP server is set, nothing is mailed until one is'),
    digestHour: z.number().int().describe('the hour (server time) digests are sent from'),
  })
  .meta({ id: 'UserDigest' });
export type UserDigest = z.infer<typeof userDigestSchema>;

export const userDigestUpdateSchema = z.object({ digest: digestChoiceSchema });

export async function readUserDigest(db: Kysely<Database>, userId: number): Promise<UserDigest> {
  const row = await db
    .selectFrom('app_user')
    .leftJoin('user_mail', 'user_mail.user_id', 'app_user.id')
    .select(['app_user.email', 'user_mail.digest'])
    .where('app_user.id', '=', userId)
    .executeTakeFirstOrThrow();
  const { digest_hour } = await db.selectFrom('mail_server').select('digest_hour').executeTakeFirstOrThrow();
  return {
    digest: row.digest ?? 'none',
    email: row.email,
    mailConfigured: await mailConfigured(db),
    digestHour: digest_hour,
  };
}

export async function updateUserDigest(
  db: Kysely<Database>,
  userId: number,
  digest: UserDigest['digest'],
): Promise<UserDigest> {
  await db
    .insertInto('user_mail')
    .values({ user_id: userId, digest, updated_at: new Date() })
    .onConflict((conflict) => conflict.column('user_id').doUpdateSet({ digest, updated_at: new Date() }))
    .execute();
  return readUserDigest(db, userId);
}
