/**
 * A busy city's calendar: visits, events and plan deadlines of the home city spread over the feed's
 * window (a year back and two ahead of today), added to a generated registry (../api/generate.ts),
 * and city days and founding years for every city, so partners' occasions come up as reminders.
 */
import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database } from '../../src/db/database.ts';
import { addDays } from '../../src/reports/reminders/reminder-dates.ts';
import {
  AGREEMENT_TITLES,
  between,
  EVENT_NAMES,
  pick,
  PROGRAM_TITLES,
  seededRandom,
  visitPurpose,
} from '../api/texts.ts';

const BATCH = 1000;
const WINDOW_DAYS = 365 + 730;

async function insertInBatches<T extends keyof Database>(
  db: Kysely<Database>,
  table: T,
  rows: Insertable<Database[T]>[],
): Promise<number[]> {
  const ids: number[] = [];
  for (let start = 0; start < rows.length; start += BATCH) {
    const inserted = await db
      .insertInto(table)
      .values(rows.slice(start, start + BATCH) as never)
      .returning(sql<number>`id`.as('id'))
      .execute();
    ids.push(...inserted.map((row) => (row as { id: number }).id));
  }
  return ids;
}

/**
 * Adds about `items` feed items for the home city as of `today`: 40% visits, 30% events, 30% plan
 * items of 400 agreements; returns how many of each went in.
 */
export async function addFeedItems(
  db: Kysely<Database>,
  homeCityId: number,
  today: string,
  items: number,
): Promise<Record<string, number>> {
  const random = seededRandom(20261126);
  const cities = await db.selectFrom('city').select('id').where('id', '<>', homeCityId).execute();
  const partners = cities.map((city) => city.id);
  const homeOrganizations = (
    await db.selectFrom('organization').select('id').where('city_id', '=', homeCityId).execute()
  ).map((row) => row.id);
  const first = addDays(today, -365);
  const day = () => addDays(first, Math.floor(random() * WINDOW_DAYS));

  const visits = Array.from({ length: Math.round(items * 0.4) }, () => {
    const partner = pick(random, partners);
    const outgoing = random() < 0.5;
    const start = day();
    const timed = random() < 0.5;
    return {
      from_city_id: outgoing ? homeCityId : partner,
      to_city_id: outgoing ? partner : homeCityId,
      start_date: start,
      end_date: addDays(start, between(random, 0, 4)),
      kind: pick(random, ['official', 'working', 'business', 'other'] as const),
      status: start < today ? ('done' as const) : ('planned' as const),
      purpose: visitPurpose(random),
      start_time: timed ? '09:30:00' : null,
      end_time: timed ? '18:00:00' : null,
    };
  });

  const events = Array.from({ length: Math.round(items * 0.3) }, () => {
    const start = day();
    const timed = random() < 0.4;
    const name = pick(random, EVENT_NAMES);
    return {
      name,
      kind: name === 'День города' ? ('city_day' as const) : ('festival' as const),
      city_id: random() < 0.5 ? homeCityId : pick(random, partners),
      start_date: start,
      end_date: random() < 0.3 ? addDays(start, between(random, 1, 3)) : null,
      start_time: timed ? '11:00:00' : null,
      end_time: timed ? '14:00:00' : null,
      description: `В программе: ${pick(random, PROGRAM_TITLES).toLowerCase()}, ${pick(random, PROGRAM_TITLES).toLowerCase()}.`,
    };
  });

  const agreementCount = 400;
  const agreements = Array.from({ length: agreementCount }, () => ({
    kind: 'cooperation' as const,
    title: pick(random, AGREEMENT_TITLES),
    status: 'in_force' as const,
    signed_on: addDays(today, -between(random, 30, 3000)),
    valid_until: random() < 0.2 ? addDays(today, between(random, 1, 700)) : null,
  }));

  return db.transaction().execute(async (trx) => {
    await insertInBatches(trx, 'visit', visits);
    const eventIds = await insertInBatches(trx, 'event', events);
    const participants = eventIds.flatMap((eventId, index) =>
      events[index]!.city_id === homeCityId
        ? [{ event_id: eventId, city_id: pick(random, partners) }]
        : [
            { event_id: eventId, city_id: homeCityId },
            ...(random() < 0.5
              ? [{ event_id: eventId, organization_id: pick(random, homeOrganizations) }]
              : []),
          ],
    );
    await insertInBatches(trx, 'event_participant', participants);
    const agreementIds = await insertInBatches(trx, 'agreement', agreements);
    await insertInBatches(
      trx,
      'agreement_party',
      agreementIds.flatMap((agreementId) => [
        { agreement_id: agreementId, city_id: homeCityId },
        { agreement_id: agreementId, city_id: pick(random, partners) },
      ]),
    );
    const planItems = Array.from({ length: Math.round(items * 0.3) }, () => ({
      agreement_id: pick(random, agreementIds),
      title: pick(random, PROGRAM_TITLES),
      due_on: day(),
      status: pick(random, ['planned', 'in_progress'] as const),
      responsible_organization_id: random() < 0.5 ? pick(random, homeOrganizations) : null,
    }));
    await insertInBatches(trx, 'plan_item', planItems);
    // Every city gets a day and a founding year: a partner's occasions are reminders in the feed.
    await sql`
      UPDATE city SET city_day = to_char(date '2001-01-01' + (id % 365), '--MM-DD'),
                      founded_year = 1000 + (id * 7) % 1000
    `.execute(trx);
    return {
      visits: visits.length,
      events: events.length,
      eventParticipants: participants.length,
      agreements: agreements.length,
      planItems: planItems.length,
    };
  });
}
