import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startWebHarness, type WebHarness } from './harness.ts';

/** The pages of a first day, as the navigation reaches them. */
const PAGES = ['/', '/cities', '/visits', '/agreements', '/calendar', '/import', '/reports', '/settings'];

/**
 * The interface's own words on a page: headings, navigation, buttons, labels, table headers and
 * tabs. Records' names (a city's, a person's) are data and may stay in the language they were
 * written in, so links inside the content and the content's text are left out.
 */
async function chrome(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const picked = document.querySelectorAll(
      'nav a, nav button, main button, header button, label, th, [role="tab"], main h1, main h2, main h3',
    );
    return (
      [...picked]
        // The user menu's button shows the user's own name, which is data too.
        .filter(
          (element) => !element.closest('a[href^="/cities/"], a[href^="/visits/"], a[href^="/persons/"]'),
        )
        .filter((element) => !element.matches('header [aria-haspopup]'))
        .map((element) => (element.getAttribute('aria-label') ?? element.textContent ?? '').trim())
        .filter(Boolean)
    );
  });
}

const SHOTS = '/tmp/i15-shots';

describe('the first day’s pages in English and Belarusian', { timeout: 600_000 }, () => {
  let web: WebHarness;
  beforeAll(async () => {
    web = await startWebHarness();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await web?.close();
  });

  // English has no Cyrillic; Belarusian has no «и», «щ» or «ъ», which only Russian writes.
  const leftovers: Record<'en' | 'be', RegExp> = { en: /[А-Яа-яЁё]/, be: /[ИиЩщЪъ]/ };

  for (const language of ['en', 'be'] as const) {
    it(`reads without Russian leftovers in ${language === 'en' ? 'English' : 'Belarusian'}`, async () => {
      const page = await web.newPage({ language });
      await signIn(page, 'admin');
      // Data keep the language they were written in: the user's name, the cities' names.
      const me = await web.api<{ displayName: string }>('admin', 'GET', '/api/auth/me');
      const data = [me.displayName];
      for (const id of Object.values(web.cities)) {
        const city = await web.api<{ nameRu: string | null }>('admin', 'GET', `/api/cities/${id}`);
        if (city.nameRu) data.push(city.nameRu);
      }
      const withoutData = (text: string) => data.reduce((rest, name) => rest.split(name).join(''), text);
      const found: string[] = [];
      for (const path of PAGES) {
        await page.goto(path);
        await page.locator('main h1, main h2').first().waitFor();
        await page.waitForLoadState('networkidle');
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
        for (const text of await chrome(page))
          if (leftovers[language].test(withoutData(text))) found.push(`${path}: ${text}`);
        await page.screenshot({
          path: `${SHOTS}/${language}${path.replace(/\//g, '_')}.png`,
          fullPage: true,
        });
      }
      expect(found).toEqual([]);
    });
  }
});
