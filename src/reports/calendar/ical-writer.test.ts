import { describe, expect, it } from 'vitest';
import { icsComponents, icsProperty, unfoldIcs } from './ics-lines.ts';
import { writeCalendar, type CalendarItem } from './ical-writer.ts';

const now = new Date('2025-09-10T12:00:00Z');

const visit: CalendarItem = {
  uid: 'visit-1',
  summary: 'Визит делегации Барановичей в Кузнецк',
  description: 'Участие в праздновании Дня города; встреча в администрации, концерт',
  location: 'Кузнецк',
  timezone: 'Europe/Moscow',
  start: { date: '2025-09-18', time: '10:00:00' },
  end: { date: '2025-09-21', time: '18:30:00' },
};

function only(text: string) {
  const [event] = icsComponents(text, 'VEVENT');
  if (!event) throw new Error('no VEVENT');
  return event;
}

describe('iCalendar writer', () => {
  it('writes a Moscow visit at 10:00 on Moscow’s clock, whatever the server’s zone', () => {
    const event = only(writeCalendar([visit], { name: 'Побратим', now }));
    expect(icsProperty(event, 'DTSTART')).toEqual({
      name: 'DTSTART',
      params: { TZID: 'Europe/Moscow' },
      value: '20250918T100000',
    });
    expect(icsProperty(event, 'DTEND')?.value).toBe('20250921T183000');
    expect(icsProperty(event, 'SUMMARY')?.value).toBe('Визит делегации Барановичей в Кузнецк');
    expect(icsProperty(event, 'DESCRIPTION')?.value).toBe(visit.description);
    expect(icsProperty(event, 'UID')?.value).toBe('visit-1@pobratim');
    expect(icsProperty(event, 'DTSTAMP')?.value).toBe('20250910T120000Z');
  });

  it('defines every zone it names: Moscow without daylight saving, Berlin with its 2025 changes', () => {
    const berlin: CalendarItem = {
      ...visit,
      uid: 'event-2',
      timezone: 'Europe/Berlin',
      start: { date: '2025-10-26', time: '09:00' },
      end: null,
    };
    const text = writeCalendar([visit, berlin], { name: 'Побратим', now });
    const zones = icsComponents(text, 'VTIMEZONE');
    expect(zones.map((zone) => icsProperty(zone, 'TZID')?.value)).toEqual(['Europe/Moscow', 'Europe/Berlin']);
    const moscow = zones[0] ?? [];
    expect(moscow.filter((p) => p.name === 'TZOFFSETTO').map((p) => p.value)).toEqual(['+0300']);
    const berlinZone = zones[1] ?? [];
    const starts = berlinZone.filter((p) => p.name === 'DTSTART').map((p) => p.value);
    expect(starts).toContain('20250330T020000');
    expect(starts).toContain('20251026T030000');
    expect(berlinZone.filter((p) => p.name === 'TZOFFSETTO').map((p) => p.value)).toEqual([
      '+0100',
      '+0200',
      '+0100',
    ]);
    // On the day Berlin leaves summer time, 09:00 is still 09:00 local; an hour long by default.
    const event = icsComponents(text, 'VEVENT')[1] ?? [];
    expect(icsProperty(event, 'DTSTART')?.value).toBe('20251026T090000');
    expect(icsProperty(event, 'DTEND')?.value).toBe('20251026T100000');
  });

  it('writes items with dates only as all-day events with the exclusive end RFC 5545 wants', () => {
    const dated: CalendarItem = {
      ...visit,
      start: { date: '2025-12-30', time: null },
      end: { date: '2026-01-02', time: null },
    };
    const single: CalendarItem = {
      ...visit,
      uid: 'plan-item-3',
      start: { date: '2028-02-29', time: null },
      end: null,
    };
    const [multi, leap] = icsComponents(writeCalendar([dated, single], { name: 'Побратим', now }), 'VEVENT');
    expect(icsProperty(multi ?? [], 'DTSTART')).toEqual({
      name: 'DTSTART',
      params: { VALUE: 'DATE' },
      value: '20251230',
    });
    expect(icsProperty(multi ?? [], 'DTEND')).toEqual({
      name: 'DTEND',
      params: { VALUE: 'DATE' },
      value: '20260103',
    });
    expect(icsProperty(leap ?? [], 'DTSTART')?.value).toBe('20280229');
    expect(icsProperty(leap ?? [], 'DTEND')?.value).toBe('20280301');
  });

  it('folds long Russian lines and escapes commas, and reads back the same text', () => {
    const long = {
      ...visit,
      summary: 'Визит делегации Нижнего Новгорода, Пензы и Кузнецка в Барановичи'.repeat(2),
    };
    const text = writeCalendar([long], { name: 'Побратим', now });
    // RFC 5545 §3.1: lines of at most 75 octets, Cyrillic letters being two each, never split inside one.
    expect(Math.max(...text.split('\r\n').map((line) => Buffer.byteLength(line)))).toBeLessThanOrEqual(75);
    expect(text).not.toContain('\ufffd');
    expect(text.split('\r\n').some((line) => line.startsWith(' '))).toBe(true);
    expect(unfoldIcs(text)).toContain('SUMMARY:' + long.summary.replace(/,/g, '\\,'));
    expect(icsProperty(only(text), 'SUMMARY')?.value).toBe(long.summary);
  });

  it('keeps a calendar name with a comma, a semicolon and a line break on its one line', () => {
    const name = 'Побратим: Иванова, Анна; отдел\nмеждународных связей';
    const lines = unfoldIcs(writeCalendar([visit], { name, now }));
    const header = lines.slice(0, lines.indexOf('BEGIN:VEVENT'));
    expect(header).toContain('X-WR-CALNAME:Побратим: Иванова\\, Анна\\; отдел\\nмеждународных связей');
    expect(header).toContain('NAME:Побратим: Иванова\\, Анна\\; отдел\\nмеждународных связей');
    // Every line of the header is a property: nothing of the name spilled onto a line of its own.
    expect(header.every((line) => /^[A-Z-]+[:;]/.test(line))).toBe(true);
  });

  it('writes a feed of 12,000 items that reads back with every item, each zone defined once', () => {
    const zones = ['Europe/Moscow', 'Europe/Berlin', 'Asia/Shanghai'];
    const items: CalendarItem[] = Array.from({ length: 12_000 }, (_, n) => ({
      ...visit,
      uid: `visit-${n}`,
      summary: `${visit.summary} № ${n}, 🎉`,
      timezone: zones[n % zones.length] ?? 'Europe/Moscow',
      start: { date: `2026-0${(n % 9) + 1}-1${n % 10}`, time: n % 2 === 0 ? '09:30' : null },
      end: null,
    }));
    const text = writeCalendar(items, { name: 'Побратим', now });
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const events = icsComponents(text, 'VEVENT');
    expect(events).toHaveLength(items.length);
    expect(events.map((event) => icsProperty(event, 'UID')?.value)).toEqual(
      items.map((item) => `${item.uid}@pobratim`),
    );
    expect(icsProperty(events[11_999] ?? [], 'SUMMARY')?.value).toBe(items[11_999]?.summary);
    expect(
      icsComponents(text, 'VTIMEZONE')
        .map((zone) => icsProperty(zone, 'TZID')?.value)
        .sort(),
    ).toEqual([...zones].sort());
  });
});
