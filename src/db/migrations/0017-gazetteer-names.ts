import { sql, type Kysely } from 'kysely';

/**
 * Each gazetteer city keeps the names the gazetteer gave it (`gazetteer_name_ru`, `gazetteer_name_be`),
 * so that a gazetteer with better names can rename the cities whose names nobody changed and leave
 * alone the ones a user renamed (syncGazetteerNames). A city whose names an audited update changed
 * starts without them: whatever the gazetteer says later, the user's name stays. `gazetteer_state`
 * remembers which gazetteer's names the table holds, so that a start with the same gazetteer does
 * nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE city ADD COLUMN gazetteer_name_ru text, ADD COLUMN gazetteer_name_be text`.execute(
    db,
  );
  await sql`
    UPDATE city SET gazetteer_name_ru = name_ru, gazetteer_name_be = name_be
    WHERE source = 'geonames' AND NOT EXISTS (
      SELECT 1 FROM audit_entry a
      WHERE a.record_type = 'city' AND a.record_id = city.id AND a.action = 'update'
        AND (a.before ->> 'nameRu' IS DISTINCT FROM a.after ->> 'nameRu'
          OR a.before ->> 'nameBe' IS DISTINCT FROM a.after ->> 'nameBe')
    )
  `.execute(db);
  await sql`
    CREATE TABLE gazetteer_state (
      single boolean PRIMARY KEY DEFAULT true CHECK (single),
      names_version integer NOT NULL
    )
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS gazetteer_state`.execute(db);
  await sql`ALTER TABLE city DROP COLUMN IF EXISTS gazetteer_name_ru, DROP COLUMN IF EXISTS gazetteer_name_be`.execute(
    db,
  );
}
