import { sql, type Kysely } from 'kysely';

/**
 * The installation's scheduled backup (one row): whether it runs, at which hour, how many files it
 * keeps, and how the last one went. The claim of a run is an update of this row, so of several
 * servers on one database exactly one takes each day's backup.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE backup_schedule (
      single boolean PRIMARY KEY DEFAULT true CHECK (single),
      enabled boolean NOT NULL DEFAULT false,
      hour integer NOT NULL DEFAULT 3 CHECK (hour BETWEEN 0 AND 23),
      keep integer NOT NULL DEFAULT 7 CHECK (keep BETWEEN 1 AND 366),
      last_started_at timestamptz,
      last_finished_at timestamptz,
      last_file text,
      last_bytes bigint,
      last_error text,
      version integer NOT NULL DEFAULT 1
    )
  `.execute(db);
  await sql`INSERT INTO backup_schedule DEFAULT VALUES`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS backup_schedule`.execute(db);
}
