import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoSeriousAxeViolations,
  shoot,
  signIn,
  startWebHarness,
  type WebHarness,
  heading,
  daysFromToday as day,
} from './harness.ts';

describe('an agreement’s legal path in a real browser', { timeout: 600_000 }, () => {
  let web: WebHarness;
  let agreementId = 0;
  const TITLE = 'Соглашение о сотрудничестве Барановичей и Новокузнецка в области культуры';

  beforeAll(async () => {
    web = await startWebHarness();
    const agreement = await web.api<{ id: number; version: number }>(
      'cityEditor',
      'POST',
      '/api/agreements',
      {
        kind: 'cooperation',
        title: TITLE,
        parties: [{ cityId: web.cities.baranovichi }, { cityId: web.cities.novokuznetsk }],
      },
    );
    agreementId = agreement.id;
    await web.api('cityEditor', 'POST', `/api/agreements/${agreementId}/stages`, {
      stage: 'signed',
      enteredOn: day(-3),
      version: agreement.version,
    });
  });
  afterAll(async () => {
    await web?.close();
  });

  it('registers a signed agreement with its number, and the registration reminder leaves the home page', async () => {
    const page = await web.newPage();
    await signIn(page, 'cityEditor');
    await page.goto('/');
    const reminder = page.getByText(`Зарегистрировать «${TITLE}»`);
    await reminder.waitFor();

    await page.goto(`/agreements/${agreementId}`);
    await heading(page, TITLE);
    const path = page.locator('[aria-label="Правовой путь соглашения"]');
    await path.getByText('подписано', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Перевести на следующий этап' }).click();
    const form = page.getByRole('form', { name: 'Перевести на следующий этап' });
    await form
      .getByRole('textbox', { name: 'Этап' })
      .or(form.getByRole('combobox', { name: 'Этап' }))
      .first()
      .click();
    await page.getByRole('option', { name: 'зарегистрировано' }).click();
    await form.getByLabel('Регистрационный номер').fill('12-МС/2026');
    await form.getByLabel('Регистрирующий орган').fill('Брестский облисполком');
    await shoot(page, 'agreement-register');
    await form.getByRole('button', { name: 'Сохранить этап' }).click();
    await path.getByText('№ 12-МС/2026, Брестский облисполком').waitFor();
    expect(await path.getByText('зарегистрировано').count()).toBeGreaterThan(0);
    await expectNoSeriousAxeViolations(page);
    await shoot(page, 'agreement-legal-path');

    const stored = await web.api<{ stage: string }>('cityEditor', 'GET', `/api/agreements/${agreementId}`);
    expect(stored.stage).toBe('registered');
    await page.goto('/');
    await page.getByRole('heading', { name: 'Что впереди' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByText(`Зарегистрировать «${TITLE}»`).count()).toBe(0);
  });
});
