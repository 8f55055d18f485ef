import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { insertTestCity } from '../../src/modules/audit/test-cities.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/plugins/security-headers.ts';
import { signIn, startWebHarness, type WebHarness } from './harness.ts';

declare global {
  interface Window {
    cspViolations?: string[];
    nameRan?: boolean;
  }
}

/** Opens a page and answers the Content-Security-Policy violations the browser reported on it. */
async function violationsOn(page: Page, path: string): Promise<string[]> {
  const response = await page.goto(path);
  expect(response?.headers()['content-security-policy'], path).toBe(CONTENT_SECURITY_POLICY);
  await page.waitForLoadState('networkidle');
  const reported = await page.evaluate(() => window.cspViolations ?? []);
  return reported.map((violation) => `${path}: ${violation}`);
}

describe('every page under the Content-Security-Policy, in a real browser', { timeout: 300_000 }, () => {
  let web: WebHarness;
  beforeAll(async () => {
    web = await startWebHarness();
  });
  afterAll(async () => {
    await web?.close();
  });

  it('loads every page, the sign-in page and the API documentation without a violation', async () => {
    const organization = await web.api<{ id: number }>('admin', 'POST', '/api/organizations', {
      cityId: web.cities.baranovichi,
      name: 'гимназия № 2',
    });
    const visit = await web.api<{ id: number }>('admin', 'POST', '/api/visits', {
      fromCityId: web.cities.baranovichi,
      toCityId: web.cities.kutno,
      startDate: '2025-09-18',
      endDate: '2025-09-21',
    });
    const page = await web.newPage();
    await page.context().addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.cspViolations!.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}`);
      });
    });
    const console: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) console.push(message.text());
    });
    const violations: string[] = [];
    violations.push(...(await violationsOn(page, '/login')));
    violations.push(...(await violationsOn(page, '/api/docs/')));
    await signIn(page, 'admin');
    for (const path of [
      '/',
      '/cities',
      `/cities/${web.cities.baranovichi}`,
      '/map',
      '/organizations',
      `/organizations/${organization.id}`,
      '/persons',
      '/visits',
      `/visits/${visit.id}`,
      '/agreements',
      '/projects',
      '/events',
      '/calendar',
      '/documents',
      '/import',
      '/search?q=гимназия',
      '/reports',
      '/admin',
      '/account',
    ]) {
      violations.push(...(await violationsOn(page, path)));
    }
    expect(violations).toEqual([]);
    expect(console).toEqual([]);
  });

  it('shows a city on the map with its name as text in the tooltip, whatever the name holds', async () => {
    // A name that is HTML would run its script if the tooltip (ECharts' HTML tooltip) took it as markup.
    const hostile = '<img src=x onerror="window.nameRan=true">Гродно & Co';
    const grodno = await insertTestCity(web.db, hostile, 'Grodno', 'BY');
    await web.db
      .updateTable('city')
      .set({ latitude: 53.13, longitude: 26.01 })
      .where('id', '=', web.cities.baranovichi)
      .execute();
    await web.db
      .updateTable('city')
      .set({ latitude: 53.68, longitude: 23.83 })
      .where('id', '=', grodno)
      .execute();
    await web.api('admin', 'POST', '/api/twinnings', {
      cityIds: [web.cities.baranovichi, grodno],
      tier: 'twin',
      status: 'active',
    });
    const page = await web.newPage();
    await signIn(page, 'admin');
    await page.goto('/map');
    const map = page.getByTestId('network-map');
    await expect.poll(() => map.getAttribute('data-drawn'), { timeout: 30_000 }).toBe('true');
    const network = await web.api<{ cityIds: number[] }>('admin', 'GET', '/api/network');
    const points = JSON.parse((await map.getAttribute('data-city-points')) ?? '[]') as number[][];
    const [x, y] = points[network.cityIds.indexOf(grodno)]!;
    const box = (await map.boundingBox())!;
    await page.mouse.move(box.x + x! - 20, box.y + y! - 20);
    await page.mouse.move(box.x + x!, box.y + y!, { steps: 5 });

    const tooltip = map.locator('div').filter({ hasText: 'Гродно & Co' }).last();
    await expect.poll(() => tooltip.isVisible(), { timeout: 10_000 }).toBe(true);
    // The whole name shows as written, nothing of it became an element, and its script never ran.
    expect(await tooltip.textContent()).toBe(`${hostile}: 1 связь`);
    expect(await map.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => window.nameRan ?? false)).toBe(false);
  });
});
