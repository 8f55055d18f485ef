import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
