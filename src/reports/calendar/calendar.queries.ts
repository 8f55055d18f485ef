/** The registry reads behind the calendar feed: one query per kind of item. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { partyCity } from '../reminders/reminder.queries.ts';

type Db = Kysely<Database>;

/** The zone of places whose own is unknown and of an installation without home cities. */
export const FALLBACK_TIMEZONE = 'Europe/Moscow';

/** The installation's zone: its first home city's, else Moscow's. */
export async function installationTimezone(db: Db): Promise<string> {
  const row = await db
    .selectFrom('home_city')
    .innerJoin('city', 'city.id', 'home_city.city_id')
    .select('city.timezone')
    .where('city.timezone', 'is not', null)
    .orderBy('home_city.city_id')
    .executeTakeFirst();
  return row?.timezone ?? FALLBACK_TIMEZONE;
}

/** Visits not called off with a side among the cities, overlapping the dates; the host city's zone. */
export async function selectFeedVisits(db: Db, cityIds: number[], from: string, to: string) {
  return db
    .selectFrom('visit as v')
    .innerJoin('city as f', 'f.id', 'v.from_city_id')
    .innerJoin('city as t', 't.id', 'v.to_city_id')
    .select([
      'v.id',
      'v.from_city_id',
      'v.to_city_id',
      'v.start_date',
      'v.end_date',
      'v.start_time',
      'v.end_time',
      'v.purpose',
      sql<string>`coalesce(f.name_ru, f.name_en)`.as('from_name'),
      sql<string>`coalesce(t.name_ru, t.name_en)`.as('to_name'),
      't.timezone',
    ])
    .where('v.status', '<>', 'cancelled')
    .where((eb) => eb.or([eb('v.from_city_id', 'in', cityIds), eb('v.to_city_id', 'in', cityIds)]))
    .where('v.end_date', '>=', from)
    .where('v.start_date', '<=', to)
    .orderBy('v.start_date')
    .orderBy('v.id')
    .execute();
}

/** Dated events in the cities or with them (or their institutions) taking part, overlapping the dates. */
export async function selectFeedEvents(db: Db, cityIds: number[], from: string, to: string) {
  return db
    .selectFrom('event as e')
    .innerJoin('city as c', 'c.id', 'e.city_id')
    .select([
      'e.id',
      'e.kind',
      'e.name',
      'e.city_id',
      'e.start_date',
      'e.end_date',
      'e.start_time',
      'e.end_time',
      'e.description',
      sql<string>`coalesce(c.name_ru, c.name_en)`.as('city_name'),
      'c.timezone',
    ])
    .where('e.start_date', 'is not', null)
    .where('e.start_date', '<=', to)
    .where(sql<boolean>`coalesce(e.end_date, e.start_date) >= ${from}`)
    .where((eb) =>
      eb.or([
        eb('e.city_id', 'in', cityIds),
        eb.exists(
          eb
            .selectFrom('event_participant as ep')
            .select(sql`1`.as('one'))
            .whereRef('ep.event_id', '=', 'e.id')
            .where(sql<boolean>`${partyCity('ep')} in (${sql.join(cityIds)})`),
        ),
        // Held during a visit of the city's delegation or to the city (as the annual report has it).
        eb.exists(
          eb
            .selectFrom('visit as v')
            .select(sql`1`.as('one'))
            .whereRef('v.id', '=', 'e.visit_id')
            .where((w) => w.or([w('v.from_city_id', 'in', cityIds), w('v.to_city_id', 'in', cityIds)])),
        ),
      ]),
    )
    .orderBy('e.start_date')
    .orderBy('e.id')
    .execute();
}

/** The participants of these events, each with its city (an organization's city for an organization). */
export async function selectEventParticipants(db: Db, eventIds: number[]) {
  if (eventIds.length === 0) return [];
  return db
    .selectFrom('event_participant as ep')
    .select(['ep.event_id', 'ep.organization_id', partyCity('ep').as('city_id')])
    .where('ep.event_id', 'in', eventIds)
    .execute();
}

/** Open plan items due between the dates, of agreements with a party among the cities. */
export async function selectFeedPlanItems(db: Db, cityIds: number[], from: string, to: string) {
  return db
    .selectFrom('plan_item as pi')
    .innerJoin('agreement as a', 'a.id', 'pi.agreement_id')
    .select([
      'pi.id',
      'pi.title',
      'pi.due_on',
      'pi.agreement_id',
      'pi.responsible_organization_id',
      'a.title as agreement_title',
    ])
    .where('pi.status', 'in', ['planned', 'in_progress'])
    .where('a.status', '<>', 'terminated')
    .where('pi.due_on', '>=', from)
    .where('pi.due_on', '<=', to)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('agreement_party as ap')
          .select(sql`1`.as('one'))
          .whereRef('ap.agreement_id', '=', 'a.id')
          .where(sql<boolean>`${partyCity('ap')} in (${sql.join(cityIds)})`),
      ),
    )
    .orderBy('pi.due_on')
    .orderBy('pi.id')
    .execute();
}
