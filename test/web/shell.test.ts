import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFirstAdministrator, FIRST_ADMIN_EMAIL } from '../../src/modules/users/account-keeper.ts';
import {
  ACCOUNTS,
  expectNoSeriousAxeViolations,
  screenshot,
  signIn,
  startWebHarness,
  type WebHarness,
} from './harness.ts';

describe('the application shell in a real browser', { timeout: 120_000 }, () => {
  let web: WebHarness;
  beforeAll(async () => {
    web = await startWebHarness();
  });
  afterAll(async () => {
    await web?.close();
  });

  it('refuses a wrong password with a clear message, then signs in to the shell', async () => {
    const page = await web.newPage();
    await page.goto('/visits');
    await page.waitForURL(/\/login\?next=%2Fvisits/);
    await page.getByRole('heading', { name: 'Вход' }).waitFor();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'sign-in');

    await page.getByLabel('Электронная почта').fill(ACCOUNTS.cityEditor.email);
    await page.getByLabel(/^Пароль/).fill('not the password');
    await page.getByRole('button', { name: 'Войти' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Неверный адрес электронной почты или пароль');
    expect(new URL(page.url()).pathname).toBe('/login');

    await page.getByLabel(/^Пароль/).fill(ACCOUNTS.cityEditor.password);
    await page.getByRole('button', { name: 'Войти' }).click();
    // Back where the user was going, inside the shell: the section's list, the navigation.
    await page.waitForURL((url) => url.pathname === '/visits');
    await page.getByRole('heading', { name: 'Визиты' }).waitFor();
    await page.getByRole('link', { name: 'Новый визит' }).waitFor();
    const navigation = page.getByRole('navigation', { name: 'Разделы' });
    await navigation.getByRole('link', { name: 'Главная' }).waitFor();
    // Administration is the administrators' only.
    expect(await navigation.getByRole('link', { name: 'Администрирование' }).count()).toBe(0);
    await expectNoSeriousAxeViolations(page);

    await page.getByRole('link', { name: 'Главная' }).click();
    await page.getByText(`Здравствуйте, ${ACCOUNTS.cityEditor.name}!`).waitFor();

    await page.getByRole('button', { name: `${ACCOUNTS.cityEditor.name} Меню пользователя` }).click();
    await page.getByRole('menuitem', { name: 'Выйти' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await page.goto('/');
    await page.waitForURL((url) => url.pathname === '/login');
  });

  it('finds a record created through the API, grouped and highlighted, linking to its page', async () => {
    const organization = await web.api<{ id: number }>('admin', 'POST', '/api/organizations', {
      cityId: web.cities.novokuznetsk,
      name: 'Гимназия имени Щербакова',
      kind: 'gymnasium',
      sphere: 'education',
    });
    for (const device of ['desktop', 'phone'] as const) {
      for (const language of ['ru', 'en'] as const) {
        const page = await web.newPage({ device, language });
        await signIn(page, 'admin');
        if (device === 'desktop') {
          await page.getByRole('searchbox').first().fill('Щербаков');
          await page.getByRole('searchbox').first().press('Enter');
        } else {
          await page.goto(`/search?q=${encodeURIComponent('Щербаков')}`);
        }
        await page.waitForURL(/\/search\?q=/);
        const group = page.getByRole('region', { name: language === 'ru' ? 'Организации' : 'Organizations' });
        const link = group.getByRole('link', { name: 'Гимназия имени Щербакова' });
        await link.waitFor();
        expect(await link.getAttribute('href')).toBe(`/organizations/${organization.id}`);
        const marked = await group.locator('mark').allTextContents();
        expect(marked.join(' ')).toMatch(/Щербаков/);
        if (device === 'desktop' && language === 'ru') await expectNoSeriousAxeViolations(page);
        await screenshot(page, 'search');
      }
    }
  });

  it('switches the interface to English and remembers it', async () => {
    const page = await web.newPage();
    await signIn(page, 'admin');
    const navigation = page.getByRole('navigation', { name: 'Разделы' });
    await navigation.getByRole('link', { name: 'Организации' }).waitFor();
    await page.getByLabel('Язык интерфейса').filter({ visible: true }).click();
    await page.getByRole('option', { name: 'English' }).click();
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Organizations' })
      .waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('link', { name: 'Administration' }).waitFor();
    await page.reload();
    await page.getByRole('navigation', { name: 'Sections' }).waitFor();
    expect(await page.getByText('Организации').count()).toBe(0);
    await expectNoSeriousAxeViolations(page);
    await page.goto('/');
    await page.getByText(`Hello, ${ACCOUNTS.admin.name}!`).waitFor();
    await screenshot(page, 'home');
  });

  it('shows the sign-in page and the navigation well at desktop and phone widths, in Russian and English', async () => {
    for (const device of ['desktop', 'phone'] as const) {
      for (const language of ['ru', 'en'] as const) {
        const page = await web.newPage({ device, language });
        await page.goto('/login');
        await page.getByRole('heading', { name: language === 'ru' ? 'Вход' : 'Sign in' }).waitFor();
        await expectNoSeriousAxeViolations(page);
        await screenshot(page, 'sign-in');
        await signIn(page, 'cityViewer');
        await page
          .getByText(language === 'ru' ? 'Здравствуйте' : 'Hello', { exact: false })
          .first()
          .waitFor();
        if (device === 'phone') {
          // The navigation hides behind the burger on a phone.
          const burger = page.getByRole('button', { name: language === 'ru' ? 'Открыть меню' : 'Open menu' });
          await burger.click();
          await page.getByRole('link', { name: language === 'ru' ? 'Визиты' : 'Visits' }).waitFor();
          await expectNoSeriousAxeViolations(page);
          await screenshot(page, 'navigation');
          await page.getByRole('link', { name: language === 'ru' ? 'Визиты' : 'Visits' }).click();
          await page.waitForURL((url) => url.pathname === '/visits');
        } else {
          await screenshot(page, 'home');
        }
      }
    }
  });
});

describe('the first administrator', { timeout: 120_000 }, () => {
  let web: WebHarness;
  beforeAll(async () => {
    web = await startWebHarness({ accounts: false });
  });
  afterAll(async () => {
    await web?.close();
  });

  it('signs in with the one-time password, must choose a new one, and the old one stops working', async () => {
    const first = await ensureFirstAdministrator(web.db);
    if (!first) throw new Error('the first administrator was not created');
    const page = await web.newPage();
    await page.goto('/');
    await page.getByLabel('Электронная почта').fill(FIRST_ADMIN_EMAIL);
    await page.getByLabel(/^Пароль/).fill(first.password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL((url) => url.pathname === '/setup-password');
    await page.getByRole('heading', { name: 'Задайте свой пароль' }).waitFor();
    // Nothing else opens before the password is chosen.
    await page.goto('/organizations');
    await page.waitForURL((url) => url.pathname === '/setup-password');
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'first-password');

    await page.getByLabel('Текущий пароль').fill('not the one-time password');
    await page.getByLabel(/^Новый пароль( \*)?$/).fill('a long enough password');
    await page.getByLabel('Новый пароль ещё раз').fill('a long enough password');
    await page.getByRole('button', { name: 'Сохранить пароль' }).click();
    await page.getByText('Текущий пароль введён неверно').waitFor();

    await page.getByLabel('Текущий пароль').fill(first.password);
    await page.getByLabel(/^Новый пароль( \*)?$/).fill('short');
    await page.getByLabel('Новый пароль ещё раз').fill('short');
    await page.getByRole('button', { name: 'Сохранить пароль' }).click();
    await page.getByText('Не короче 10 символов').first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/setup-password');

    const chosen = 'наш-новый-пароль-2026';
    await page.getByLabel(/^Новый пароль( \*)?$/).fill(chosen);
    await page.getByLabel('Новый пароль ещё раз').fill(chosen);
    await page.getByRole('button', { name: 'Сохранить пароль' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByText('Здравствуйте, Администратор!').waitFor();
    await page.getByRole('link', { name: 'Администрирование' }).waitFor();

    // The one-time password no longer signs in; the chosen one does, without asking again.
    const other = await web.newPage();
    await other.goto('/login');
    await other.getByLabel('Электронная почта').fill(FIRST_ADMIN_EMAIL);
    await other.getByLabel(/^Пароль/).fill(first.password);
    await other.getByRole('button', { name: 'Войти' }).click();
    await other.getByRole('alert').waitFor();
    await other.getByLabel(/^Пароль/).fill(chosen);
    await other.getByRole('button', { name: 'Войти' }).click();
    await other.waitForURL((url) => url.pathname === '/');
    await other.getByText('Здравствуйте, Администратор!').waitFor();
  });
});
