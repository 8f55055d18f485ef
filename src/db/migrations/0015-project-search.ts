import { sql, type Kysely } from 'kysely';

/**
 * Projects in the search: their title and description in Russian with stems, as agreements have
 * theirs, so «школьного обмена» finds the project «Школьный обмен».
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE project ADD COLUMN search tsvector GENERATED ALWAYS AS (
      to_tsvector('russian', immutable_unaccent(title || ' ' || coalesce(description, '')))) STORED
  `.execute(db);
  await sql`CREATE INDEX project_search_idx ON project USING gin (search)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS project_search_idx`.execute(db);
  await sql`ALTER TABLE project DROP COLUMN IF EXISTS search`.execute(db);
}
