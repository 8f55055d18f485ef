/**
 * VTIMEZONE components for the IANA zones a feed uses, computed from the zone data luxon reads
 * (the runtime's ICU). RFC 5545 wants one for every TZID; this writes each zone's offsets and the
 * transitions between them over the years the feed covers.
 */
import { DateTime, IANAZone } from 'luxon';

const HOUR_MS = 3_600_000;

const knownZones = new Map<string, boolean>();

/**
 * Whether the runtime knows an IANA zone of this name. luxon builds an Intl.DateTimeFormat on every
 * call, tens of microseconds; a feed asks once for each of its items, so answers are kept.
 */
export function isKnownZone(name: string): boolean {
  let known = knownZones.get(name);
  if (known === undefined) {
    known = IANAZone.isValidZone(name);
    // Zone names come from city rows: a few hundred at most, unless the free text runs wild.
    if (knownZones.size > 10_000) knownZones.clear();
    knownZones.set(name, known);
  }
  return known;
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** The offset of the zone, in minutes, at an instant. */
function offsetAt(zone: IANAZone, ms: number): number {
  return zone.offset(ms);
}

/** The first instant (to the minute) after `low` with the offset it has at `high`. */
function transitionBetween(zone: IANAZone, low: number, high: number): number {
  const after = offsetAt(zone, high);
  while (high - low > 60_000) {
    const middle = low + Math.floor((high - low) / 120_000) * 60_000;
    if (offsetAt(zone, middle) === after) high = middle;
    else low = middle;
  }
  return high;
}

interface Transition {
  at: number;
  from: number;
  to: number;
}

/** Every change of the zone's offset between two instants. */
export function offsetTransitions(zoneName: string, fromMs: number, toMs: number): Transition[] {
  const zone = IANAZone.create(zoneName);
  const found: Transition[] = [];
  // Zones change their offset at most a few times a year; stepping by 6 hours cannot miss one.
  const step = 6 * HOUR_MS;
  let previous = offsetAt(zone, fromMs);
  for (let ms = fromMs + step; ms <= toMs + step; ms += step) {
    const current = offsetAt(zone, ms);
    if (current !== previous) {
      found.push({ at: transitionBetween(zone, ms - step, ms), from: previous, to: current });
      previous = current;
    }
  }
  return found;
}

function localStamp(ms: number, offsetMinutes: number): string {
  return DateTime.fromMillis(ms + offsetMinutes * 60_000, { zone: 'utc' }).toFormat("yyyyLLdd'T'HHmmss");
}

const definitions = new Map<string, string | null>();

/**
 * The VTIMEZONE of a zone over the years `fromYear` to `toYear` (its lines joined by CRLF), or null
 * for a name that is no IANA zone.
 */
export function vtimezoneGenerator(fromYear: number, toYear: number): (zoneName: string) => string | null {
  return (zoneName) => {
    // Stepping through four years costs thousands of offset look-ups per zone; the zone data of a
    // running process does not change, and feeds are read again every hour.
    const key = `${zoneName} ${fromYear} ${toYear}`;
    let definition = definitions.get(key);
    if (definition === undefined) {
      definition = vtimezone(zoneName, fromYear, toYear);
      if (definitions.size > 10_000) definitions.clear();
      definitions.set(key, definition);
    }
    return definition;
  };
}

function vtimezone(zoneName: string, fromYear: number, toYear: number): string | null {
  if (!isKnownZone(zoneName)) return null;
  const zone = IANAZone.create(zoneName);
  const fromMs = Date.UTC(fromYear, 0, 1);
  const toMs = Date.UTC(toYear + 1, 0, 1);
  const first = offsetAt(zone, fromMs);
  const transitions = offsetTransitions(zoneName, fromMs, toMs);
  // The standard offset is the smaller one of the period; a larger one is daylight saving time.
  const standard = Math.min(first, ...transitions.map((t) => t.to));
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zoneName}`];
  const observance = (startMs: number, from: number, to: number) => {
    const kind = to > standard ? 'DAYLIGHT' : 'STANDARD';
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${localStamp(startMs, from)}`,
      `TZOFFSETFROM:${offsetText(from)}`,
      `TZOFFSETTO:${offsetText(to)}`,
      `END:${kind}`,
    );
  };
  observance(fromMs, first, first);
  for (const t of transitions) observance(t.at, t.from, t.to);
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
