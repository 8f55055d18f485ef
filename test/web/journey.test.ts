import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertTestCity } from '../../src/modules/audit/test-cities.ts';
import { sharedDir } from '../../src/shared-dir.ts';
import {
  ACCOUNTS,
  expectNoSeriousAxeViolations,
  mapDrawn,
  paste,
  shoot,
  signIn,
  startWebHarness,
  watchErrors,
  type WebHarness,
} from './harness.ts';

const SEED_TEXT = readFileSync(sharedDir('seed', '000_99b162f3906cbee7.txt'), 'utf8');

interface Network {
  cityIds: number[];
  pairs: number[];
}

/** The city id pairs of the twin network the map draws, each as `smaller-larger`. */
function networkPairs(network: Network): string[] {
  const pairs: string[] = [];
  for (let i = 0; i < network.pairs.length; i += 2) {
    const a = network.cityIds[network.pairs[i]!]!;
    const b = network.cityIds[network.pairs[i + 1]!]!;
    pairs.push(`${Math.min(a, b)}-${Math.max(a, b)}`);
  }
  return pairs;
}

describe('a new user’s whole journey in a real browser', { timeout: 300_000 }, () => {
  let web: WebHarness;
  let kuznetsk: number;

  beforeAll(async () => {
    web = await startWebHarness();
    // The city registry holds the world's cities (with coordinates) and the office's twinning;
    // the person, the organizations, the visit and its document all come from the article.
    kuznetsk = await insertTestCity(web.db, 'Кузнецк', 'Kuznetsk', 'RU');
    const coordinates: Array<[number, number, number]> = [
      [web.cities.baranovichi, 53.1327, 26.0139],
      [kuznetsk, 53.1167, 46.6],
    ];
    for (const [id, latitude, longitude] of coordinates) {
      await web.db.updateTable('city').set({ latitude, longitude }).where('id', '=', id).execute();
    }
    // The office recorded its twin city first (as the first-day wizard does): Kuznetsk has no
    // editors of its own, so Baranovichi's staff keep the institutions the article names there.
    await web.api('admin', 'POST', '/api/twinnings', {
      cityIds: [web.cities.baranovichi, kuznetsk],
      establishedYear: 1998,
    });
  });
  afterAll(async () => {
    await web?.close();
  });

  it('signs in, imports the press release, finds the visit everywhere, edits it and searches for it', async () => {
    const page = await web.newPage();
    // 1. Sign in through the sign-in page: the home page greets the city editor.
    await signIn(page, 'cityEditor');
    // Watched from here: signed out, the sign-in page's session check answers 401 by design.
    const errors = watchErrors(page);
    /** No console error or uncaught exception since the last step; soft, so every step still runs. */
    const noErrors = (step: string) =>
      expect.soft(errors.splice(0), `console errors or exceptions on ${step}`).toEqual([]);
    await page.getByText(`Здравствуйте, ${ACCOUNTS.cityEditor.name}!`).waitFor();
    await shoot(page, 'journey-1-home-empty');
    noErrors('the empty home page');

    // 2. Import the seed article: paste, review, accept, open the visit.
    await page
      .getByRole('navigation', { name: 'Разделы' })
      .getByRole('link', { name: 'Импорт пресс-релиза' })
      .click();
    await page.waitForURL((url) => url.pathname === '/import');
    await page.getByLabel('Дата публикации').fill('2025-09-25');
    await page.getByLabel('Текст пресс-релиза').focus();
    await paste(page, SEED_TEXT);
    await page.getByTestId('highlighted-text').waitFor();
    const visitCard = page
      .getByTestId('proposal')
      .filter({ has: page.getByText('Визит: Барановичи → Кузнецк', { exact: true }) });
    await visitCard.waitFor();
    expect(await visitCard.textContent()).toContain('18–21 сентября 2025');
    expect(await visitCard.textContent()).toContain('Вадим Щербаков');
    await shoot(page, 'journey-2-import-review');
    await page.getByRole('button', { name: 'Принять всё' }).click();
    const result = page.getByTestId('import-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('Импорт выполнен');
    await shoot(page, 'journey-3-import-accepted');
    noErrors('/import');
    await page.getByRole('link', { name: 'Открыть визит Барановичи → Кузнецк' }).click();
    await page.waitForURL(/\/visits\/\d+$/);
    const visitId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByRole('heading', { name: 'Визит: Барановичи → Кузнецк' }).waitFor();
    const visit = await web.api<{ headPersonId: number | null; purpose: string | null }>(
      'cityEditor',
      'GET',
      `/api/visits/${visitId}`,
    );
    expect(visit).toMatchObject({
      fromCityId: web.cities.baranovichi,
      toCityId: kuznetsk,
      startDate: '2025-09-18',
      endDate: '2025-09-21',
    });
    expect(visit.headPersonId, 'the article’s head of delegation became a person').not.toBeNull();
    const personId = visit.headPersonId!;
    await shoot(page, 'journey-4-visit');
    noErrors("the imported visit's page");

    // The twinning the office recorded before the import is on the network.
    const pair = `${Math.min(web.cities.baranovichi, kuznetsk)}-${Math.max(web.cities.baranovichi, kuznetsk)}`;
    expect(networkPairs(await web.api<Network>('cityEditor', 'GET', '/api/network'))).toContain(pair);

    // 3. The home page: the latest changes tell of the visit and link to it; the chart counts it.
    await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Главная' }).click();
    const activity = page.getByRole('region', { name: 'Последние изменения' });
    const visitLink = activity.locator(`a[href="/visits/${visitId}"]`).first();
    await visitLink.waitFor();
    const stats = page.getByRole('region', { name: 'Визиты и соглашения по годам' });
    await stats.getByTestId('year-chart').locator('canvas').first().waitFor();
    // 2025: our one visit out, none in, and the two agreements signed during it (on its first day,
    // as the timeline and the annual report date them).
    expect(await stats.locator('tr', { hasText: '2025' }).locator('td').allTextContents()).toEqual([
      '0',
      '1',
      '2',
    ]);
    const network = page.getByRole('region', { name: 'Сеть побратимов' });
    await network.getByText('Барановичи: 1 побратимская связь.').waitFor();
    expect(await mapDrawn(page)).toBeGreaterThan(0);
    await shoot(page, 'journey-5-home');
    noErrors('the home page');

    // 4. The partner city's page: the visit on its timeline, under its year.
    await page.goto(`/cities/${kuznetsk}`);
    await page.getByRole('heading', { name: 'Кузнецк', level: 1 }).waitFor();
    const year = page.getByRole('region', { name: '2025' });
    const onTimeline = year.getByRole('link', { name: /^Визит нашей делегации/ });
    await onTimeline.waitFor();
    expect(await onTimeline.getAttribute('href')).toBe(`/visits/${visitId}`);
    await page.getByText('Установлены побратимские связи').waitFor();
    await shoot(page, 'journey-6-city');
    noErrors("the partner city's page");

    // 5. The map: the whole network, Барановичи–Кузнецк drawn.
    await page
      .getByRole('navigation', { name: 'Разделы' })
      .getByRole('link', { name: 'Карта побратимства' })
      .click();
    await page.waitForURL((url) => url.pathname === '/map');
    await page.getByText('Городов: 2, побратимских связей: 1').waitFor();
    expect(await mapDrawn(page)).toBeGreaterThan(0);
    await shoot(page, 'journey-7-map');
    noErrors('/map');

    // 6. Edit the visit: its outcomes, through the visit page's form; the page shows the change.
    await page.goto(`/visits/${visitId}`);
    await page.getByRole('link', { name: 'Изменить' }).click();
    await page.getByRole('heading', { name: 'Изменение визита' }).waitFor();
    const outcomes = page.getByRole('textbox', { name: 'Итоги' });
    await outcomes.fill('Подписаны договоры гимназии № 5 с лицеем № 21 и библиотек двух городов');
    await shoot(page, 'journey-8-visit-edit');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.waitForURL((url) => url.pathname === `/visits/${visitId}`);
    await page.getByText('Подписаны договоры гимназии № 5 с лицеем № 21 и библиотек двух городов').waitFor();
    await shoot(page, 'journey-9-visit-edited');
    noErrors("the visit's edit form and page");

    // 7. Search in the header: «Щербаков» finds the person, grouped, highlighted, linking to the page.
    await page.getByRole('searchbox').first().fill('Щербаков');
    await page.getByRole('searchbox').first().press('Enter');
    await page.waitForURL(/\/search\?q=/);
    const people = page.getByRole('region', { name: 'Люди' });
    const personLink = people.getByRole('link', { name: /Щербаков/ });
    await personLink.waitFor();
    expect(await personLink.getAttribute('href')).toBe(`/persons/${personId}`);
    expect((await people.locator('mark').allTextContents()).join(' ')).toMatch(/Щербаков/);
    await expectNoSeriousAxeViolations(page);
    await shoot(page, 'journey-10-search');
    await personLink.click();
    await page.waitForURL((url) => url.pathname === `/persons/${personId}`);
    await page.getByRole('heading', { name: /Щербаков/, level: 1 }).waitFor();
    await shoot(page, 'journey-11-person');
    noErrors("the search and the person's page");
  });
});
