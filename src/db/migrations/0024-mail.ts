import { sql, type Kysely } from 'kysely';

/**
 * Mail (issue 16 §5): the SMTP server the administrator configures, each user's digest, the record of
 * digests sent, and the user a plan item is assigned to.
 *
 * - `mail_server` is one row, as the backup schedule: no host means mail is not set up, and every
 *   feature that mails says so instead of failing. The password is needed in clear to log in to the
 *   SMTP server, so it is kept as given; the API never answers it (only whether one is set) and the
 *   audit trail never records it. Whoever reads the database reads it, as they read every account.
 * - `user_mail` holds a user's digest choice; the address is the account's own e-mail and the language
 *   the account's locale, so nothing is stored twice.
 * - `mail_digest` is the claim of one digest: its primary key (user, frequency, period) is taken by an
 *   INSERT … ON CONFLICT before anything is sent, so of several servers on one database exactly one
 *   sends each period's digest; a failed send keeps its row with the error and is retried later.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE plan_item
      ADD COLUMN assignee_user_id integer REFERENCES app_user (id) ON DELETE SET NULL
  `.execute(db);
  await sql`
    CREATE INDEX plan_item_assignee_idx ON plan_item (assignee_user_id) WHERE assignee_user_id IS NOT NULL
  `.execute(db);
  await sql`
    CREATE TABLE mail_server (
      single boolean PRIMARY KEY DEFAULT true CHECK (single),
      host text CHECK (host IS NULL OR length(host) BETWEEN 1 AND 255),
      port integer NOT NULL DEFAULT 587 CHECK (port BETWEEN 1 AND 65535),
      security text NOT NULL DEFAULT 'starttls' CHECK (security IN ('none', 'starttls', 'tls')),
      username text CHECK (username IS NULL OR length(username) BETWEEN 1 AND 255),
      password text CHECK (password IS NULL OR length(password) BETWEEN 1 AND 1000),
      sender text CHECK (sender IS NULL OR length(sender) BETWEEN 3 AND 320),
      site_url text CHECK (site_url IS NULL OR length(site_url) BETWEEN 8 AND 500),
      digest_hour integer NOT NULL DEFAULT 8 CHECK (digest_hour BETWEEN 0 AND 23),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      CHECK (host IS NULL OR sender IS NOT NULL)
    )
  `.execute(db);
  await sql`INSERT INTO mail_server DEFAULT VALUES`.execute(db);
  await sql`
    CREATE TABLE user_mail (
      user_id integer PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
      digest text NOT NULL DEFAULT 'none' CHECK (digest IN ('none', 'daily', 'weekly')),
      updated_at timestamptz NOT NULL DEFAULT now()
    )
  `.execute(db);
  await sql`
    CREATE TABLE mail_digest (
      user_id integer NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
      frequency text NOT NULL CHECK (frequency IN ('daily', 'weekly')),
      period_start date NOT NULL,
      status text NOT NULL CHECK (status IN ('sending', 'sent', 'empty', 'failed')),
      items integer NOT NULL DEFAULT 0,
      attempted_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz,
      error text,
      PRIMARY KEY (user_id, frequency, period_start)
    )
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS mail_digest`.execute(db);
  await sql`DROP TABLE IF EXISTS user_mail`.execute(db);
  await sql`DROP TABLE IF EXISTS mail_server`.execute(db);
  await sql`ALTER TABLE plan_item DROP COLUMN IF EXISTS assignee_user_id`.execute(db);
}
