import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtp, type TestSmtp } from '../../src/modules/mail/test-smtp.ts';
import {
  expectNoSeriousAxeViolations,
  screenshot,
  signIn,
  startWebHarness,
  type WebHarness,
} from './harness.ts';

/** Where the mail screenshots are copied for review, beside test-results. */
const SHOTS = '/tmp/mail-shots';

async function shot(page: Page, name: string): Promise<void> {
  const file = await screenshot(page, name);
  await mkdir(SHOTS, { recursive: true });
  await copyFile(file, path.join(SHOTS, path.basename(file)));
}

describe('mail in a real browser', { timeout: 240_000 }, () => {
  let web: WebHarness;
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startTestSmtp('office-mailer', 'smtp-pass-word');
    web = await startWebHarness();
  });
  afterAll(async () => {
    await web?.close();
    await smtp?.close();
  });

  it('lets a user choose a daily digest, saying that mail is not set up yet', async () => {
    const page = await web.newPage();
    await signIn(page, 'cityEditor');
    await page.goto('/account');
    const card = page.getByRole('region', { name: 'Сводка по почте' });
    await card.getByText('письмом на city-editor@example.org').waitFor();
    await card.getByTestId('digest-mail-off').getByText('Почта пока не настроена администратором').waitFor();
    await card.getByText('Каждый день').click();
    await card.getByRole('status').getByText('Сводка будет приходить каждый день.').waitFor();
    expect(await web.api('cityEditor', 'GET', '/api/mail/digest')).toMatchObject({
      digest: 'daily',
      mailConfigured: false,
    });
    await expectNoSeriousAxeViolations(page);
    await shot(page, 'account-digest');
  });

  it('has the administrator set the SMTP server in Settings and send a test letter', async () => {
    const page = await web.newPage();
    await signIn(page, 'admin');
    await page.goto('/settings/mail');
    await page.getByRole('tab', { name: 'Почта', selected: true }).waitFor();
    await page.getByTestId('mail-not-configured').waitFor();
    await page.getByRole('textbox', { name: 'Сервер SMTP' }).fill('127.0.0.1');
    await page.getByRole('textbox', { name: 'Порт' }).fill(String(smtp.port));
    await page.getByRole('combobox', { name: 'Защита' }).click();
    await page.getByRole('option', { name: 'Без шифрования' }).click();
    await page.getByRole('textbox', { name: 'Имя пользователя' }).fill('office-mailer');
    await page.getByLabel('Пароль', { exact: true }).fill('smtp-pass-word');
    await page
      .getByRole('textbox', { name: 'Адрес отправителя' })
      .fill('Отдел международных связей <office@baranovichi.example>');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByText('Настройки почты сохранены.').waitFor();
    await page.getByTestId('mail-not-configured').waitFor({ state: 'detached' });
    await page.getByText('Пароль сохранён; введите новый, чтобы заменить').waitFor();
    const stored = await web.api<Record<string, unknown>>('admin', 'GET', '/api/mail/server');
    expect(stored).toMatchObject({ configured: true, host: '127.0.0.1', port: smtp.port, passwordSet: true });
    expect(JSON.stringify(stored)).not.toContain('smtp-pass-word');

    await page.getByRole('button', { name: 'Отправить проверочное письмо' }).click();
    await page.getByText('Проверочное письмо отправлено на admin@example.org.').waitFor();
    const [letter] = await smtp.waitFor(1);
    expect(letter!.to).toMatchObject({ text: 'admin@example.org' });
    expect(letter!.subject).toBe('Pobratim: проверочное письмо');
    expect(letter!.from?.value[0]).toMatchObject({
      name: 'Отдел международных связей',
      address: 'office@baranovichi.example',
    });
    await expectNoSeriousAxeViolations(page);
    await shot(page, 'settings-mail');
  });

  it('tells the user the digest will come now that mail is set up', async () => {
    const page = await web.newPage();
    await signIn(page, 'cityEditor');
    await page.goto('/account');
    const card = page.getByRole('region', { name: 'Сводка по почте' });
    await card.getByText('Ежедневная сводка приходит в 08:00').waitFor();
    expect(await card.getByTestId('digest-mail-off').count()).toBe(0);
    await expect.poll(() => card.getByRole('radio', { name: 'Каждый день' }).isChecked()).toBe(true);
  });

  it('assigns a plan item to a colleague, who is told by mail with a link to the agreement', async () => {
    const agreement = await web.api<{ id: number }>('admin', 'POST', '/api/agreements', {
      kind: 'twinning',
      title: 'Соглашение о дружбе Барановичей и Кутно',
      status: 'in_force',
      signedOn: '2019-05-14',
      parties: [{ cityId: web.cities.baranovichi }, { cityId: web.cities.kutno }],
    });
    await web.api('admin', 'POST', '/api/plan-items', {
      agreementId: agreement.id,
      title: 'Обмен делегациями школьников',
      dueOn: '2027-03-01',
    });
    const before = smtp.letters.length;
    const page = await web.newPage();
    await signIn(page, 'admin');
    await page.goto(`/agreements/${agreement.id}`);
    await page.getByRole('button', { name: 'Изменить: Обмен делегациями школьников' }).click();
    const form = page.getByRole('form', { name: 'Изменение мероприятия «Обмен делегациями школьников»' });
    await form.getByRole('combobox', { name: 'Поручено' }).click();
    await page.getByRole('option', { name: 'Елена Редакторова' }).click();
    await form.getByRole('button', { name: 'Сохранить' }).click();
    await form.waitFor({ state: 'detached' });
    const letters = await smtp.waitFor(before + 1);
    const notice = letters[before]!;
    expect(notice.to).toMatchObject({ text: 'city-editor@example.org' });
    expect(notice.subject).toBe('Вам поручен пункт плана: Обмен делегациями школьников');
    expect(notice.text).toContain('Анна Админова поручил(а) вам пункт плана');
    expect(notice.html).toContain(`${web.url}/agreements/${agreement.id}`);
  });
});
