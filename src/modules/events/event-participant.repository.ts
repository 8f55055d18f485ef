import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Event, Participant } from './event.schema.ts';

/** Who took part in each event, in the order they were recorded. */
export async function selectParticipants(
  db: Kysely<Database>,
  eventIds: number[],
): Promise<Map<number, Event['participants']>> {
  const byEvent = new Map<number, Event['participants']>();
  if (eventIds.length === 0) return byEvent;
  const rows = await db
    .selectFrom('event_participant')
    .selectAll()
    .where('event_id', 'in', eventIds)
    .orderBy('id')
    .execute();
  for (const { event_id, city_id, organization_id, person_id, role, id } of rows) {
    byEvent.set(event_id, [
      ...(byEvent.get(event_id) ?? []),
      { id, cityId: city_id, organizationId: organization_id, personId: person_id, role },
    ]);
  }
  return byEvent;
}

/** Replaces the participants of an event. */
export async function replaceParticipants(
  db: Kysely<Database>,
  eventId: number,
  participants: Participant[],
) {
  await db.deleteFrom('event_participant').where('event_id', '=', eventId).execute();
  if (participants.length === 0) return;
  await db
    .insertInto('event_participant')
    .values(
      participants.map((participant) => ({
        event_id: eventId,
        city_id: participant.cityId,
        organization_id: participant.organizationId,
        person_id: participant.personId,
        role: participant.role,
      })),
    )
    .execute();
}
