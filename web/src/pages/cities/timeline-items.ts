import type { Page } from '../../api/client.ts';
import { api } from '../../api/client.ts';
import type { EventRecord } from '../events/event-api.ts';
import type { Visit } from '../visits/visit-api.ts';
import { partnerOf, type Twinning, type TwinningDetails } from './twinning-api.ts';

/** One entry of a twinning's timeline. */
export type TimelineItem =
  | { type: 'twinning'; date: string | null; twinning: Twinning }
  | { type: 'agreement'; date: string | null; id: number; title: string; status: string }
  | {
      type: 'project';
      date: string | null;
      id: number;
      title: string;
      status: string;
      endedOn: string | null;
    }
  | { type: 'visit'; date: string; visit: Visit; outgoing: boolean }
  | { type: 'event'; date: string | null; event: EventRecord };

const ALL = 500;

/** Everything under a twinning, seen from the home city: newest first, undated last. */
export async function loadTwinningTimeline(
  twinning: Twinning,
  homeCityId: number,
  signal: AbortSignal,
): Promise<TimelineItem[]> {
  const partnerId = partnerOf(twinning, homeCityId);
  const [details, visits, partnerEvents, homeEvents] = await Promise.all([
    api.get<TwinningDetails>(`/twinnings/${twinning.id}`, undefined, signal),
    api.get<Page<Visit>>('/visits', { cityId: partnerId, limit: ALL }, signal),
    api.get<Page<EventRecord>>('/events', { cityId: partnerId, limit: ALL }, signal),
    api.get<Page<EventRecord>>('/events', { cityId: homeCityId, limit: ALL }, signal),
  ]);
  const between = visits.items.filter(
    (visit) => partnerOf({ cityAId: visit.fromCityId, cityBId: visit.toCityId }, partnerId) === homeCityId,
  );
  const visitIds = new Set(between.map((visit) => visit.id));
  // An event belongs to the twinning when one city hosted it and the other took part, or a
  // visit between them brought it.
  const tookPart = (event: EventRecord, cityId: number) =>
    event.participants.some((participant) => participant.cityId === cityId) ||
    (event.visitId !== null && visitIds.has(event.visitId));
  const events = [
    ...partnerEvents.items.filter((event) => tookPart(event, homeCityId)),
    ...homeEvents.items.filter((event) => tookPart(event, partnerId)),
  ];
  const items: TimelineItem[] = [
    {
      type: 'twinning',
      date: twinning.establishedOn ?? (twinning.establishedYear ? `${twinning.establishedYear}-01-01` : null),
      twinning,
    },
    ...details.agreements.map((agreement): TimelineItem => ({
      type: 'agreement',
      date: agreement.signedOn ?? agreement.validFrom,
      id: agreement.id,
      title: agreement.title,
      status: agreement.status,
    })),
    ...details.projects.map((project): TimelineItem => ({
      type: 'project',
      date: project.startedOn,
      id: project.id,
      title: project.title,
      status: project.status,
      endedOn: project.endedOn,
    })),
    ...between.map((visit): TimelineItem => ({
      type: 'visit',
      date: visit.startDate,
      visit,
      outgoing: visit.fromCityId === homeCityId,
    })),
    ...[...new Map(events.map((event) => [event.id, event])).values()].map((event): TimelineItem => ({
      type: 'event',
      date: event.startDate,
      event,
    })),
  ];
  return items.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || (a.date === null ? 1 : 0));
}

/** The items by year, newest year first; undated items under `null`, last. */
export function byYear(items: TimelineItem[]): [string | null, TimelineItem[]][] {
  const years = new Map<string | null, TimelineItem[]>();
  for (const item of items) {
    const year = item.date ? item.date.slice(0, 4) : null;
    years.set(year, [...(years.get(year) ?? []), item]);
  }
  return [...years].sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : b.localeCompare(a)));
}
