import { sql, type Kysely } from 'kysely';

/**
 * The calendar feed: each user's secret feed URL, kept only as a SHA-256 (like API tokens), and the
 * local clock times of visits and events (in the host city's time zone) that the feed shows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE calendar_feed (
      user_id integer PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
      secret_hash text NOT NULL UNIQUE CHECK (secret_hash ~ '^[0-9a-f]{64}$'),
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz
    )
  `.execute(db);
  // Times of day on the host city's clock (a visit's destination, an event's city); dates stay dates.
  for (const table of ['visit', 'event'] as const) {
    await sql`
      ALTER TABLE ${sql.table(table)}
        ADD COLUMN start_time time(0),
        ADD COLUMN end_time time(0),
        ADD CONSTRAINT ${sql.raw(`${table}_times_in_order`)} CHECK (
          start_date IS DISTINCT FROM coalesce(end_date, start_date) OR start_time IS NULL OR end_time IS NULL OR end_time >= start_time)
    `.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['visit', 'event'] as const) {
    await sql`
      ALTER TABLE ${sql.table(table)}
        DROP CONSTRAINT IF EXISTS ${sql.raw(`${table}_times_in_order`)},
        DROP COLUMN IF EXISTS start_time,
        DROP COLUMN IF EXISTS end_time
    `.execute(db);
  }
  await sql`DROP TABLE IF EXISTS calendar_feed`.execute(db);
}
