/** Writes calendar items as an iCalendar (.ics) document: pure, no database. */
import ical, { ICalCalendarMethod } from 'ical-generator';
import { DateTime } from 'luxon';
import { addDays } from '../reminders/reminder-dates.ts';
import { vtimezoneGenerator } from './vtimezone.ts';

/** A day, and a local clock time on it ('HH:MM' or 'HH:MM:SS') when one is known. */
export interface LocalMoment {
  date: string;
  time: string | null;
}

/** One item of a calendar feed, in the time zone of the place it happens. */
export interface CalendarItem {
  /** Stable across refreshes, so a calendar updates an item instead of adding it twice. */
  uid: string;
  summary: string;
  description: string | null;
  location: string | null;
  /** IANA zone of the place: the clock `start.time` and `end.time` are read on. */
  timezone: string;
  start: LocalMoment;
  /** The last day (inclusive) and, for a timed item, the time it ends; null when it is one moment or one day. */
  end: LocalMoment | null;
}

export interface CalendarOptions {
  name: string;
  /** The DTSTAMP of every item. */
  now: Date;
}

const HOST = 'pobratim';

function zoned(moment: LocalMoment & { time: string }, zone: string): DateTime {
  const at = DateTime.fromISO(`${moment.date}T${moment.time}`, { zone });
  if (!at.isValid) throw new Error(`Invalid local time ${moment.date} ${moment.time} in ${zone}`);
  return at;
}

/**
 * The .ics text. A timed item is written on its zone's clock (DTSTART;TZID=Europe/Moscow:…T100000)
 * from a luxon DateTime set in that zone: ical-generator given a plain Date with a TZID would print
 * the server's clock time instead. An item with dates only is an all-day event whose DTEND is the
 * day after its last day, as RFC 5545 wants.
 */
export function writeCalendar(items: CalendarItem[], options: CalendarOptions): string {
  const years = items
    .flatMap((item) => [item.start.date, item.end?.date ?? item.start.date])
    .map((d) => Number(d.slice(0, 4)));
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Pobratim', product: 'Pobratim', language: 'RU' },
    method: ICalCalendarMethod.PUBLISH,
    timezone: {
      name: null,
      generator: vtimezoneGenerator(
        Math.min(...years, options.now.getUTCFullYear()),
        Math.max(...years, options.now.getUTCFullYear()),
      ),
    },
    ttl: 60 * 60,
  });
  for (const item of items) {
    const common = {
      id: `${item.uid}@${HOST}`,
      summary: item.summary,
      description: item.description,
      location: item.location,
      stamp: options.now,
    };
    const startTime = item.start.time;
    if (startTime === null) {
      const last = item.end?.date ?? item.start.date;
      calendar.createEvent({
        ...common,
        allDay: true,
        start: DateTime.fromISO(item.start.date, { zone: 'utc' }),
        end: DateTime.fromISO(addDays(last, 1), { zone: 'utc' }),
      });
      continue;
    }
    const start = zoned({ date: item.start.date, time: startTime }, item.timezone);
    const endTime = item.end?.time ?? null;
    let end: DateTime;
    if (item.end && endTime !== null) end = zoned({ date: item.end.date, time: endTime }, item.timezone);
    else if (item.end && item.end.date !== item.start.date)
      end = DateTime.fromISO(addDays(item.end.date, 1), { zone: item.timezone });
    else end = start.plus({ hours: 1 });
    calendar.createEvent({ ...common, timezone: item.timezone, start, end: end < start ? start : end });
  }
  return calendar.toString();
}
