import { sql, type Kysely } from 'kysely';

/**
 * Contacts and the protocol card (issue 16 §3): how to reach a person and how to address them, an
 * organization's own e-mail and phones, and which position makes a person the head of a city (a
 * partner city's mayor, chairman of the executive committee, akim), so the office knows who leads
 * each partner and since when. A change of head is a new position: the old one ends, the new one
 * starts, and the history stays.
 *
 * The checks are the last word after the API's validation (which also refuses look-alike letters in
 * an address): an e-mail with one «@» and no spaces, at most ten phones, a birthday after 1900.
 * Numbered 0026: 0022–0025 are taken by changes made alongside this one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE person
      ADD COLUMN email text CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
      ADD COLUMN phones text[] NOT NULL DEFAULT '{}' CHECK (cardinality(phones) <= 10),
      ADD COLUMN address text,
      ADD COLUMN salutation text CHECK (length(salutation) <= 200),
      ADD COLUMN birthday date CHECK (birthday >= DATE '1900-01-01'),
      ADD COLUMN languages text[] NOT NULL DEFAULT '{}' CHECK (cardinality(languages) <= 20)
  `.execute(db);
  await sql`
    ALTER TABLE organization
      ADD COLUMN email text CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
      ADD COLUMN phones text[] NOT NULL DEFAULT '{}' CHECK (cardinality(phones) <= 10)
  `.execute(db);
  await sql`
    ALTER TABLE position
      ADD COLUMN heads_city boolean NOT NULL DEFAULT false,
      ADD CONSTRAINT position_head_has_city
        CHECK (NOT heads_city OR city_id IS NOT NULL OR organization_id IS NOT NULL)
  `.execute(db);
  await sql`CREATE INDEX position_heads_city_idx ON position (city_id) WHERE heads_city`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX position_heads_city_idx`.execute(db);
  await sql`ALTER TABLE position DROP CONSTRAINT position_head_has_city, DROP COLUMN heads_city`.execute(db);
  await sql`ALTER TABLE organization DROP COLUMN email, DROP COLUMN phones`.execute(db);
  await sql`
    ALTER TABLE person
      DROP COLUMN email, DROP COLUMN phones, DROP COLUMN address, DROP COLUMN salutation,
      DROP COLUMN birthday, DROP COLUMN languages
  `.execute(db);
}
