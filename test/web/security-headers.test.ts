import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CONTENT_SECURITY_POLICY } from '../../src/server/security-headers.ts';
import { signIn, startWebHarness, type WebHarness } from './harness.ts';

declare global {
  interface Window {
    cspViolations?: string[];
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
});
