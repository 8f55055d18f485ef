import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, PositionTable } from '../../db/database.ts';
import type { Position, PositionInput } from './person.schema.ts';

/** Maps a stored position row to the domain shape. */
export function toPosition(row: Selectable<PositionTable>): Position {
  return {
    id: row.id,
    title: row.title,
    organizationId: row.organization_id,
    cityId: row.city_id,
    startedOn: row.started_on,
    endedOn: row.ended_on,
    headsCity: row.heads_city,
  };
}

/** The positions of each person, the current and latest first. */
export async function selectPositions(
  db: Kysely<Database>,
  personIds: number[],
): Promise<Map<number, Position[]>> {
  const byPerson = new Map<number, Position[]>();
  if (personIds.length === 0) return byPerson;
  const rows = await db
    .selectFrom('position')
    .selectAll()
    .where('person_id', 'in', personIds)
    // Current and latest positions first; open-ended ones are current.
    .orderBy(sql`coalesce(ended_on, '9999-12-31')`, 'desc')
    .orderBy(sql`coalesce(started_on, '0001-01-01')`, 'desc')
    .orderBy('id', 'desc')
    .execute();
  for (const row of rows)
    byPerson.set(row.person_id, [...(byPerson.get(row.person_id) ?? []), toPosition(row)]);
  return byPerson;
}

/** Replaces a person's positions with `positions`. */
export async function replacePositions(db: Kysely<Database>, personId: number, positions: PositionInput[]) {
  await db.deleteFrom('position').where('person_id', '=', personId).execute();
  if (positions.length === 0) return;
  await db
    .insertInto('position')
    .values(
      positions.map((position) => ({
        person_id: personId,
        title: position.title,
        organization_id: position.organizationId,
        city_id: position.cityId,
        started_on: position.startedOn,
        ended_on: position.endedOn,
        heads_city: position.headsCity,
      })),
    )
    .execute();
}
