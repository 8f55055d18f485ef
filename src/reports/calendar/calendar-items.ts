/** What a user's calendar feed shows: visits, events, plan deadlines and reminders they may read. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { can, type Scope } from '../../modules/auth/policy.ts';
import type { Principal } from '../../modules/auth/principal.ts';
import { cityNameForms, loadCityCases } from '../reminders/city-case.ts';
import { addDays } from '../reminders/reminder-dates.ts';
import {
  selectAgreementScopes,
  selectOrganizationCities,
  selectPublishingCityIds,
} from '../reminders/reminder.queries.ts';
import { listReminders, readableCityIds } from '../reminders/reminder.service.ts';
import { quoted } from '../reminders/russian-words.ts';
import type { CalendarItem } from './ical-writer.ts';

type Db = Kysely<Database>;

/** The zone of places whose own is unknown and of an installation without home cities. */
export const FALLBACK_TIMEZONE = 'Europe/Moscow';
/** How far back and ahead the feed reaches, in days from today. */
export const FEED_DAYS_BACK = 365;
export const FEED_DAYS_AHEAD = 730;

const partyCity = (alias: string) =>
  sql<number>`coalesce(${sql.ref(`${alias}.city_id`)}, (select o.city_id from organization o where o.id = ${sql.ref(`${alias}.organization_id`)}))`;

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

/** The feed's items for a user, as of `today`, each one the user may read. */
export async function calendarItemsFor(db: Db, principal: Principal, today: string): Promise<CalendarItem[]> {
  await loadCityCases();
  const cityIds = await readableCityIds(db, principal);
  if (cityIds.length === 0) return [];
  const from = addDays(today, -FEED_DAYS_BACK);
  const to = addDays(today, FEED_DAYS_AHEAD);
  const defaultZone = await installationTimezone(db);
  const publishing = await selectPublishingCityIds(db);
  const readable = (scope: Scope) =>
    can(principal, 'read', { ...scope, published: scope.cityIds.some((id) => publishing.has(id)) });

  const items: CalendarItem[] = [];
  const visits = await db
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
  for (const visit of visits) {
    if (!readable({ cityIds: [visit.from_city_id, visit.to_city_id], organizationIds: [] })) continue;
    items.push({
      uid: `visit-${visit.id}`,
      summary: `Визит делегации ${cityNameForms(visit.from_name).genitive} ${cityNameForms(visit.to_name).destination}`,
      description: visit.purpose,
      location: visit.to_name,
      timezone: visit.timezone ?? defaultZone,
      start: { date: visit.start_date, time: visit.start_time },
      end: { date: visit.end_date, time: visit.end_time },
    });
  }

  const events = await db
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
      ]),
    )
    .orderBy('e.start_date')
    .orderBy('e.id')
    .execute();
  const participants = events.length
    ? await db
        .selectFrom('event_participant as ep')
        .select(['ep.event_id', 'ep.organization_id', partyCity('ep').as('city_id')])
        .where(
          'ep.event_id',
          'in',
          events.map((event) => event.id),
        )
        .execute()
    : [];
  const cityDays = new Set<string>();
  for (const event of events) {
    const mine = participants.filter((p) => p.event_id === event.id);
    const scope = {
      cityIds: [event.city_id, ...mine.flatMap((p) => (p.city_id === null ? [] : [p.city_id]))],
      organizationIds: mine.flatMap((p) => (p.organization_id === null ? [] : [p.organization_id])),
    };
    if (!readable(scope) || event.start_date === null) continue;
    if (event.kind === 'city_day') cityDays.add(`${event.city_id}:${event.start_date}`);
    items.push({
      uid: `event-${event.id}`,
      summary: event.name,
      description: event.description,
      location: event.city_name,
      timezone: event.timezone ?? defaultZone,
      start: { date: event.start_date, time: event.start_time },
      end:
        event.end_date === null && event.end_time === null
          ? null
          : { date: event.end_date ?? event.start_date, time: event.end_time },
    });
  }

  const planItems = await db
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
  const agreementScopes = await selectAgreementScopes(
    db,
    planItems.map((item) => item.agreement_id),
  );
  const responsibleCities = await selectOrganizationCities(
    db,
    planItems.flatMap((item) =>
      item.responsible_organization_id === null ? [] : [item.responsible_organization_id],
    ),
  );
  for (const item of planItems) {
    const parties = agreementScopes.get(item.agreement_id) ?? { cityIds: [], organizationIds: [] };
    const responsible = item.responsible_organization_id;
    const responsibleCity = responsible === null ? undefined : responsibleCities.get(responsible);
    const scope = {
      cityIds: [...parties.cityIds, ...(responsibleCity === undefined ? [] : [responsibleCity])],
      organizationIds: [...parties.organizationIds, ...(responsible === null ? [] : [responsible])],
    };
    if (!readable(scope) || item.due_on === null) continue;
    items.push({
      uid: `plan-item-${item.id}`,
      summary: `Срок пункта плана ${quoted(item.title)}`,
      description: `План по соглашению ${quoted(item.agreement_title)}`,
      location: null,
      timezone: defaultZone,
      start: { date: item.due_on, time: null },
      end: null,
    });
  }

  // Plan deadlines are in the feed already; a quiet partnership has no day of its own.
  const reminders = await listReminders(db, principal, {
    cityIds,
    from: today,
    days: 365,
    kinds: ['city_day', 'jubilee', 'twinning_anniversary', 'agreement_ending'],
  });
  const seen = new Set<string>();
  for (const reminder of reminders.items) {
    // A city day recorded as an event of the registry is in the feed already.
    if (reminder.kind === 'city_day' && cityDays.has(`${reminder.partnerCityId}:${reminder.date}`)) continue;
    const about = reminder.records.map((record) => `${record.type}-${record.id}`).join('-');
    // A partner's day or jubilee is one occasion, however many of the user's cities it is a partner of.
    const key =
      reminder.kind === 'city_day' || reminder.kind === 'jubilee'
        ? `reminder-${reminder.kind}-${reminder.date}-city-${reminder.partnerCityId}`
        : `reminder-${reminder.kind}-${reminder.date}-${about}`;
    if (seen.has(key)) continue;
    seen.add(key);
    items.push({
      uid: key,
      summary: reminder.title,
      description: reminder.detail,
      location: null,
      timezone: defaultZone,
      start: { date: reminder.date, time: null },
      end: null,
    });
  }
  return items;
}
