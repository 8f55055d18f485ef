import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { hashSecret, newSecret } from '../../modules/auth/secret-token.ts';

/** Feed secrets carry a prefix of their own, so a leaked one is recognizable (API tokens use pbt_). */
export const CALENDAR_SECRET_PREFIX = 'pbc_';

/** What a feed secret looks like: the prefix and 32 random bytes in base64url. */
export const CALENDAR_SECRET_PATTERN = /^pbc_[A-Za-z0-9_-]{43}$/;

/**
 * Gives the user a new feed secret, replacing the old one (whose URL stops working at once); the
 * secret is returned once and stored only as its SHA-256.
 */
export async function rotateCalendarFeedSecret(db: Kysely<Database>, userId: number): Promise<string> {
  const secret = newSecret(CALENDAR_SECRET_PREFIX);
  await db
    .insertInto('calendar_feed')
    .values({ user_id: userId, secret_hash: hashSecret(secret) })
    .onConflict((oc) =>
      oc
        .column('user_id')
        .doUpdateSet({ secret_hash: hashSecret(secret), created_at: new Date(), last_used_at: null }),
    )
    .execute();
  return secret;
}

/** Stops the user's feed; false when there was none. */
export async function deleteCalendarFeed(db: Kysely<Database>, userId: number): Promise<boolean> {
  const result = await db.deleteFrom('calendar_feed').where('user_id', '=', userId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** The owner of a feed secret, noting when it was last read; undefined for an unknown or revoked one. */
export async function findUserIdByCalendarSecret(
  db: Kysely<Database>,
  secret: string,
): Promise<number | undefined> {
  if (!CALENDAR_SECRET_PATTERN.test(secret)) return undefined;
  const row = await db
    .updateTable('calendar_feed')
    .set({ last_used_at: new Date() })
    .where('secret_hash', '=', hashSecret(secret))
    .returning('user_id')
    .executeTakeFirst();
  return row?.user_id;
}
