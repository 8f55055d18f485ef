import { sql, type Kysely } from 'kysely';

/**
 * Dates decided once and stored: an agreement signed during a visit with no signing day of its own
 * takes the visit's first day; an event held during a visit with no day of its own takes the visit's
 * days. Accepting an import stores them so from now on (draft-acceptor.ts); this fills the rows
 * stored before, whose dates the annual report used to compute on the fly while the timeline, the
 * home chart, the calendar and its feed showed none. Each row filled is a new version of it.
 *
 * Numbered 0020: 0019 is taken by a change made alongside this one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    UPDATE agreement a
    SET signed_on = v.start_date, version = a.version + 1, updated_at = now()
    FROM visit v
    WHERE v.id = a.signed_at_visit_id AND a.signed_on IS NULL
  `.execute(db);
  await sql`
    UPDATE event e
    SET start_date = v.start_date,
      end_date = CASE WHEN v.end_date > v.start_date THEN v.end_date END,
      version = e.version + 1, updated_at = now()
    FROM visit v
    WHERE v.id = e.visit_id AND e.start_date IS NULL
  `.execute(db);
}

/** The dates filled stay: after them, nothing tells them from dates an editor entered. */
export async function down(): Promise<void> {}
