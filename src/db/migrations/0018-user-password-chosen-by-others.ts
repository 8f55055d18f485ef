import { sql, type Kysely } from 'kysely';

/**
 * Whether an account's password was chosen by someone else (the first administrator's one-time
 * password, `pobratim import`'s, an account made by an administrator or `user add`) and its owner has
 * not changed it yet: stored, where it used to be read out of the audit trail, which an import does
 * not write. Existing accounts take what their audit trail said: the last entry that set the password
 * (the account's creation, or a change of password) was written by someone other than the owner.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE app_user ADD COLUMN password_change_required boolean NOT NULL DEFAULT false
  `.execute(db);
  await sql`
    UPDATE app_user u SET password_change_required = true
    WHERE u.password_hash IS NOT NULL AND EXISTS (
      SELECT 1 FROM (
        SELECT a.user_id FROM audit_entry a
        WHERE a.record_type = 'user' AND a.record_id = u.id
          AND (a.action = 'create' OR (a.action = 'update' AND a.after ->> 'passwordChanged' = 'true'))
        ORDER BY a.id DESC LIMIT 1
      ) setter
      WHERE setter.user_id IS DISTINCT FROM u.id
    )
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE app_user DROP COLUMN IF EXISTS password_change_required`.execute(db);
}
