import { sql, type Kysely } from 'kysely';

/**
 * Indexes for the visit list's sorts besides the start date (which visit_start_idx serves): each on
 * the sort key and id, the keyset a page continues from, so a page reads 51 index entries instead
 * of sorting every visit. Visits are the list that grows largest.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX visit_end_idx ON visit (end_date, id)`.execute(db);
  await sql`CREATE INDEX visit_purpose_idx ON visit ((lower(coalesce(purpose, ''))), id)`.execute(db);
  await sql`CREATE INDEX visit_created_idx ON visit (created_at, id)`.execute(db);
  await sql`CREATE INDEX visit_updated_idx ON visit (updated_at, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ['visit_end_idx', 'visit_purpose_idx', 'visit_created_idx', 'visit_updated_idx']) {
    await sql`DROP INDEX IF EXISTS ${sql.raw(index)}`.execute(db);
  }
}
