/** What a user's calendar feed shows: visits, events, plan deadlines and reminders they may read. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { keptPartnerCityIds } from '../../modules/auth/partners.ts';
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
import {
  FALLBACK_TIMEZONE,
  installationTimezone,
  selectEventParticipants,
  selectFeedEvents,
  selectFeedPlanItems,
  selectFeedVisits,
} from './calendar.queries.ts';
import type { CalendarItem } from './ical-writer.ts';
import { isKnownZone } from './vtimezone.ts';

type Db = Kysely<Database>;

/** How far back and ahead the feed reaches, in days from today. */
export const FEED_DAYS_BACK = 365;
export const FEED_DAYS_AHEAD = 730;

/**
 * A city's zone when it names one the runtime knows, else the fallback: the city's `timezone` is
 * free text (entered by users or loaded from GeoNames), and one bad value must not break a feed.
 */
export function zoneOr(zone: string | null, fallback: string): string {
  return zone !== null && isKnownZone(zone) ? zone : fallback;
}

/**
 * The feed's items for a user, as of `today`: those of the cities the user works for (their roles'
 * cities; administrators: the home cities), each one the user may read.
 */
export async function calendarItemsFor(db: Db, principal: Principal, today: string): Promise<CalendarItem[]> {
  await loadCityCases();
  const cityIds = await readableCityIds(db, principal);
  if (cityIds.length === 0) return [];
  const from = addDays(today, -FEED_DAYS_BACK);
  const to = addDays(today, FEED_DAYS_AHEAD);
  const defaultZone = zoneOr(await installationTimezone(db), FALLBACK_TIMEZONE);
  const publishing = await selectPublishingCityIds(db);
  const readable = (scope: Scope) =>
    can(principal, 'read', { ...scope, published: scope.cityIds.some((id) => publishing.has(id)) });

  const items: CalendarItem[] = [];
  const visits = await selectFeedVisits(db, cityIds, from, to);
  for (const visit of visits) {
    if (!readable({ cityIds: [visit.from_city_id, visit.to_city_id], organizationIds: [] })) continue;
    items.push({
      uid: `visit-${visit.id}`,
      summary: `Визит делегации ${cityNameForms(visit.from_name).genitive} ${cityNameForms(visit.to_name).destination}`,
      description: visit.purpose,
      location: visit.to_name,
      timezone: zoneOr(visit.timezone, defaultZone),
      start: { date: visit.start_date, time: visit.start_time },
      end: { date: visit.end_date, time: visit.end_time },
    });
  }

  const events = await selectFeedEvents(db, cityIds, from, to);
  // A partner's events its staff keep (an established twinning, no editors of its own) are theirs to
  // read, as GET /events/:id has it (`partnerKept`).
  const kept = new Set(await keptPartnerCityIds(db, principal, 'city roles'));
  const participants = await selectEventParticipants(
    db,
    events.map((event) => event.id),
  );
  const participantsOf = new Map<number, typeof participants>();
  for (const participant of participants) {
    participantsOf.set(participant.event_id, [
      ...(participantsOf.get(participant.event_id) ?? []),
      participant,
    ]);
  }
  const cityDays = new Set<string>();
  for (const event of events) {
    const mine = participantsOf.get(event.id) ?? [];
    const scope = {
      cityIds: [event.city_id, ...mine.flatMap((p) => (p.city_id === null ? [] : [p.city_id]))],
      organizationIds: mine.flatMap((p) => (p.organization_id === null ? [] : [p.organization_id])),
    };
    if (!(readable(scope) || kept.has(event.city_id)) || event.start_date === null) continue;
    if (event.kind === 'city_day') cityDays.add(`${event.city_id}:${event.start_date}`);
    items.push({
      uid: `event-${event.id}`,
      summary: event.name,
      description: event.description,
      location: event.city_name,
      timezone: zoneOr(event.timezone, defaultZone),
      start: { date: event.start_date, time: event.start_time },
      end:
        event.end_date === null && event.end_time === null
          ? null
          : { date: event.end_date ?? event.start_date, time: event.end_time },
    });
  }

  const planItems = await selectFeedPlanItems(db, cityIds, from, to);
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
