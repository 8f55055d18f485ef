import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Database } from '../../src/db/database.ts';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { testEngines } from '../../src/db/test-database.ts';
import { insertTestCity } from '../../src/modules/audit/test-cities.ts';
import { hashPassword } from '../../src/modules/auth/password.ts';
import { setUserPasswordHash } from '../../src/modules/users/user.repository.ts';
import { buildApp } from '../../src/server/app.ts';
import { insertTestAccounts } from '../../src/server/test-accounts.ts';

/** Chromium of the system (Debian's package), as .ci/run installs it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The accounts every harness has (unless `accounts: false`), with their known passwords. */
export type Who = 'admin' | 'cityEditor' | 'cityViewer' | 'orgEditor';
export const ACCOUNTS: Record<Who, { email: string; password: string; name: string }> = {
  admin: { email: 'admin@example.org', password: 'admin-password-1', name: 'Анна Админова' },
  cityEditor: { email: 'city-editor@example.org', password: 'editor-password-1', name: 'Елена Редакторова' },
  cityViewer: { email: 'city-viewer@example.org', password: 'viewer-password-1', name: 'Виктор Зрителев' },
  orgEditor: { email: 'org-editor@example.org', password: 'org-password-1', name: 'Ольга Школьная' },
};

/** Browser window sizes of the screenshots. */
export const VIEWPORTS = {
  desktop: { width: 1366, height: 900 },
  phone: { width: 390, height: 844 },
} as const;
export type Device = keyof typeof VIEWPORTS;

export interface WebHarness {
  /** http://127.0.0.1:<port> */
  url: string;
  app: FastifyInstance;
  db: Kysely<Database>;
  database: DatabaseHandle;
  browser: Browser;
  /** City ids by their Russian names: Барановичи (the home city), Новокузнецк, Кутно (0 with `cities: false`). */
  cities: Record<'baranovichi' | 'novokuznetsk' | 'kutno', number>;
  /** The organization the organization editor edits (a school in Барановичи); absent without accounts. */
  organizationId: number | undefined;
  /** API tokens of the accounts, for setting up records through the API. */
  tokens: Partial<Record<Who, string>>;
  /** A request to the API as one of the accounts (bearer token); answers the parsed JSON. */
  api<T = unknown>(who: Who, method: string, path: string, body?: unknown): Promise<T>;
  /** A new browser page in its own context (no cookies shared), in a language and at a size. */
  newPage(options?: { language?: 'ru' | 'be' | 'en'; device?: Device }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Starts the real server on a free port over a fresh database (PGlite in memory, or a new database
 * on the PostgreSQL server when TEST_DATABASE_URL is set), with test cities and accounts, and
 * launches Chromium. `accounts: false` leaves the database without accounts (the first start);
 * `cities: false` without test cities and home city (the test loads the gazetteer places it needs).
 */
export async function startWebHarness(
  options: { accounts?: boolean; cities?: boolean } = {},
): Promise<WebHarness> {
  const engines = testEngines();
  const engine = engines[engines.length - 1]!;
  const database = await engine.open();
  const { db } = database;
  // «Back up now» writes here, never into the checkout.
  const backupDir = mkdtempSync(path.join(tmpdir(), 'pobratim-web-backups-'));
  let app: FastifyInstance | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  try {
    const cities = { baranovichi: 0, novokuznetsk: 0, kutno: 0 };
    if (options.cities !== false) {
      cities.baranovichi = await insertTestCity(db, 'Барановичи', 'Baranovichi', 'BY');
      cities.novokuznetsk = await insertTestCity(db, 'Новокузнецк', 'Novokuznetsk', 'RU');
      cities.kutno = await insertTestCity(db, 'Кутно', 'Kutno', 'PL');
      await db.insertInto('home_city').values({ city_id: cities.baranovichi }).execute();
    }
    app = await buildApp({ database, backupDir });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address !== 'object') throw new Error('the server has no address');
    const url = `http://127.0.0.1:${address.port}`;

    const tokens: Partial<Record<Who, string>> = {};
    const api = async <T>(who: Who, method: string, path: string, body?: unknown): Promise<T> => {
      const token = tokens[who];
      if (!token) throw new Error(`no account ${who} in this harness`);
      const response = await fetch(`${url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    };

    let organizationId: number | undefined;
    if (options.accounts !== false) {
      Object.assign(tokens, await insertTestAccounts(db, [['admin', 'admin', null, null]]));
      const school = await api<{ id: number }>('admin', 'POST', '/api/organizations', {
        cityId: cities.baranovichi,
        name: 'Средняя школа № 1 г. Барановичи',
        kind: 'school',
        sphere: 'education',
      });
      organizationId = school.id;
      const scoped = await insertTestAccounts(db, [
        ['city-editor', 'city_editor', cities.baranovichi, null],
        ['city-viewer', 'city_viewer', cities.baranovichi, null],
        ['org-editor', 'org_editor', null, school.id],
      ]);
      tokens.cityEditor = scoped['city-editor'];
      tokens.cityViewer = scoped['city-viewer'];
      tokens.orgEditor = scoped['org-editor'];
      for (const account of Object.values(ACCOUNTS)) {
        const user = await db
          .updateTable('app_user')
          .set({ display_name: account.name })
          .where('email', '=', account.email)
          .returning('id')
          .executeTakeFirstOrThrow();
        await setUserPasswordHash(db, user.id, await hashPassword(account.password), 'owner');
      }
    }

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const launched = browser;
    const running = app;
    return {
      url,
      app: running,
      db,
      database,
      browser: launched,
      cities,
      organizationId,
      tokens,
      api,
      async newPage({ language = 'ru', device = 'desktop' } = {}) {
        const context = await launched.newContext({
          baseURL: url,
          viewport: VIEWPORTS[device],
          deviceScaleFactor: 1,
          locale: language === 'en' ? 'en-GB' : language === 'be' ? 'be-BY' : 'ru-RU',
        });
        contexts.push(context);
        // The language the page starts in; the switcher in the page changes it afterwards.
        await context.addInitScript((lang) => {
          if (!localStorage.getItem('pobratim.language')) localStorage.setItem('pobratim.language', lang);
        }, language);
        return context.newPage();
      },
      async close() {
        for (const context of contexts) await context.close().catch(() => undefined);
        await launched.close();
        await running.close();
        await database.close();
        rmSync(backupDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await app?.close().catch(() => undefined);
    await database.close();
    throw error;
  }
}

/** Signs in through the sign-in page and waits for the signed-in application. */
export async function signIn(page: Page, who: Who): Promise<void> {
  const account = ACCOUNTS[who];
  await page.goto('/login');
  await page.locator('input[autocomplete="username"]').fill(account.email);
  await page.locator('input[autocomplete="current-password"]').fill(account.password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname !== '/login');
  await page.locator('header').waitFor();
}

const SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

/** Writes test-results/screenshots/<name>-<lang>-<desktop|phone>.png of the whole page. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const language = await page.evaluate(() => document.documentElement.lang || 'ru');
  const width = page.viewportSize()?.width ?? VIEWPORTS.desktop.width;
  const device: Device = width <= 600 ? 'phone' : 'desktop';
  // Let fonts, transitions and lazy chunks settle: nothing animates in a screenshot.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForLoadState('networkidle');
  const path = `${SCREENSHOTS}${name}-${language}-${device}.png`;
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let axeSource: string | undefined;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Runs axe-core in the page; fails listing every serious or critical violation, its rule and elements. */
export async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  // Colours are judged once transitions (a dialog's overlay fading in) have ended: mid-fade, text
  // behind a half-drawn overlay reads as low contrast on a busy machine and not on a quiet one.
  // A spinner's endless animation is not waited for.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (animation) =>
          animation.playState !== 'running' || animation.effect?.getComputedTiming().iterations === Infinity,
      ),
  );
  // Evaluated through the DevTools protocol, not added as a <script>: the pages' Content-Security-Policy
  // refuses inline scripts, as it should.
  axeSource ??= readFileSync(AXE, 'utf8');
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: unknown[] }> } })
      .axe;
    const result = await axe.run(document);
    return result.violations as AxeViolation[];
  });
  const serious = violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  if (serious.length === 0) return;
  const list = serious
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help}\n` +
        violation.nodes.map((node) => `    ${JSON.stringify(node.target)}`).join('\n'),
    )
    .join('\n');
  throw new Error(
    `axe-core found ${serious.length} serious or critical violation(s) on ${page.url()}:\n${list}`,
  );
}

/** Puts text on the page's clipboard and pastes it where the focus is, as a user does with Ctrl+V. */
export async function paste(page: Page, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.keyboard.press('ControlOrMeta+V');
}

/** A screenshot of the page from its top, nothing focused (a tooltip would hide what is under it). */
export async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  await page.mouse.move(0, 0);
  await screenshot(page, name);
}

/** Collects the console's errors and the page's uncaught exceptions. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`${error.message}\n${error.stack ?? ''}`));
  return errors;
}

/** Waits until the map has drawn its network (the component marks it) and answers its canvas count. */
export async function mapDrawn(page: Page): Promise<number> {
  const map = page.getByTestId('network-map');
  await map.waitFor();
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="network-map"]')?.getAttribute('data-drawn'),
  );
  return map.locator('canvas').count();
}

/** A day `days` from today (UTC, as the server's reminders count), as the API takes dates. */
export function daysFromToday(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Waits for the page's first heading to read `name` (the page and its data loaded). */
export async function heading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}
