import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '../db/connect.ts';
import { testEngines } from '../db/test-database.ts';
import { buildApp } from '../server/app.ts';
import { insertTestAccounts } from '../server/test-accounts.ts';
import {
  insertReminderTestRegistry,
  type ReminderTestRegistry,
} from '../reports/reminders/reminder-test-registry.ts';
import { icsComponents, icsProperty, type IcsProperty } from '../reports/calendar/ics-lines.ts';

const nbsp = '\u00a0';

describe.each(testEngines())('calendar feed on $engine', ({ open }) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let ids: ReminderTestRegistry;
  let tokens: Record<string, string>;

  beforeAll(async () => {
    // The feed reaches a year back and two ahead of today: today is 10 September 2025 here.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2025-09-10T09:00:00Z') });
    database = await open();
    app = await buildApp({ database });
    ids = await insertReminderTestRegistry(database.db);
    tokens = await insertTestAccounts(database.db, [
      ['baranovichi', 'city_viewer', ids.baranovichi, null],
      ['penza', 'city_editor', ids.penza, null],
    ]);
  });
  afterAll(async () => {
    vi.useRealTimers();
    await app.close();
    await database.close();
  });

  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });

  async function feedUrl(who: string): Promise<string> {
    const response = await app.inject({ method: 'POST', url: '/api/calendar/feed', headers: as(who) });
    expect(response.statusCode, response.body).toBe(200);
    const { url } = response.json() as { url: string };
    expect(url).toMatch(/^http:\/\/localhost:80\/api\/calendar\/pbc_[A-Za-z0-9_-]{43}\.ics$/);
    return new URL(url).pathname;
  }

  async function eventsAt(path: string): Promise<IcsProperty[][]> {
    // No cookie, no token: the secret in the address is the key.
    const response = await app.inject({ method: 'GET', url: path });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    return icsComponents(response.body, 'VEVENT');
  }

  const bySummary = (events: IcsProperty[][], summary: string) =>
    events.filter((event) => icsProperty(event, 'SUMMARY')?.value === summary);

  it('serves Baranovichi’s visits, events, deadlines and reminders at the secret URL', async () => {
    const events = await eventsAt(await feedUrl('baranovichi'));
    const summaries = events.map((event) => icsProperty(event, 'SUMMARY')?.value).sort();
    expect(summaries).toEqual(
      [
        'Визит делегации Барановичей в Кузнецк',
        'День города Кузнецка',
        'Срок пункта плана «Обмен выставками детского рисунка»',
        'Срок пункта плана «Турнир по мини-футболу»',
        'Срок пункта плана «Стажировка учителей»',
        `245${nbsp}лет со дня основания Кузнецка`,
        `10${nbsp}лет побратимству с Кузнецком`,
        'Истекает срок действия: «Соглашение о побратимских связях»',
      ].sort(),
    );

    const [visit] = bySummary(events, 'Визит делегации Барановичей в Кузнецк');
    expect(icsProperty(visit ?? [], 'DTSTART')).toEqual({
      name: 'DTSTART',
      params: { TZID: 'Europe/Moscow' },
      value: '20250918T100000',
    });
    expect(icsProperty(visit ?? [], 'DTEND')?.value).toBe('20250921T183000');
    expect(icsProperty(visit ?? [], 'LOCATION')?.value).toBe('Кузнецк');

    // The city day is recorded as an event: the feed holds it once, all day, not again as a reminder.
    const [cityDay] = bySummary(events, 'День города Кузнецка');
    expect(icsProperty(cityDay ?? [], 'DTSTART')).toEqual({
      name: 'DTSTART',
      params: { VALUE: 'DATE' },
      value: '20250920',
    });
    expect(icsProperty(cityDay ?? [], 'DTEND')?.value).toBe('20250921');
    const [jubilee] = bySummary(events, `245${nbsp}лет со дня основания Кузнецка`);
    expect(icsProperty(jubilee ?? [], 'DTSTART')?.value).toBe('20250920');
    const [overdue] = bySummary(events, 'Срок пункта плана «Обмен выставками детского рисунка»');
    expect(icsProperty(overdue ?? [], 'DTSTART')?.params).toEqual({ VALUE: 'DATE' });
    expect(icsProperty(overdue ?? [], 'DTSTART')?.value).toBe('20250909');
  });

  it('leaves out another city’s private visit, and shows it to that city', async () => {
    const baranovichi = await eventsAt(await feedUrl('baranovichi'));
    const penzaVisit = 'Визит делегации Пензы в Кузнецк';
    expect(bySummary(baranovichi, penzaVisit)).toHaveLength(0);
    expect(
      baranovichi.some((event) => icsProperty(event, 'UID')?.value === `visit-${ids.penzaVisit}@pobratim`),
    ).toBe(false);
    const penza = await eventsAt(await feedUrl('penza'));
    const [visit] = bySummary(penza, penzaVisit);
    // Dates only: an all-day event over both days.
    expect(icsProperty(visit ?? [], 'DTSTART')?.value).toBe('20250924');
    expect(icsProperty(visit ?? [], 'DTEND')?.value).toBe('20250926');
    expect(bySummary(penza, 'Визит делегации Барановичей в Кузнецк')).toHaveLength(0);
  });

  it('answers 404 to a wrong, replaced or revoked secret, and 401 to a stranger asking for one', async () => {
    const first = await feedUrl('baranovichi');
    const second = await feedUrl('baranovichi');
    expect(second).not.toBe(first);
    expect((await app.inject({ method: 'GET', url: first })).statusCode).toBe(404);
    await eventsAt(second);
    const wrong = await app.inject({ method: 'GET', url: `/api/calendar/pbc_${'A'.repeat(43)}.ics` });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.message).toBe('There is no calendar feed at this address.');
    expect((await app.inject({ method: 'GET', url: '/api/calendar/feed.ics' })).statusCode).toBe(404);
    const revoke = await app.inject({
      method: 'DELETE',
      url: '/api/calendar/feed',
      headers: as('baranovichi'),
    });
    expect(revoke.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: second })).statusCode).toBe(404);
    const again = await app.inject({
      method: 'DELETE',
      url: '/api/calendar/feed',
      headers: as('baranovichi'),
    });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.message).toBe('You have no calendar feed to stop.');
    expect((await app.inject({ method: 'POST', url: '/api/calendar/feed' })).statusCode).toBe(401);
  });

  it('stores only a hash of the secret', async () => {
    const path = await feedUrl('penza');
    const secret = /\/(pbc_[^/]+)\.ics$/.exec(path)?.[1] ?? '';
    const rows = await database.db.selectFrom('calendar_feed').select('secret_hash').execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.secret_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.secret_hash).not.toContain(secret);
    }
  });

  it('writes a timed visit to a city of unknown or misspelt zone on the installation’s clock (its first home city’s)', async () => {
    await database.db
      .updateTable('city')
      .set({ timezone: 'Europe/Smolensk' })
      .where('id', '=', ids.smolensk)
      .execute();
    await database.db
      .insertInto('visit')
      .values({
        from_city_id: ids.baranovichi,
        to_city_id: ids.smolensk,
        start_date: '2025-10-02',
        end_date: '2025-10-02',
        start_time: '09:30',
        end_time: '17:00',
      })
      .execute();
    const events = await eventsAt(await feedUrl('baranovichi'));
    const [visit] = bySummary(events, 'Визит делегации Барановичей в Смоленск');
    expect(icsProperty(visit ?? [], 'DTSTART')).toEqual({
      name: 'DTSTART',
      params: { TZID: 'Europe/Minsk' },
      value: '20251002T093000',
    });
    expect(icsProperty(visit ?? [], 'DTEND')?.value).toBe('20251002T170000');
  });
});
