import { sql, type Kysely } from 'kysely';

/**
 * Where a document belongs, kept on the document: the cities and organizations of the records an
 * accepted import linked to it (record_source), the organizations' cities among the cities. A city
 * editor's list and search of documents asked record_source about every candidate document; in the
 * API benchmark (200,000 documents, 700,000 links) an editor's search of a common phrase read the
 * whole of record_source into a hash first and then walked 20,000 documents by date: 240 ms, where
 * with the stored sets it is an intersection of two GIN indexes. A document with neither set empty
 * is linked; one with both empty is in the shared review queue (no accepted import yet).
 *
 * Triggers keep the sets: after any change of record_source (per statement, so an accepted import
 * or a bulk load refreshes each document once) and after an organization moves to another city or
 * is deleted (per row: rare, and column lists do not allow transition tables).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE document
      ADD COLUMN scope_city_ids integer[] NOT NULL DEFAULT '{}',
      ADD COLUMN scope_organization_ids integer[] NOT NULL DEFAULT '{}'
  `.execute(db);
  await sql`
    CREATE FUNCTION refresh_document_scope(documents integer[]) RETURNS void
    LANGUAGE sql AS $$
      UPDATE public.document d
      SET scope_city_ids = s.city_ids, scope_organization_ids = s.organization_ids
      FROM (
        SELECT doc.id,
          array(
            SELECT rs.record_id FROM public.record_source rs
            WHERE rs.document_id = doc.id AND rs.record_type = 'city'
            UNION
            SELECT o.city_id FROM public.record_source rs
            JOIN public.organization o ON o.id = rs.record_id
            WHERE rs.document_id = doc.id AND rs.record_type = 'organization'
            ORDER BY 1) AS city_ids,
          array(
            SELECT DISTINCT rs.record_id FROM public.record_source rs
            WHERE rs.document_id = doc.id AND rs.record_type = 'organization'
            ORDER BY 1) AS organization_ids
        FROM unnest(documents) AS doc(id)
      ) s
      WHERE d.id = s.id
        AND (d.scope_city_ids <> s.city_ids OR d.scope_organization_ids <> s.organization_ids)
    $$
  `.execute(db);
  await sql`
    CREATE FUNCTION record_source_scope_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM public.refresh_document_scope(array(
          SELECT DISTINCT document_id FROM new_rows WHERE record_type IN ('city', 'organization')));
      END IF;
      IF TG_OP IN ('DELETE', 'UPDATE') THEN
        PERFORM public.refresh_document_scope(array(
          SELECT DISTINCT document_id FROM old_rows WHERE record_type IN ('city', 'organization')));
      END IF;
      RETURN NULL;
    END $$
  `.execute(db);
  await sql`
    CREATE TRIGGER record_source_scope_insert AFTER INSERT ON record_source
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_source_scope_changed()
  `.execute(db);
  await sql`
    CREATE TRIGGER record_source_scope_update AFTER UPDATE ON record_source
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_source_scope_changed()
  `.execute(db);
  await sql`
    CREATE TRIGGER record_source_scope_delete AFTER DELETE ON record_source
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_source_scope_changed()
  `.execute(db);
  await sql`
    CREATE FUNCTION organization_scope_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM public.refresh_document_scope(array(
        SELECT DISTINCT rs.document_id FROM public.record_source rs
        WHERE rs.record_type = 'organization' AND rs.record_id = OLD.id));
      RETURN NULL;
    END $$
  `.execute(db);
  await sql`
    CREATE TRIGGER organization_document_scope AFTER UPDATE OF city_id OR DELETE ON organization
    FOR EACH ROW EXECUTE FUNCTION organization_scope_changed()
  `.execute(db);
  await sql`
    SELECT refresh_document_scope(array(
      SELECT DISTINCT document_id FROM record_source WHERE record_type IN ('city', 'organization')))
  `.execute(db);
  await sql`CREATE INDEX document_scope_city_idx ON document USING gin (scope_city_ids)`.execute(db);
  await sql`CREATE INDEX document_scope_organization_idx ON document USING gin (scope_organization_ids)`.execute(
    db,
  );
  // The review queue, newest first.
  await sql`
    CREATE INDEX document_pending_idx ON document (published_on DESC, id DESC)
    WHERE scope_city_ids = '{}' AND scope_organization_ids = '{}'
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS organization_document_scope ON organization`.execute(db);
  for (const event of ['insert', 'update', 'delete']) {
    await sql`DROP TRIGGER IF EXISTS ${sql.id(`record_source_scope_${event}`)} ON record_source`.execute(db);
  }
  await sql`DROP FUNCTION IF EXISTS organization_scope_changed()`.execute(db);
  await sql`DROP FUNCTION IF EXISTS record_source_scope_changed()`.execute(db);
  await sql`DROP FUNCTION IF EXISTS refresh_document_scope(integer[])`.execute(db);
  await sql`ALTER TABLE document DROP COLUMN IF EXISTS scope_city_ids, DROP COLUMN IF EXISTS scope_organization_ids`.execute(
    db,
  );
}
