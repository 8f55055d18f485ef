import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { testEngines } from '../../src/db/test-database.ts';
import { insertTestCity } from '../../src/modules/audit/test-cities.ts';
import { gatherAnnualReport } from '../../src/reports/annual/annual-report.gather.ts';
import { icsComponents, icsProperty } from '../../src/reports/calendar/ics-lines.ts';
import { buildApp } from '../../src/server/app.ts';
import { insertTestAccounts } from '../../src/server/test-accounts.ts';
import { sharedDir } from '../../src/shared-dir.ts';

const SEED_TEXT = readFileSync(sharedDir('seed', '000_99b162f3906cbee7.txt'), 'utf8');

interface Dated {
  id: number;
  name?: string;
  title?: string;
  signedOn?: string | null;
  startDate?: string | null;
  endDate?: string | null;
}

/**
 * One story on every screen: the seed release says the agreements were signed and the city day held
 * during the visit of 18–21 September 2025, giving them no day of their own. Accepted, they carry the
 * visit's days, and the API (timeline, home chart), the calendar feed and the annual report agree.
 */
for (const engine of testEngines()) {
  describe(`the seed release's dates on ${engine.engine}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    let tokens: Record<string, string>;
    const ids = { baranovichi: 0, kuznetsk: 0 };
    let agreements: Dated[] = [];
    let events: Dated[] = [];
    let twinningId = 0;

    beforeAll(async () => {
      database = await engine.open();
      app = await buildApp({ database });
      ids.baranovichi = await insertTestCity(database.db, 'Барановичи', 'Baranovichi', 'BY');
      ids.kuznetsk = await insertTestCity(database.db, 'Кузнецк', 'Kuznetsk', 'RU');
      await database.db.insertInto('home_city').values({ city_id: ids.baranovichi }).execute();
      tokens = await insertTestAccounts(database.db, [['editor', 'city_editor', ids.baranovichi, null]]);
      const imported = await call('POST', '/api/documents', {
        text: SEED_TEXT,
        publishedOn: '2025-09-25',
        homeCity: 'Барановичи',
      });
      expect(imported.statusCode, imported.body).toBe(201);
      const { document, draft } = imported.json() as { document: { id: number }; draft: object };
      const accepted = await call('POST', `/api/documents/${document.id}/accept`, draft);
      expect(accepted.statusCode, accepted.body).toBe(200);
      const records = accepted.json().records as Array<{ type: string; id: number }>;
      twinningId = records.find((r) => r.type === 'twinning')!.id;
      const visitId = records.find((r) => r.type === 'visit')!.id;
      agreements = (await call('GET', `/api/agreements?visitId=${visitId}`)).json().items;
      events = (await call('GET', `/api/events?visitId=${visitId}`)).json().items;
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    function call(method: 'GET' | 'POST', url: string, payload?: object) {
      return app.inject({ method, url, headers: { authorization: `Bearer ${tokens.editor}` }, payload });
    }

    it('stores the visit’s first day as the agreements’ signing day, and its days as the events’', () => {
      expect(agreements).toHaveLength(2);
      for (const agreement of agreements) expect(agreement.signedOn).toBe('2025-09-18');
      expect(events).toHaveLength(2);
      for (const event of events)
        expect([event.startDate, event.endDate]).toEqual(['2025-09-18', '2025-09-21']);
    });

    it('shows the same dates on the partner’s timeline and counts the agreements on the home chart for 2025', async () => {
      const twinning = (await call('GET', `/api/twinnings/${twinningId}`)).json() as { agreements: Dated[] };
      const onTimeline = twinning.agreements.filter((a) => agreements.some((b) => b.id === a.id));
      expect(onTimeline.map((a) => a.signedOn)).toEqual(['2025-09-18', '2025-09-18']);
      const partnerEvents = (await call('GET', `/api/events?cityId=${ids.kuznetsk}`)).json().items as Dated[];
      expect(partnerEvents.map((e) => e.startDate)).toEqual(events.map(() => '2025-09-18'));
      const statistics = (await call('GET', `/api/statistics?cityId=${ids.baranovichi}`)).json();
      expect(statistics.years).toContainEqual(expect.objectContaining({ year: 2025, agreements: 2 }));
    });

    it('puts the events in the calendar feed on the visit’s days', async () => {
      const feed = await call('POST', '/api/calendar/feed');
      expect(feed.statusCode, feed.body).toBe(200);
      // The feed reaches a year back: read it in the weeks after the visit.
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2025-10-01T09:00:00Z'));
      const ics = await app
        .inject({ method: 'GET', url: new URL(feed.json().url).pathname })
        .finally(() => vi.useRealTimers());
      expect(ics.statusCode).toBe(200);
      const vevents = icsComponents(ics.body, 'VEVENT').filter((v) =>
        icsProperty(v, 'UID')?.value.startsWith('event-'),
      );
      expect(vevents).toHaveLength(2);
      for (const vevent of vevents) {
        expect(icsProperty(vevent, 'DTSTART')?.value).toBe('20250918');
        // All-day events end on the day after the last (RFC 5545).
        expect(icsProperty(vevent, 'DTEND')?.value).toBe('20250922');
      }
    });

    it('tells the same in the annual report: signed on 18 September, events of 18–21 September', async () => {
      const data = await gatherAnnualReport(database.db, ids.baranovichi, 2025, '2026-01-20');
      expect(data.agreementsConcluded.map((a) => a.signedOn)).toEqual(['2025-09-18', '2025-09-18']);
      expect(data.events.map((e) => [e.startDate, e.endDate])).toEqual(
        events.map(() => ['2025-09-18', '2025-09-21']),
      );
      const docx = await call('GET', `/api/reports/annual?cityId=${ids.baranovichi}&year=2025`);
      expect(docx.statusCode).toBe(200);
      const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
      // The table cells run together once the markup is gone; the report writes no-break spaces.
      const text = xml.replace(/<[^>]+>/g, '').replace(/\s/g, ' ');
      expect(text).toContain('лицей № 21 (г. Кузнецк)18 сентября 2025 г.');
      for (const event of events) expect(text).toContain(`18–21 сентября 2025 г.${event.name}`);
    });
  });
}
