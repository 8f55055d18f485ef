import { sql, type Kysely } from 'kysely';

/**
 * A program item's time of day, on the visited city's clock: when it starts and when it ends
 * («10:00–11:30»), each optional; an item does not end before it starts (one runs within its day).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE visit_program_item
      ADD COLUMN start_time time(0),
      ADD COLUMN end_time time(0),
      ADD CONSTRAINT visit_program_item_time_order
        CHECK (start_time IS NULL OR end_time IS NULL OR end_time >= start_time)
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE visit_program_item
      DROP CONSTRAINT IF EXISTS visit_program_item_time_order,
      DROP COLUMN IF EXISTS end_time,
      DROP COLUMN IF EXISTS start_time
  `.execute(db);
}
