import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCOUNTS,
  expectNoSeriousAxeViolations,
  screenshot,
  signIn,
  startWebHarness,
  watchErrors,
  type Device,
  type WebHarness,
} from './harness.ts';

const WORDS = {
  ru: {
    account: 'Учётная запись',
    userMenu: /Меню пользователя/,
    tokens: 'API-токены',
    name: /^Название/,
    create: 'Создать токен',
    created: (name: string) => `Токен «${name}» создан`,
    once: 'Он показывается только один раз',
    close: 'Закрыть',
    neverUsed: 'ещё не использовался',
    lastUsed: 'последнее использование',
    revoke: 'Отозвать',
    revokeTitle: 'Отозвать токен?',
    confirm: 'Отозвать',
    role: 'Редактор: Барановичи',
  },
  en: {
    account: 'Account',
    userMenu: /User menu/,
    tokens: 'API tokens',
    name: /^Name/,
    create: 'Create token',
    created: (name: string) => `Token “${name}” created`,
    once: 'It is shown only once',
    close: 'Close',
    neverUsed: 'never used',
    lastUsed: 'last used',
    revoke: 'Revoke',
    revokeTitle: 'Revoke the token?',
    confirm: 'Revoke',
    role: 'Editor: Baranovichi',
  },
} as const;

/** A script's request with the token, from outside the browser, as a partner system would send it. */
async function visitsWith(web: WebHarness, secret: string): Promise<number> {
  const response = await fetch(`${web.url}/api/visits`, { headers: { authorization: `Bearer ${secret}` } });
  return response.status;
}

/** Opens the account page from the user menu of the header. */
async function openAccount(page: Page, words: (typeof WORDS)['ru' | 'en']): Promise<void> {
  // On a phone the header shows no name, only the menu's hidden label.
  await page.getByRole('button', { name: words.userMenu }).click();
  await page.getByRole('menuitem', { name: words.account }).click();
  await page.waitForURL((url) => url.pathname === '/account');
  await page.getByRole('heading', { name: words.account, level: 1 }).waitFor();
}

describe('the account page and API tokens in a real browser', { timeout: 240_000 }, () => {
  let web: WebHarness;
  beforeAll(async () => {
    web = await startWebHarness();
  });
  afterAll(async () => {
    await web?.close();
  });

  for (const [language, device] of [
    ['ru', 'desktop'],
    ['ru', 'phone'],
    ['en', 'desktop'],
    ['en', 'phone'],
  ] as const satisfies readonly (readonly ['ru' | 'en', Device])[]) {
    it(`creates a token, shows its secret once, the token works until revoked (${language}, ${device})`, async () => {
      const words = WORDS[language];
      const page = await web.newPage({ language, device });
      await signIn(page, 'cityEditor');
      // Watched from here: signed out, the sign-in page's session check answers 401 by design.
      const errors = watchErrors(page);
      await openAccount(page, words);
      await page.getByText(ACCOUNTS.cityEditor.email).first().waitFor();
      await page.getByText(words.role).waitFor();
      const tokens = page.getByRole('region', { name: words.tokens });
      await tokens.waitFor();
      await expectNoSeriousAxeViolations(page);
      await screenshot(page, 'account');

      const name = `Выгрузка визитов ${language} ${device}`;
      await tokens.getByRole('textbox', { name: words.name }).fill(name);
      await tokens.getByRole('button', { name: words.create }).click();
      const dialog = page.getByRole('dialog', { name: words.created(name) });
      await dialog.getByText(words.once).waitFor();
      const secret = ((await dialog.getByTestId('api-token-secret').textContent()) ?? '').trim();
      expect(secret).toMatch(/^pbt_\S{40,}$/);
      await expectNoSeriousAxeViolations(page);
      await screenshot(page, 'account-token-secret');

      await dialog.getByRole('button', { name: words.close }).first().click();
      await dialog.waitFor({ state: 'hidden' });
      const item = tokens.getByRole('listitem').filter({ hasText: name });
      await item.getByText(words.neverUsed).waitFor();
      // Once closed, the secret is nowhere in the page, and the list never had it.
      expect(await page.content()).not.toContain(secret);

      expect(await visitsWith(web, secret)).toBe(200);
      await page.reload();
      await item.getByText(words.lastUsed).waitFor();
      expect(await page.content()).not.toContain(secret);

      await item.getByRole('button', { name: words.revoke }).click();
      const confirm = page.getByRole('dialog', { name: words.revokeTitle });
      await confirm.getByText(name).waitFor();
      await expectNoSeriousAxeViolations(page);
      await confirm.getByRole('button', { name: words.confirm }).click();
      await confirm.waitFor({ state: 'hidden' });
      await item.waitFor({ state: 'detached' });
      expect(await visitsWith(web, secret)).toBe(401);
      expect(errors).toEqual([]);
    });
  }

  it('asks for a name before creating a token, and links to the password change', async () => {
    const page = await web.newPage();
    await signIn(page, 'cityEditor');
    await page.goto('/account');
    const tokens = page.getByRole('region', { name: 'API-токены' });
    await tokens.getByRole('button', { name: 'Создать токен' }).click();
    await tokens.getByText('Заполните это поле').waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.getByRole('link', { name: 'Сменить пароль' }).click();
    await page.waitForURL((url) => url.pathname === '/setup-password');
    await page.getByRole('heading', { name: 'Смена пароля' }).waitFor();
  });
});
