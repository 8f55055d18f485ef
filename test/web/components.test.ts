import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkBounds, WORLD, type Network } from '../../web/src/components/map/network.ts';
import { expectNoSeriousAxeViolations, signIn, startWebHarness, type WebHarness } from './harness.ts';

const WEB = fileURLToPath(new URL('../../web/', import.meta.url));
const FIXTURE = fileURLToPath(new URL('./fixtures/components.tsx', import.meta.url));

describe('the shared components in a real browser', { timeout: 180_000 }, () => {
  let web: WebHarness;
  let vite: ViteDevServer;
  let fixtureUrl: string;
  let edited: { id: number; version: number };
  beforeAll(async () => {
    web = await startWebHarness();
    for (const name of ['Библиотека', 'Гимназия № 2', 'Дворец культуры', 'Музей']) {
      await web.api('admin', 'POST', '/api/organizations', {
        cityId: web.cities.kutno,
        name,
        kind: 'other',
        sphere: 'culture',
      });
    }
    edited = await web.api('admin', 'POST', '/api/organizations', {
      cityId: web.cities.kutno,
      name: 'Театр',
      kind: 'theatre',
      sphere: 'culture',
    });
    // A dev server over web/ that also serves the fixture page; the API goes to the real server.
    vite = await createServer({
      configFile: `${WEB}vite.config.ts`,
      root: WEB,
      logLevel: 'error',
      server: { port: 0, host: '127.0.0.1', proxy: { '/api': web.url } },
      plugins: [
        {
          name: 'components-fixture',
          configureServer(server) {
            server.middlewares.use('/components-fixture', (request, response) => {
              const html = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Компоненты</title></head><body><div id="root"></div><script type="module" src="/@fs${FIXTURE}"></script></body></html>`;
              void server.transformIndexHtml(request.url ?? '/', html).then((page) => {
                response.setHeader('content-type', 'text/html; charset=utf-8');
                response.end(page);
              });
            });
          },
        },
      ],
    });
    await vite.listen();
    const address = vite.httpServer?.address();
    if (!address || typeof address !== 'object') throw new Error('the dev server has no address');
    fixtureUrl = `http://127.0.0.1:${address.port}/components-fixture?edit=${edited.id}`;
  });
  afterAll(async () => {
    await vite?.close();
    await web?.close();
  });

  it('shows a list as cards on a phone, paged and sorted with the same controls', async () => {
    const page = await web.newPage({ device: 'phone' });
    await signIn(page, 'admin');
    await page.goto(fixtureUrl);
    const list = page.getByRole('list', { name: 'Организации' });
    const cards = list.getByRole('listitem');
    await list.getByText('Библиотека').waitFor({ timeout: 60_000 });
    expect(await cards.count()).toBe(3);
    expect(await page.locator('table').count()).toBe(0);
    // Nothing scrolls sideways at 390 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Each other column is a label: value pair a screen reader reads together.
    expect(await cards.first().locator('dt').allTextContents()).toEqual(['Примечания', 'Действия']);

    await page.getByRole('button', { name: 'Показать ещё' }).click();
    await list.getByText('Театр').waitFor();
    expect(await cards.count()).toBe(6);

    // The sort: the column chosen in a field, the direction by a named button (by keyboard here).
    expect(await page.getByRole('combobox', { name: 'Сортировка' }).inputValue()).toBe('name');
    const direction = page.getByRole('button', { name: 'Порядок: по возрастанию' });
    await direction.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/order=desc/);
    await page.getByRole('button', { name: 'Порядок: по убыванию' }).waitFor();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="record-card"] [data-card-title]')?.textContent === 'Театр',
    );
    await expectNoSeriousAxeViolations(page);
  });

  it('pages, sorts and filters a list, merges a stale edit, and deletes only after asking', async () => {
    const page = await web.newPage();
    // The session cookie belongs to the host, so the dev server's page on another port shares it.
    await signIn(page, 'admin');
    await page.goto(fixtureUrl);
    const rows = page.locator('tbody tr');
    await page.getByRole('cell', { name: 'Библиотека' }).waitFor({ timeout: 60_000 });
    expect(await rows.count()).toBe(3);

    // Show more: the next page of three, then no more pages (six organizations in all).
    await page.getByRole('button', { name: 'Показать ещё' }).click();
    await page.getByRole('cell', { name: 'Театр' }).waitFor();
    expect(await rows.count()).toBe(6);
    expect(await page.getByRole('button', { name: 'Показать ещё' }).count()).toBe(0);

    // The name header reverses the order, and the URL keeps it.
    await page.getByRole('button', { name: /Название/ }).click();
    await page.waitForURL(/order=desc/);
    await page.waitForFunction(() => document.querySelector('tbody tr td')?.textContent === 'Театр');
    expect(await page.locator('th[aria-sort="descending"]').count()).toBe(1);

    // A filter as the user types; clearing it brings the list back.
    await page.getByRole('searchbox', { name: 'Поиск' }).fill('музей');
    await page.waitForURL(/q=/);
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
    expect(await rows.first().textContent()).toContain('Музей');
    await page.getByRole('button', { name: 'Сбросить фильтры' }).click();
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 3);

    await expectNoSeriousAxeViolations(page);

    // Someone else saves the theatre while this user edits it from version 1.
    await web.api('admin', 'PATCH', `/api/organizations/${edited.id}`, {
      notes: 'Сохранил коллега',
      version: edited.version,
    });
    await page.getByLabel('Примечания', { exact: true }).fill('Моя правка');
    await page.getByRole('button', { name: 'Сохранить (версия 1)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Запись изменил другой пользователь' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Сохранил коллега');
    expect(await dialog.textContent()).toContain('Моя правка');
    await expectNoSeriousAxeViolations(page);
    await dialog.getByRole('button', { name: 'Сохранить выбранное' }).click();
    await page.getByRole('status', { name: 'Сохранено' }).filter({ hasText: 'Моя правка v3' }).waitFor();
    const stored = await web.api<{ notes: string; version: number }>(
      'admin',
      'GET',
      `/api/organizations/${edited.id}`,
    );
    expect(stored).toMatchObject({ notes: 'Моя правка', version: 3 });

    // Delete asks first: cancelling keeps the record, confirming deletes it.
    const first = (await rows.first().locator('td').first().textContent())!;
    await rows.first().getByRole('button', { name: 'Удалить' }).click();
    const ask = page.getByRole('dialog', { name: 'Удалить запись?' });
    await ask.waitFor();
    expect(await ask.textContent()).toContain(first);
    await ask.getByRole('button', { name: 'Отмена' }).click();
    await ask.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: first }).waitFor();
    await rows.first().getByRole('button', { name: 'Удалить' }).click();
    await ask.getByRole('button', { name: 'Удалить' }).click();
    await page.getByText('Запись удалена').waitFor();
    await page.getByRole('cell', { name: first, exact: true }).waitFor({ state: 'detached' });
  });
});

describe('the map’s view', () => {
  /** A network of cities at [longitude, latitude], each twinned with the first. */
  function networkOf(...places: Array<[string, number, number]>): Network {
    return {
      cityIds: places.map((_, index) => index + 1),
      names: places.map(([name]) => name),
      countries: places.map(() => 'RU'),
      coordinates: places.flatMap(([, lon, lat]) => [lon, lat]),
      pairs: places.slice(1).flatMap((_, index) => [0, index + 1]),
      tiers: places.slice(1).map(() => 'twin' as const),
      withoutCoordinates: 0,
    };
  }

  it('fits the seed’s two cities up close, so their names stand apart', () => {
    const [[west, north], [east, south]] = networkBounds(
      networkOf(['Барановичи', 26.0139, 53.1327], ['Кузнецк', 46.6, 53.1167]),
    );
    expect(west).toBeLessThan(26.0139);
    expect(east).toBeGreaterThan(46.6);
    expect(south).toBeLessThan(53.1167);
    expect(north).toBeGreaterThan(53.1327);
    // The pair spans most of the view: on a 330 px phone card some 200 px lie between the two
    // points, room for «Барановичи» (about 70 px at 11 px) written right of its point.
    expect((46.6 - 26.0139) / (east - west)).toBeGreaterThan(0.55);
    // The names are written east of the points: more room there than west.
    expect(east - 46.6).toBeGreaterThan(26.0139 - west);
  });

  it('does not zoom one city or two neighbours in to a street, and shows a world-wide network whole', () => {
    const [[west, north], [east, south]] = networkBounds(networkOf(['Барановичи', 26.0139, 53.1327]));
    expect(east - west).toBeGreaterThanOrEqual(24);
    expect(north - south).toBeGreaterThanOrEqual(12);
    const neighbours = networkBounds(networkOf(['Барановичи', 26.0139, 53.1327], ['Пинск', 26.1, 52.11]));
    expect(neighbours[1][0] - neighbours[0][0]).toBeGreaterThanOrEqual(24);
    expect(
      networkBounds(
        networkOf(['Барановичи', 26.0139, 53.1327], ['Чикаго', -87.6, 41.9], ['Владивосток', 131.9, 43.1]),
      ),
    ).toEqual(WORLD);
    expect(networkBounds(networkOf())).toEqual(WORLD);
  });
});
