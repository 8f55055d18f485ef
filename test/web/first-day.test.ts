import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFirstAdministrator, FIRST_ADMIN_EMAIL } from '../../src/modules/users/account-keeper.ts';
import { loadGazetteer } from '../../src/gazetteer/index.ts';
import { loadTestPlaces } from '../../src/modules/cities/test-places.ts';
import { expectNoSeriousAxeViolations, startWebHarness, type WebHarness } from './harness.ts';

/** Where the steps' screenshots go, to be looked at. */
const STEPS = process.env.FIRST_DAY_SCREENSHOTS ?? path.join(tmpdir(), 'pobratim-first-day');
let shot = 0;

async function step(page: Page, name: string): Promise<void> {
  mkdirSync(STEPS, { recursive: true });
  await page.evaluate(() => document.fonts.ready);
  await page.waitForLoadState('networkidle');
  shot += 1;
  const file = path.join(STEPS, `${String(shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
}

describe('the first day, from an empty registry, in a real browser', { timeout: 400_000 }, () => {
  let web: WebHarness;
  let oneTime: string;
  beforeAll(async () => {
    web = await startWebHarness({ accounts: false, cities: false });
    // The gazetteer's places as the first start loads them (here Belarus and the larger towns only).
    const gazetteer = loadGazetteer();
    await loadTestPlaces(web.db, gazetteer, (place) => place.country === 'BY' || place.population >= 15_000);
    const first = await ensureFirstAdministrator(web.db);
    if (!first) throw new Error('the first administrator was not created');
    oneTime = first.password;
  }, 300_000);
  afterAll(async () => {
    await web?.close();
  });

  it('signs in, sets the password, the city, two twins and an editor, then works', async () => {
    const page = await web.newPage();
    await page.goto('/');
    await page.waitForURL((url) => url.pathname === '/login');
    // A fresh installation is told where the one-time password is.
    await page.getByText('Первый запуск: войдите как admin@pobratim.local').waitFor();
    await step(page, 'sign-in');
    await page.getByLabel('Электронная почта').fill(FIRST_ADMIN_EMAIL);
    await page.getByLabel(/^Пароль/).fill(oneTime);
    await page.getByRole('button', { name: 'Войти' }).click();

    // The one-time password was just typed: only the new one is asked.
    await page.waitForURL((url) => url.pathname === '/setup-password');
    await page.getByRole('heading', { name: 'Задайте свой пароль' }).waitFor();
    expect(await page.getByLabel(/^Текущий пароль/).count()).toBe(0);
    await step(page, 'set-password');
    const chosen = 'наш-новый-пароль-2026';
    await page.getByLabel(/^Новый пароль( \*)?$/).fill(chosen);
    await page.getByLabel('Новый пароль ещё раз').fill(chosen);
    await page.getByRole('button', { name: 'Сохранить пароль' }).click();

    // No city yet: the administrator is led to the setup.
    await page.waitForURL((url) => url.pathname === '/setup');
    await page.getByRole('heading', { name: 'Первоначальная настройка' }).waitFor();
    await step(page, 'setup-start');
    await page.getByRole('combobox', { name: /^Найти город/ }).fill('Барановичи');
    await page.getByRole('option', { name: 'Барановичи (BY)', exact: true }).click();
    await page.getByRole('checkbox', { name: /^Публикуем/ }).check();
    await page.getByRole('button', { name: 'Добавить город' }).click();
    const chosenCities = page.getByRole('list', { name: 'Наши города' });
    await chosenCities.getByText('Барановичи').waitFor();
    await expect.poll(() => chosenCities.getByRole('switch', { name: 'Публикуем' }).isChecked()).toBe(true);
    await expectNoSeriousAxeViolations(page);
    await step(page, 'setup-city');

    // Twins: one from Wikipedia's list, one by name.
    await page.getByRole('button', { name: 'Далее' }).click();
    await page
      .getByText(/В списках Википедии у города Барановичи \d+ побратим/)
      .waitFor({ timeout: 120_000 });
    await page.getByRole('checkbox', { name: 'Кинешма — Россия' }).check();
    await page.getByRole('button', { name: 'Записать 1 город' }).click();
    const recorded = page.getByRole('list', { name: 'Записанные побратимы' });
    await recorded.getByRole('link', { name: 'Кинешма' }).waitFor();
    await page.getByRole('button', { name: 'Добавить другой город' }).click();
    const dialog = page.getByRole('dialog', { name: 'Новый город-побратим: Барановичи' });
    await dialog.getByRole('combobox', { name: /^Город-партнёр/ }).fill('Кузнецк');
    await page.getByRole('option', { name: 'Кузнецк (RU)', exact: true }).click();
    await dialog.getByRole('textbox', { name: 'Дата установления' }).fill('12.06.2014');
    await page.keyboard.press('Tab');
    await expectNoSeriousAxeViolations(page);
    await step(page, 'setup-twin-by-name');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await recorded.getByRole('link', { name: 'Кузнецк' }).waitFor();
    await expectNoSeriousAxeViolations(page);
    await step(page, 'setup-twins');

    // Colleagues: an editor of Барановичи.
    await page.getByRole('button', { name: 'Далее' }).click();
    await page.getByRole('button', { name: 'Пригласить коллегу' }).click();
    const invite = page.getByRole('dialog', { name: 'Новый пользователь' });
    await invite.getByRole('textbox', { name: /^Имя и фамилия/ }).fill('Елена Редакторова');
    await invite.getByRole('textbox', { name: /^Электронная почта/ }).fill('elena@baranovichi.example');
    await page.getByRole('combobox', { name: 'Первая роль' }).click();
    await page.getByRole('option', { name: 'Редактор города', exact: true }).click();
    await invite.getByRole('combobox', { name: /^Город/ }).fill('Барано');
    await page.getByRole('option', { name: 'Барановичи (BY)', exact: true }).click();
    await invite.getByRole('button', { name: 'Создать пользователя' }).click();
    const created = page.getByRole('dialog', { name: 'Пользователь создан' });
    await created.getByTestId('one-time-password').waitFor();
    await step(page, 'setup-colleague-password');
    await created.getByRole('button', { name: 'Готово, пароль передан' }).click();
    await page.getByRole('list', { name: 'Учётные записи' }).getByText('Елена Редакторова').waitFor();
    await step(page, 'setup-colleagues');
    await page.getByRole('button', { name: 'Далее' }).click();
    await page.getByText('Готово', { exact: true }).waitFor();
    await step(page, 'setup-done');
    await page.getByRole('button', { name: 'На главную' }).click();

    // The home page of Барановичи.
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByText('Здравствуйте, Администратор!').waitFor();
    await page.getByText('Барановичи', { exact: true }).first().waitFor();
    expect(await page.getByText('Обратитесь к администратору').count()).toBe(0);
    await step(page, 'home');

    // The cities page lists both twins; a twinning is edited there.
    await page
      .getByRole('navigation', { name: 'Разделы' })
      .getByRole('link', { name: 'Города и побратимы' })
      .click();
    await page.waitForURL((url) => url.pathname === '/cities');
    const table = page.getByRole('table', { name: 'Города-побратимы: Барановичи' });
    await table.getByRole('link', { name: 'Кинешма' }).waitFor();
    await table.getByRole('link', { name: 'Кузнецк' }).waitFor();
    await step(page, 'cities');
    await table
      .getByRole('row', { name: /Кинешма/ })
      .getByRole('button', { name: 'Изменить' })
      .click();
    const edit = page.getByRole('dialog', { name: 'Связи с городом Кинешма' });
    await edit.getByRole('textbox', { name: 'Дата установления' }).fill('05.09.2006');
    await page.keyboard.press('Tab');
    await step(page, 'cities-edit-twinning');
    await edit.getByRole('button', { name: 'Сохранить' }).click();
    await table
      .getByRole('row', { name: /Кинешма/ })
      .getByText(/5 сентября 2006/)
      .waitFor();

    // The partner's page ends the twinning.
    await table.getByRole('link', { name: 'Кузнецк' }).click();
    await page.getByRole('heading', { name: 'Кузнецк', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Изменить связи' }).click();
    await page
      .getByRole('dialog', { name: 'Связи с городом Кузнецк' })
      .getByRole('button', { name: 'Прекратить связи' })
      .click();
    await page.getByText('Прекращено', { exact: true }).first().waitFor();
    await step(page, 'partner-ended');

    // Settings, from the menu; the reports page has a city to report on.
    await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Настройки' }).click();
    await page.getByRole('heading', { name: 'Настройки', level: 1 }).waitFor();
    await page.getByRole('list', { name: 'Наши города' }).getByText('Барановичи').waitFor();
    await page.mouse.move(700, 880);
    await expectNoSeriousAxeViolations(page);
    await step(page, 'settings');
    await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Отчёты' }).click();
    await page.getByRole('heading', { name: 'Отчёты', level: 1 }).waitFor();
    expect(await page.getByText('Обратитесь к администратору').count()).toBe(0);
    await step(page, 'reports');

    // The installation is no longer fresh: the sign-in page keeps the one-time password to itself.
    const later = await web.newPage();
    await later.goto('/login');
    await later.getByRole('heading', { name: 'Вход' }).waitFor();
    await later.waitForLoadState('networkidle');
    expect(await later.getByText('Первый запуск').count()).toBe(0);
  });
});
