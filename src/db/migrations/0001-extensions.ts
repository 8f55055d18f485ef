import { sql, type Kysely } from 'kysely';

/**
 * Extensions and the text functions every later migration relies on.
 * `unaccent` is only STABLE, so it is wrapped in an IMMUTABLE function to be usable in indexes and
 * generated columns; `ru_sort_key` gives Russian alphabetical order with «ё» as its own letter after
 * «е» («ель» < «Ёж» < «Яблоко»), identically on PGlite and on a server, whatever their ICU version.
 * Function bodies name their schema: PostgreSQL 17+ builds indexes with a search_path of
 * pg_catalog only, so an unqualified call inside an indexed expression is not found.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
  await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db);
  await sql`
    CREATE FUNCTION immutable_unaccent(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, value) $$
  `.execute(db);
  // Lower-cased with ICU rules (the "und-x-icu" collation exists on PGlite and on servers built
  // with ICU), then compared byte-wise: Cyrillic а…я are contiguous code points in alphabet order,
  // only «ё» is out of place, so it becomes «е» followed by the highest code point.
  await sql`
    CREATE FUNCTION ru_sort_key(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT replace(lower(value COLLATE "und-x-icu"), 'ё', 'е' || chr(1114111)) COLLATE "C" $$
  `.execute(db);
  // Normalized form for exact name matching: lower case, «ё» as «е», no diacritics, single spaces.
  await sql`
    CREATE FUNCTION name_key(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$
      SELECT btrim(regexp_replace(
        public.immutable_unaccent(replace(lower(value COLLATE "und-x-icu"), 'ё', 'е')), '\\s+', ' ', 'g'))
    $$
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP FUNCTION IF EXISTS name_key(text)`.execute(db);
  await sql`DROP FUNCTION IF EXISTS ru_sort_key(text)`.execute(db);
  await sql`DROP FUNCTION IF EXISTS immutable_unaccent(text)`.execute(db);
}
