/**
 * The iCalendar feed of a busy city: the real application (buildApp, app.inject) serving a city
 * editor's feed of about 12,000 items, against the baseline of the bare SQL that reads the same
 * rows through the same database handle and a minimal serialization of them (one VEVENT each, no
 * folding, no time zones).
 *
 *   npx tsx bench/calendar-feed.bench.ts [server|pglite|both] [--items N] [--rounds N] [--profile]
 *
 * The registry is the API benchmark's (generate.ts, 20,000 visits over 22 years) plus, for the home
 * city, visits, events and plan deadlines spread over the feed's window (a year back, two ahead of
 * today) and partners with city days and founding years. The feed and the baseline alternate within
 * a round, so load from other jobs falls on both; the headline is the ratio of their best times.
 * The first request, which also loads the dictionaries and makes each zone's VTIMEZONE, is timed
 * on its own. --profile prints the time of each stage of the feed (items, writing) once.
 */
import { loadavg } from 'node:os';
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/database.ts';
import { calendarItemsFor } from '../src/reports/calendar/calendar-items.ts';
import { rotateCalendarFeedSecret } from '../src/reports/calendar/calendar-feed.repository.ts';
import { writeCalendar } from '../src/reports/calendar/ical-writer.ts';
import { icsComponents } from '../src/reports/calendar/ics-lines.ts';
import { loadPrincipal } from '../src/modules/auth/principal.ts';
import { addDays } from '../src/reports/reminders/reminder-dates.ts';
import { todayUtc } from '../src/reports/reminders/reminder.service.ts';
import { buildApp } from '../src/server/app.ts';
import { createAndFill } from './api/generate.ts';
import { addFeedItems } from './calendar/feed-data.ts';
import { baselineFeed } from './calendar/feed-baseline.ts';
import { benchArgs } from './args.ts';

const { argv, engines, option } = benchArgs();
const ITEMS = option('--items', 12_000);
const ROUNDS = option('--rounds', 5);

async function time<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

async function stages(db: Kysely<Database>, userId: number) {
  const principal = await loadPrincipal(db, userId);
  if (!principal) throw new Error('no principal');
  const items = await time(() => calendarItemsFor(db, principal, todayUtc()));
  const text = await time(async () => writeCalendar(items.result, { name: 'Побратим', now: new Date() }));
  console.log(
    `  stages: items ${items.ms.toFixed(0)} ms (${items.result.length}), writing ${text.ms.toFixed(0)} ms`,
  );
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

for (const engine of engines) {
  const { database, handle, generated } = await createAndFill(
    engine,
    { visits: 20_000, documents: 0 },
    () => {},
  );
  const { db } = handle;
  const today = todayUtc();
  const counts = await addFeedItems(db, generated.homeCityId, today, ITEMS);
  const user = await db
    .selectFrom('app_user')
    .select('id')
    .where('email', '=', 'editor@example.org')
    .executeTakeFirstOrThrow();
  const path = `/api/calendar/${await rotateCalendarFeedSecret(db, user.id)}.ics`;
  const app = await buildApp({ database: handle });
  const window = { from: addDays(today, -365), to: addDays(today, 730) };

  const ours = async () => {
    const response = await app.inject({ method: 'GET', url: path });
    if (response.statusCode !== 200) throw new Error(`feed: ${response.statusCode} ${response.body}`);
    return response.body;
  };
  const baseline = () => baselineFeed(db, generated.homeCityId, window);

  // Warm-up: the morphology dictionaries, the query plans, the JIT.
  const first = await time(ours);
  const feed = first.result;
  const floor = await baseline();
  const feedEvents = icsComponents(feed, 'VEVENT').length;
  const floorEvents = floor.split('BEGIN:VEVENT').length - 1;
  console.log(
    `${engine}: added ${JSON.stringify(counts)}; the feed holds ${feedEvents} items ` +
      `(${(feed.length / 1e6).toFixed(1)} MB), the baseline ${floorEvents}; ` +
      `the first request took ${first.ms.toFixed(0)} ms`,
  );
  if (argv.includes('--profile')) await stages(db, user.id);

  const oursMs: number[] = [];
  const baselineMs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    oursMs.push((await time(ours)).ms);
    baselineMs.push((await time(baseline)).ms);
  }
  const best = Math.min(...oursMs) / Math.min(...baselineMs);
  console.log(
    `${engine}: feed best ${Math.min(...oursMs).toFixed(0)} ms, median ${median(oursMs).toFixed(0)} ms; ` +
      `baseline best ${Math.min(...baselineMs).toFixed(0)} ms, median ${median(baselineMs).toFixed(0)} ms; ` +
      `ratio best ${best.toFixed(2)}×, median ${(median(oursMs) / median(baselineMs)).toFixed(2)}× ` +
      `(load ${loadavg()[0]!.toFixed(1)})`,
  );
  await app.close();
  await handle.close();
  await database.dispose();
}
