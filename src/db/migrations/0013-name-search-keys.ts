import { sql, type Kysely } from 'kysely';

/**
 * The names' comparison keys (`name_key()`: lower case, «ё» as «е», no diacritics, single spaces)
 * stored beside the names, with the trigram indexes over the stored key instead of over the
 * expression. A trigram match is rechecked row by row, and ranked by similarity row by row: over the
 * expression index each of those computed name_key() again (ICU lower case, unaccent and a regular
 * expression: about 6 µs a name), which was most of a fuzzy name search's time. In the API
 * benchmark «Щербаков» among 22,000 persons rechecked and ranked 497 names: 9.2 ms before, and a
 * misspelt organization's name alike.
 *
 * pg_trgm declares its similarity functions as cheap as an integer comparison (cost 1), while one
 * call takes about 3 µs. Over an expression the planner guessed few matches and took the index;
 * over a column it estimates the matches well (890 of 9,367 organizations for «библиотечной») and,
 * believing the comparison free, read the whole table comparing every name: 31 ms against 8 ms
 * through the index. Cost 100 tells it the truth. Changing another owner's functions is refused
 * where the extension was installed by someone else (a server's administrator): the plans are then
 * as before, slower for some words, and the migration goes on.
 */
const KEYS = [
  { table: 'city', source: `coalesce(name_ru, '') || ' ' || name_en`, oldIndex: 'city_name_trgm_idx' },
  { table: 'organization', source: 'name', oldIndex: 'organization_name_trgm_idx' },
  { table: 'person', source: 'full_name', oldIndex: 'person_name_trgm_idx' },
];

const SIMILARITY_FUNCTIONS = [
  'similarity(text, text)',
  'similarity_op(text, text)',
  'word_similarity(text, text)',
  'word_similarity_op(text, text)',
  'word_similarity_commutator_op(text, text)',
];

async function setSimilarityCost(db: Kysely<unknown>, cost: number): Promise<void> {
  const statements = SIMILARITY_FUNCTIONS.map((fn) => `ALTER FUNCTION public.${fn} COST ${cost};`).join(' ');
  await sql`
    DO $$ BEGIN ${sql.raw(statements)}
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE NOTICE 'pg_trgm belongs to another role: its similarity functions keep their cost';
    END $$
  `.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await setSimilarityCost(db, 100);
  for (const { table, source, oldIndex } of KEYS) {
    await sql`
      ALTER TABLE ${sql.table(table)}
      ADD COLUMN search_key text GENERATED ALWAYS AS (name_key(${sql.raw(source)})) STORED
    `.execute(db);
    await sql`DROP INDEX ${sql.id(oldIndex)}`.execute(db);
    await sql`
      CREATE INDEX ${sql.id(`${table}_search_key_trgm_idx`)} ON ${sql.table(table)}
      USING gin (search_key gin_trgm_ops)
    `.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await setSimilarityCost(db, 1);
  for (const { table, source, oldIndex } of KEYS) {
    await sql`DROP INDEX IF EXISTS ${sql.id(`${table}_search_key_trgm_idx`)}`.execute(db);
    await sql`ALTER TABLE ${sql.table(table)} DROP COLUMN IF EXISTS search_key`.execute(db);
    await sql`
      CREATE INDEX ${sql.id(oldIndex)} ON ${sql.table(table)}
      USING gin (name_key(${sql.raw(source)}) gin_trgm_ops)
    `.execute(db);
  }
}
