import { sql, type Kysely } from 'kysely';

/**
 * A session opened with a password someone else chose (the first administrator's one-time password,
 * an account made by an administrator or `user add`) may read and change that password, and write
 * nothing else until it is changed: the web application asked for the change, the API did not.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE user_session ADD COLUMN password_change_required boolean NOT NULL DEFAULT false
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE user_session DROP COLUMN IF EXISTS password_change_required`.execute(db);
}
