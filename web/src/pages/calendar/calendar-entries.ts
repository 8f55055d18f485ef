import { api, type Page } from '../../api/client.ts';
import type { EventRecord } from '../events/event-api.ts';
import type { Reminder } from '../home/reminder-text.ts';
import type { Visit } from '../visits/visit-api.ts';

/** One thing on the calendar, on each day from `start` to `end`. */
export interface CalendarEntry {
  key: string;
  type: 'visit' | 'event' | 'deadline' | 'reminder';
  start: string;
  end: string;
  /** The text in the user's language. */
  title: string;
  /** Where the entry's record is, when it has a page. */
  href: string | null;
  overdue?: boolean;
  visit?: Visit;
}

interface PlanItem {
  id: number;
  agreementId: number;
  title: string;
  dueOn: string | null;
  status: string;
}

const ALL = 500;

/** `YYYY-MM-DD` of a local date. */
export function isoDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The first and last day of a month given as `YYYY-MM`. */
export function monthRange(month: string): { from: string; to: string; days: number } {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const days = new Date(year, number, 0).getDate();
  return { from: `${month}-01`, to: `${month}-${String(days).padStart(2, '0')}`, days };
}

function reminderHref(reminder: Reminder): string | null {
  const record = reminder.records[0];
  if (record?.type === 'agreement') return `/agreements/${record.id}`;
  if (record?.type === 'city') return `/cities/${record.id}`;
  if (reminder.partnerCityId !== null) return `/cities/${reminder.partnerCityId}`;
  return null;
}

/**
 * What falls in a month: visits and events overlapping it, plan deadlines in it, and the
 * reminders of its days (city days, jubilees, anniversaries, agreements ending). Plan items due
 * come from the plan itself, so their reminders are left out to show each deadline once.
 */
export async function loadMonth(
  month: string,
  labels: { deadline: (title: string) => string; reminder: (reminder: Reminder) => string },
  signal: AbortSignal,
): Promise<CalendarEntry[]> {
  const { from, to, days } = monthRange(month);
  const year = Number(month.slice(0, 4));
  const [visits, previousYearVisits, events, plan, reminders] = await Promise.all([
    api.get<Page<Visit>>('/visits', { year, limit: ALL }, signal),
    // A visit from late December runs into January.
    month.endsWith('-01')
      ? api.get<Page<Visit>>('/visits', { year: year - 1, limit: ALL }, signal)
      : Promise.resolve({ items: [], nextCursor: null } as Page<Visit>),
    api.get<Page<EventRecord>>('/events', { from, to, limit: ALL }, signal),
    api.get<Page<PlanItem>>('/plan-items', { sort: 'dueOn', limit: ALL }, signal),
    api.get<{ items: Reminder[] }>('/reminders', { from, days }, signal),
  ]);
  const entries: CalendarEntry[] = [];
  for (const visit of [...visits.items, ...previousYearVisits.items]) {
    if (visit.endDate < from || visit.startDate > to) continue;
    entries.push({
      key: `visit-${visit.id}`,
      type: 'visit',
      start: visit.startDate,
      end: visit.endDate,
      title: visit.purpose ?? '',
      href: `/visits/${visit.id}`,
      visit,
    });
  }
  for (const event of events.items) {
    if (!event.startDate) continue;
    entries.push({
      key: `event-${event.id}`,
      type: 'event',
      start: event.startDate,
      end: event.endDate ?? event.startDate,
      title: event.name,
      href: `/events/${event.id}`,
    });
  }
  for (const item of plan.items) {
    if (!item.dueOn || item.dueOn < from || item.dueOn > to) continue;
    if (item.status === 'done' || item.status === 'cancelled') continue;
    entries.push({
      key: `plan-${item.id}`,
      type: 'deadline',
      start: item.dueOn,
      end: item.dueOn,
      title: labels.deadline(item.title),
      href: `/agreements/${item.agreementId}`,
    });
  }
  for (const [index, reminder] of reminders.items.entries()) {
    if (reminder.kind === 'plan_item_due' || reminder.wholeYear) continue;
    if (reminder.date < from || reminder.date > to) continue;
    entries.push({
      key: `reminder-${index}`,
      type: 'reminder',
      start: reminder.date,
      end: reminder.date,
      title: labels.reminder(reminder),
      href: reminderHref(reminder),
      overdue: reminder.overdue,
    });
  }
  return entries.sort((a, b) => a.start.localeCompare(b.start) || a.type.localeCompare(b.type));
}

/** The entries on a day. */
export function entriesOn(entries: CalendarEntry[], day: string): CalendarEntry[] {
  return entries.filter((entry) => entry.start <= day && day <= entry.end);
}
