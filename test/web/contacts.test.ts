import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoSeriousAxeViolations,
  shoot,
  signIn,
  startWebHarness,
  type WebHarness,
  heading,
} from './harness.ts';

describe('a person’s contacts and card in a real browser', { timeout: 600_000 }, () => {
  let web: WebHarness;
  let personId = 0;

  beforeAll(async () => {
    web = await startWebHarness();
    personId = (
      await web.api<{ id: number }>('admin', 'POST', '/api/persons', {
        fullName: 'Левченко Ольга Сергеевна',
        lastName: 'Левченко',
        firstName: 'Ольга',
        patronymic: 'Сергеевна',
        cityId: web.cities.novokuznetsk,
        positions: [{ title: 'Глава города Новокузнецка', cityId: web.cities.novokuznetsk }],
      })
    ).id;
  });
  afterAll(async () => {
    await web?.close();
  });

  it('enters e-mail, phones and the form of address, marks the head of the city, and downloads the vCard', async () => {
    const page = await web.newPage();
    await signIn(page, 'admin');
    await page.goto(`/persons/${personId}/edit`);
    await heading(page, 'Изменение сведений о человеке');
    await page.getByLabel('Эл. почта').fill('levchenko@nk.example');
    const phones = page.getByRole('combobox', { name: 'Телефоны' });
    await phones.fill('+7 (3843) 32-12-12');
    await phones.press('Enter');
    await phones.fill('8 913 000-11-22');
    await phones.press('Enter');
    await page.getByLabel('Обращение в письме').fill('Уважаемая Ольга Сергеевна!');
    await page.getByLabel('Глава города (мэр, председатель исполкома)').check();
    await shoot(page, 'person-contacts-edit');
    await page.getByRole('button', { name: 'Сохранить' }).click();

    await heading(page, 'Левченко Ольга Сергеевна');
    await page.getByText('levchenko@nk.example').waitFor();
    expect(await page.getByRole('link', { name: '+7 (3843) 32-12-12' }).getAttribute('href')).toBe(
      'tel:+73843321212',
    );
    expect(await page.getByRole('link', { name: '8 913 000-11-22' }).getAttribute('href')).toBe(
      'tel:89130001122',
    );
    await page.getByText('Уважаемая Ольга Сергеевна!').waitFor();
    await page.getByText('глава города', { exact: true }).waitFor();
    await expectNoSeriousAxeViolations(page);
    await shoot(page, 'person-contacts');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Скачать визитку (vCard)' }).click();
    const card = await download;
    expect(card.suggestedFilename()).toBe('Левченко Ольга Сергеевна.vcf');
    const text = await new Response((await card.createReadStream()) as unknown as ReadableStream).text();
    expect(text).toContain('FN:Левченко Ольга Сергеевна');
    expect(text).toContain('TEL;TYPE=work:8 913 000-11-22');
    expect(text).toContain('TITLE:Глава города Новокузнецка');

    const stored = await web.api<{ positions: Array<{ headsCity: boolean }> }>(
      'admin',
      'GET',
      `/api/persons/${personId}`,
    );
    expect(stored.positions[0]?.headsCity).toBe(true);
  });
});
