/**
 * The whole twin network on the map: the real twin-city lists imported with import-twins (as
 * `pobratim import-twins` does), then GET /api/network's size and time, and in Chromium the /map
 * page's time to draw, as a ratio to drawing the world's shapes alone in the same page (the map
 * draws the countries first and marks it, then the network), and the frames while the map is
 * dragged. Run: npx tsx bench/web/map.bench.ts [runs]   (about a minute, most of it the import)
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { twinImporter } from '../../src/commands/import-twins.ts';
import { openDatabase } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { loadGazetteer } from '../../src/gazetteer/index.ts';
import { hashPassword } from '../../src/modules/auth/password.ts';
import { loadGazetteerIntoDatabase } from '../../src/modules/cities/city.loader.ts';
import { setUserPasswordHash } from '../../src/modules/users/user.repository.ts';
import { buildApp } from '../../src/server/app.ts';
import { insertTestAccounts } from '../../src/server/test-accounts.ts';

const DATA = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'twin-cities');
const FILES = ['twin_cities_raw.csv', 'twin_cities_geocoded.csv'];
const RUNS = Number(process.argv[2] ?? 5);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(0)} ms`;

execFileSync(
  process.execPath,
  [path.resolve(import.meta.dirname, '..', '..', 'scripts', 'build-web.mjs'), '--if-stale'],
  {
    stdio: 'inherit',
  },
);
const gazetteer = loadGazetteer();
const handle = await openDatabase({ dataDir: 'memory://' });
await migrateToLatest(handle.db);
await loadGazetteerIntoDatabase(handle.db, gazetteer);
for (const file of FILES) {
  const report = await twinImporter(handle.db, gazetteer).importText(
    readFileSync(path.join(DATA, file), 'utf8'),
    file,
  );
  console.log(`${file}: ${report.lines} lines, ${report.created} twinnings created`);
}
const { twinnings } = await handle.db
  .selectFrom('twinning')
  .select((eb) => eb.fn.countAll<number>().as('twinnings'))
  .executeTakeFirstOrThrow();

const tokens = await insertTestAccounts(handle.db, [['admin', 'admin', null, null]]);
const password = 'bench-password-1';
const user = await handle.db
  .selectFrom('app_user')
  .select('id')
  .where('email', '=', 'admin@example.org')
  .executeTakeFirstOrThrow();
await setUserPasswordHash(handle.db, user.id, await hashPassword(password), 'owner');

const app = await buildApp({ database: handle });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
if (!address || typeof address !== 'object') throw new Error('no address');
const url = `http://127.0.0.1:${address.port}`;

// The API: the whole network as the administrator reads it.
const apiTimes: number[] = [];
let body = '';
for (let run = 0; run < RUNS + 1; run++) {
  const started = performance.now();
  const response = await fetch(`${url}/api/network`, {
    headers: { authorization: `Bearer ${tokens.admin}` },
  });
  body = await response.text();
  if (run > 0) apiTimes.push(performance.now() - started);
}
const network = JSON.parse(body) as { cityIds: number[]; pairs: number[]; withoutCoordinates: number };
console.log(
  `GET /api/network: ${twinnings} twinnings in the registry, ${network.pairs.length / 2} drawn, ` +
    `${network.cityIds.length} cities, ${network.withoutCoordinates} without coordinates`,
);
console.log(
  `  ${(body.length / 1024).toFixed(0)} KB (${(gzipSync(body).length / 1024).toFixed(0)} KB gzipped), ` +
    `median ${ms(median(apiTimes))} of ${RUNS}`,
);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const context = await browser.newContext({ baseURL: url, viewport: { width: 1366, height: 900 } });
const page = await context.newPage();
const errors: string[] = [];
page.on('pageerror', (error) => errors.push(error.message));
await page.goto('/login');
await page.locator('input[autocomplete="username"]').fill('admin@example.org');
await page.locator('input[autocomplete="current-password"]').fill(password);
await page.locator('button[type="submit"]').click();
await page.waitForURL((next) => next.pathname !== '/login');

const world: number[] = [];
const full: number[] = [];
const ratios: number[] = [];
const loads: number[] = [];
for (let run = 0; run < RUNS; run++) {
  await page.goto('/map');
  await page.waitForFunction(
    () => document.querySelector('[data-testid="network-map"]')?.getAttribute('data-drawn') === 'true',
    undefined,
    { timeout: 120_000 },
  );
  // Strings, not functions: tsx would wrap named arrow functions in a helper the page lacks.
  const marks = (await page.evaluate(`(() => {
    const at = (name) => performance.getEntriesByName(name, 'mark').at(-1)?.startTime ?? NaN;
    return { start: at('pobratim:map-start'), world: at('pobratim:map-world'), network: at('pobratim:map-network') };
  })()`)) as { start: number; world: number; network: number };
  world.push(marks.world - marks.start);
  full.push(marks.network - marks.start);
  ratios.push((marks.network - marks.start) / (marks.world - marks.start));
  loads.push(marks.network);
}
console.log(
  `/map in Chromium (1366×900, software canvas), median of ${RUNS}: world shapes alone ${ms(median(world))}, ` +
    `with the network ${ms(median(full))}: ratio ${median(ratios).toFixed(2)}×; ` +
    `from navigation to the network drawn ${ms(median(loads))}`,
);

// Panning: a two-second drag across the map, counting animation frames and the longest gap.
const box = (await page.getByTestId('network-map').boundingBox())!;
await page.evaluate(`(() => {
  window.benchFrames = [];
  window.benchCounting = true;
  const tick = (time) => {
    window.benchFrames.push(time);
    if (window.benchCounting) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`);
await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
await page.mouse.down();
const steps = 60;
for (let step = 1; step <= steps; step++) {
  await page.mouse.move(box.x + box.width / 2 + step * 5, box.y + box.height / 2 + step * 2);
  await page.waitForTimeout(2000 / steps);
}
await page.mouse.up();
const frames = (await page.evaluate(`(() => {
  window.benchCounting = false;
  return window.benchFrames;
})()`)) as number[];
const gaps = frames.slice(1).map((time, index) => time - frames[index]!);
const span = frames.at(-1)! - frames[0]!;
console.log(
  `dragging the full map for ${(span / 1000).toFixed(1)} s: ${((1000 * gaps.length) / span).toFixed(0)} frames/s, ` +
    `median frame ${ms(median(gaps))}, longest ${ms(Math.max(...gaps))}`,
);
if (errors.length > 0) console.log(`page errors: ${errors.join('; ')}`);

await browser.close();
await app.close();
await handle.close();
