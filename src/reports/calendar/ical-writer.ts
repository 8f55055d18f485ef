/** Writes calendar items as an iCalendar (.ics) document: pure, no database. */
import { DateTime } from 'luxon';
import { addDays } from '../reminders/reminder-dates.ts';
import { dateValue, escapeText, foldLines, utcDateTimeValue } from './ics-text.ts';
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
const LOCAL_STAMP = "yyyyLLdd'T'HHmmss";

function zoned(moment: LocalMoment & { time: string }, zone: string): DateTime {
  const at = DateTime.fromISO(`${moment.date}T${moment.time}`, { zone });
  if (!at.isValid) throw new Error(`Invalid local time ${moment.date} ${moment.time} in ${zone}`);
  return at;
}

/** The first and the last year the items touch, and the year of `now`. */
function yearsOf(items: CalendarItem[], now: Date): [number, number] {
  let first = now.getUTCFullYear();
  let last = first;
  for (const item of items) {
    for (const date of [item.start.date, item.end?.date ?? item.start.date]) {
      const year = Number(date.slice(0, 4));
      if (year < first) first = year;
      if (year > last) last = year;
    }
  }
  return [first, last];
}

/** The DTSTART and DTEND lines of an item. */
function whenLines(item: CalendarItem): string[] {
  const startTime = item.start.time;
  if (startTime === null) {
    let start = item.start.date;
    let end = addDays(item.end?.date ?? item.start.date, 1);
    // A last day before the first: the dates are swapped, as ical-generator did.
    if (end < start) [start, end] = [end, start];
    return [
      `DTSTART;VALUE=DATE:${dateValue(start)}`,
      `DTEND;VALUE=DATE:${dateValue(end)}`,
      'X-MICROSOFT-CDO-ALLDAYEVENT:TRUE',
      'X-MICROSOFT-MSNCALENDAR-ALLDAYEVENT:TRUE',
    ];
  }
  const zone = item.timezone;
  const start = zoned({ date: item.start.date, time: startTime }, zone);
  const endTime = item.end?.time ?? null;
  let end: DateTime;
  if (item.end && endTime !== null) end = zoned({ date: item.end.date, time: endTime }, zone);
  else if (item.end && item.end.date !== item.start.date)
    end = DateTime.fromISO(addDays(item.end.date, 1), { zone });
  else end = start.plus({ hours: 1 });
  return [
    `DTSTART;TZID=${zone}:${start.toFormat(LOCAL_STAMP)}`,
    `DTEND;TZID=${zone}:${(end < start ? start : end).toFormat(LOCAL_STAMP)}`,
  ];
}

/**
 * The .ics text. A timed item is written on its zone's clock (DTSTART;TZID=Europe/Moscow:…T100000)
 * from a luxon DateTime set in that zone, with a VTIMEZONE for every zone named. An item with dates
 * only is an all-day event whose DTEND is the day after its last day, as RFC 5545 wants. The text
 * is the one ical-generator 10 wrote, property for property, written here in one pass: its line
 * folding took seconds on a feed of ten thousand items, and ical-generator 11, which may fold
 * faster, needs Node 22 (this project runs on 20). The text rules are in ics-text.ts.
 */
export function writeCalendar(items: CalendarItem[], options: CalendarOptions): string {
  const [firstYear, lastYear] = yearsOf(items, options.now);
  const vtimezone = vtimezoneGenerator(firstYear, lastYear);
  const stamp = `DTSTAMP:${utcDateTimeValue(options.now)}`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Pobratim//Pobratim//RU',
    'METHOD:PUBLISH',
    // A user's display name may hold a comma, a semicolon or a line break: escaped as any TEXT.
    `NAME:${escapeText(options.name)}`,
    `X-WR-CALNAME:${escapeText(options.name)}`,
  ];
  const zones = new Set(items.flatMap((item) => (item.start.time === null ? [] : [item.timezone])));
  for (const zone of zones) {
    const definition = vtimezone(zone);
    if (definition !== null) lines.push(definition);
  }
  lines.push('REFRESH-INTERVAL;VALUE=DURATION:PT1H', 'X-PUBLISHED-TTL:PT1H');
  for (const item of items) {
    lines.push('BEGIN:VEVENT', `UID:${item.uid}@${HOST}`, 'SEQUENCE:0', stamp, ...whenLines(item));
    lines.push(`SUMMARY:${escapeText(item.summary)}`);
    if (item.location) lines.push(`LOCATION:${escapeText(item.location)}`);
    if (item.description !== null) lines.push(`DESCRIPTION:${escapeText(item.description)}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return foldLines(lines.join('\r\n'));
}
