import { insertTestCity } from '../../src/modules/audit/test-cities.ts';
import { searchNames } from '../../src/modules/cities/city.names.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCOUNTS,
  expectNoSeriousAxeViolations,
  mapDrawn,
  screenshot,
  signIn,
  startWebHarness,
  type WebHarness,
  watchErrors,
} from './harness.ts';

/** The main pages, each with its heading in Belarusian. */
const PAGES: Array<[path: string, name: string, heading: string]> = [
  ['/', 'home', 'Галоўная'],
  ['/cities', 'cities', 'Гарады і пабрацімы'],
  ['/organizations', 'organizations', 'Арганізацыі'],
  ['/persons', 'persons', 'Людзі'],
  ['/visits', 'visits', 'Візіты'],
  ['/agreements', 'agreements', 'Пагадненні'],
  ['/events', 'events', 'Мерапрыемствы'],
  ['/calendar', 'calendar', 'Каляндар'],
  ['/documents', 'documents', 'Дакументы'],
  ['/map', 'map', 'Карта пабрацімства'],
  ['/import', 'import', 'Імпарт прэс-рэлізу'],
  ['/search?q=Кутно', 'search', 'Пошук'],
  ['/admin', 'admin', 'Карыстальнікі і ролі'],
];

/** The registry's own words, in Russian as entered: not the interface's. */
const DATA = ['Средняя школа № 1 г. Барановичи', ...Object.values(ACCOUNTS).map((account) => account.name)];

/**
 * Words with letters Belarusian does not write (и, щ, ъ): Russian left in the interface. The
 * registry's own data (Russian city and person names) is cut out before looking.
 */
function russianWords(text: string, data: string[]): string[] {
  let rest = text;
  for (const value of data) rest = rest.split(value).join(' ');
  return [...new Set(rest.match(/[А-Яа-яЁёІіЎў-]*[ИиЩщЪъ][А-Яа-яЁёІіЎў-]*/g) ?? [])];
}

describe('the interface in Belarusian, page by page', { timeout: 600_000 }, () => {
  let web: WebHarness;
  beforeAll(async () => {
    web = await startWebHarness();
    const names: Array<[number, string]> = [
      [web.cities.baranovichi, 'Баранавічы'],
      [web.cities.kutno, 'Кутна'],
      [web.cities.novokuznetsk, 'Новакузнецк'],
    ];
    for (const [id, nameBe] of names) {
      await web.db.updateTable('city').set({ name_be: nameBe }).where('id', '=', id).execute();
    }
    // The seed's pair, Барановичи–Кузнецк, on the map.
    const kuznetsk = await insertTestCity(web.db, 'Кузнецк', 'Kuznetsk', 'RU');
    const coordinates: Array<[number, number, number, string | null]> = [
      [web.cities.baranovichi, 53.1327, 26.0139, null],
      [kuznetsk, 53.1167, 46.6, 'Кузнецк'],
    ];
    for (const [id, latitude, longitude, nameBe] of coordinates) {
      await web.db.updateTable('city').set({ latitude, longitude }).where('id', '=', id).execute();
      if (nameBe) await web.db.updateTable('city').set({ name_be: nameBe }).where('id', '=', id).execute();
    }
    // Their names as the gazetteer's loader keeps them for lookups by name (the test helper leaves them out).
    for (const city of await web.db
      .selectFrom('city')
      .select(['id', 'name_ru', 'name_be', 'name_en'])
      .execute()) {
      await web.db
        .updateTable('city')
        .set({ search_names: searchNames({ ru: city.name_ru, be: city.name_be, en: city.name_en }) })
        .where('id', '=', city.id)
        .execute();
    }
    await web.api('admin', 'POST', '/api/twinnings', {
      cityIds: [web.cities.baranovichi, kuznetsk],
      establishedYear: 2012,
    });
    await web.api('admin', 'POST', '/api/visits', {
      fromCityId: web.cities.kutno,
      toCityId: web.cities.baranovichi,
      startDate: '2025-06-02',
      endDate: '2025-06-04',
      status: 'done',
    });
  });
  afterAll(async () => {
    await web?.close();
  });

  for (const device of ['desktop', 'phone'] as const) {
    it(`names every main page in Belarusian and leaves no Russian in its words (${device})`, async () => {
      const page = await web.newPage({ device, language: 'be' });
      await signIn(page, 'admin');
      const errors = watchErrors(page);
      const leftovers: Record<string, string[]> = {};
      for (const [path, name, heading] of PAGES) {
        await page.goto(path);
        const title = page.getByRole('heading', { level: 1 }).first();
        await title.waitFor();
        expect(await title.textContent(), path).toBe(heading);
        await page.waitForLoadState('networkidle');
        if (name === 'map' || name === 'home') await mapDrawn(page);
        expect(await page.evaluate(() => document.documentElement.lang), path).toBe('be');
        await screenshot(page, `be-${name}`);
        await expectNoSeriousAxeViolations(page);
        const words = russianWords(await page.locator('body').innerText(), DATA);
        if (words.length > 0) leftovers[path] = words;
        if (words.length > 0) console.log(path, device, words.join(' '));
      }
      // Person and organization names the seed keeps in Russian are data, not interface.
      expect(leftovers).toEqual({});
      expect(errors).toEqual([]);
    });
  }

  it('finds the visits to a city by its name, registry first, places last, and shows a visit by its dates', async () => {
    const page = await web.newPage({ language: 'be' });
    await signIn(page, 'admin');
    await page.goto('/search?q=Кутно');
    const visits = page.getByRole('region', { name: 'Візіты' });
    await visits.waitFor();
    const text = await visits.innerText();
    expect(text).toMatch(/2–4 чэрвеня 2025/);
    expect(text).not.toMatch(/2025-06-02/);
    // The places of the gazetteer are a group of their own, after the registry's records.
    const headings = await page.getByRole('heading', { level: 2 }).allInnerTexts();
    expect(headings.at(-1)).toBe('Гарады');
    expect(headings.indexOf('Візіты')).toBeLessThan(headings.length - 1);
  });

  it('names the partner cities’ countries in Belarusian, though the browser knows them only in Russian', async () => {
    const page = await web.newPage({ language: 'be' });
    await signIn(page, 'admin');
    await page.goto(`/cities/${web.cities.baranovichi}`);
    const twinnings = page.getByRole('table').first();
    await twinnings.getByRole('cell', { name: 'Расія' }).waitFor();
    expect(await twinnings.innerText()).not.toContain('Россия');
    await page.goto(`/cities/${web.cities.kutno}`);
    await page.getByText('Польшча · ').waitFor();
  });

  it('types and shows the audit’s dates in the interface’s format, not the browser’s mm/dd/yyyy', async () => {
    const formats = { en: ['From', '17/05/2024'], be: ['З даты', '17.05.2024'] } as const;
    for (const language of ['en', 'be'] as const) {
      const [label, typed] = formats[language];
      const page = await web.newPage({ language });
      await signIn(page, 'admin');
      await page.goto('/admin/audit');
      const from = page.getByRole('textbox', { name: label, exact: true });
      await from.waitFor();
      expect(await page.locator('input[type="date"]').count()).toBe(0);
      await from.click();
      await from.fill(typed);
      await from.press('Enter');
      await page.waitForURL(/from=2024-05-17/);
      await page.keyboard.press('Escape');
      expect(await from.inputValue()).toBe(typed);
      await screenshot(page, 'audit-date-filter');
    }
  });
});
