import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoSeriousAxeViolations,
  screenshot,
  signIn,
  startWebHarness,
  type WebHarness,
} from './harness.ts';

interface StoredItem {
  id: number;
  title: string;
  day: string | null;
  kind: string;
  organizationId: number | null;
  notes: string | null;
  position: number;
}

const SCHOOL = 'Средняя школа № 1 г. Барановичи';

/** Picks a record in a record picker: types part of its name and chooses the option. */
async function pick(
  scope: Page | Locator,
  page: Page,
  label: string | RegExp,
  typed: string,
  option: string,
) {
  const input = scope.getByRole('combobox', { name: label });
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: option }).click();
}

const TITLES = ['Встреча с главой города', 'Встреча с главой администрации', 'Посещение лицея № 21'];

/** The titles of the program's items as the visit page lists them, in order. */
async function programTitles(page: Page): Promise<(string | undefined)[]> {
  const items = await page.getByRole('region', { name: 'Программа' }).locator('li').allTextContents();
  // An item with a time shows it first: «14:30–16:00 Посещение лицея № 21».
  const untimed = items.map((text) => text.replace(/^\d\d:\d\d(–\d\d:\d\d)?/, ''));
  return untimed.map((text) => TITLES.find((title) => text.startsWith(title)));
}

describe(
  'a visit’s program and an event’s participants, edited in a real browser',
  { timeout: 300_000 },
  () => {
    let web: WebHarness;
    let visitId = 0;
    let eventId = 0;

    beforeAll(async () => {
      web = await startWebHarness();
      const visit = await web.api<{ id: number }>('cityEditor', 'POST', '/api/visits', {
        fromCityId: web.cities.baranovichi,
        toCityId: web.cities.novokuznetsk,
        startDate: '2026-05-20',
        endDate: '2026-05-22',
        purpose: 'Обмен опытом в сфере образования',
      });
      visitId = visit.id;
      const event = await web.api<{ id: number }>('cityEditor', 'POST', '/api/events', {
        name: 'Фестиваль «Славянское единство»',
        kind: 'festival',
        cityId: web.cities.baranovichi,
        startDate: '2026-05-21',
        endDate: '2026-05-21',
      });
      eventId = event.id;
    });
    afterAll(async () => {
      await web?.close();
    });

    it('a city editor adds two program items, edits one, moves one up, deletes one; a reload shows it all', async () => {
      const page = await web.newPage();
      await signIn(page, 'cityEditor');
      await page.goto(`/visits/${visitId}`);
      const program = page.getByRole('region', { name: 'Программа' });
      await program.getByText('Программа не записана.').waitFor();

      await program.getByRole('button', { name: 'Добавить пункт программы' }).click();
      let dialog = page.getByRole('dialog', { name: 'Новый пункт программы' });
      // A new item starts on the visit's first day.
      expect(await dialog.getByRole('textbox', { name: 'День' }).inputValue()).toBe('20.05.2026');
      await dialog.getByRole('textbox', { name: /^Что/ }).fill('Встреча с главой города');
      await pick(dialog, page, 'Организация', 'Средняя', SCHOOL);
      await dialog.getByRole('button', { name: 'Создать' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await program.getByText('Встреча с главой города').waitFor();

      await program.getByRole('button', { name: 'Добавить пункт программы' }).click();
      dialog = page.getByRole('dialog', { name: 'Новый пункт программы' });
      await dialog.getByRole('textbox', { name: /^Что/ }).fill('Посещение лицея № 21');
      await dialog.getByRole('combobox', { name: /^Вид/ }).click();
      await page.getByRole('option', { name: 'Посещение организации' }).click();
      await dialog.getByRole('textbox', { name: 'Примечание' }).fill('Экскурсия по лицею');
      // A time that ends before it starts is refused where it was typed.
      await dialog.getByLabel('Начало').fill('14:30');
      await dialog.getByLabel('Окончание').fill('13:00');
      await dialog.getByText('Пункт программы не может закончиться раньше, чем начался').waitFor();
      await dialog.getByLabel('Окончание').fill('16:00');
      // A day outside the visit is refused before anything is sent; what was typed stays.
      const day = dialog.getByRole('textbox', { name: 'День' });
      await day.fill('25.05.2026');
      await day.blur();
      await dialog.getByRole('button', { name: 'Создать' }).click();
      await dialog.getByText('День вне дат визита (20–22 мая 2026 г.)').waitFor();
      expect(await dialog.getByRole('textbox', { name: /^Что/ }).inputValue()).toBe('Посещение лицея № 21');
      await expectNoSeriousAxeViolations(page);
      await screenshot(page, 'program-item-error');
      await day.fill('20.05.2026');
      await day.blur();
      await dialog.getByRole('button', { name: 'Создать' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await program.getByText('Экскурсия по лицею').waitFor();
      expect(await programTitles(page)).toEqual(['Встреча с главой города', 'Посещение лицея № 21']);
      await program.getByText('14:30–16:00', { exact: true }).waitFor();

      await program.getByRole('button', { name: 'Изменить: Встреча с главой города' }).click();
      dialog = page.getByRole('dialog', { name: 'Изменение пункта программы' });
      const title = dialog.getByRole('textbox', { name: /^Что/ });
      expect(await title.inputValue()).toBe('Встреча с главой города');
      await expect
        .poll(() => dialog.getByRole('combobox', { name: 'Организация' }).inputValue(), { timeout: 15_000 })
        .toBe(SCHOOL);
      await title.fill('Встреча с главой администрации');
      await dialog.getByRole('button', { name: 'Сохранить' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await program.getByText('Встреча с главой администрации').waitFor();

      // The first of the day cannot go up, the last cannot go down.
      expect(
        await program.getByRole('button', { name: 'Выше: Встреча с главой администрации' }).isDisabled(),
      ).toBe(true);
      expect(await program.getByRole('button', { name: 'Ниже: Посещение лицея № 21' }).isDisabled()).toBe(
        true,
      );
      // A move sends the whole new order in one request, nothing item by item.
      const writes: string[] = [];
      page.on('request', (request) => {
        if (request.method() !== 'GET') writes.push(`${request.method()} ${new URL(request.url()).pathname}`);
      });
      await program.getByRole('button', { name: 'Выше: Посещение лицея № 21' }).click();
      await expect
        .poll(() => programTitles(page), { timeout: 15_000 })
        .toEqual(['Посещение лицея № 21', 'Встреча с главой администрации']);
      expect(writes).toEqual([`PUT /api/visits/${visitId}/program/order`]);
      await expectNoSeriousAxeViolations(page);
      await screenshot(page, 'visit-program');

      await page.reload();
      await program.getByText('Посещение лицея № 21').waitFor();
      expect(await programTitles(page)).toEqual(['Посещение лицея № 21', 'Встреча с главой администрации']);

      // Someone else changes an item after the page loaded: the move is refused as a whole, the
      // editor is told why and sees the program as it is now, in the order it was.
      const stale = await web.api<{ program: (StoredItem & { version: number })[] }>(
        'cityEditor',
        'GET',
        `/api/visits/${visitId}/details`,
      );
      const meeting = stale.program.find((entry) => entry.title === 'Встреча с главой администрации')!;
      await web.api('cityEditor', 'PATCH', `/api/visit-program-items/${meeting.id}`, {
        notes: 'Перенесена на 11:00',
        version: meeting.version,
      });
      await program.getByRole('button', { name: 'Ниже: Посещение лицея № 21' }).click();
      await page.getByText(/^Программу визита изменил другой пользователь/).waitFor();
      await program.getByText('Перенесена на 11:00').waitFor();
      expect(await programTitles(page)).toEqual(['Посещение лицея № 21', 'Встреча с главой администрации']);
      const refused = await web.api<{ program: StoredItem[] }>(
        'cityEditor',
        'GET',
        `/api/visits/${visitId}/details`,
      );
      expect(refused.program.map((entry) => [entry.title, entry.position])).toEqual(
        stale.program.map((entry) => [entry.title, entry.position]),
      );
      // Once the page shows the program as it is, the same move goes through.
      await program.getByRole('button', { name: 'Ниже: Посещение лицея № 21' }).click();
      await expect
        .poll(() => programTitles(page), { timeout: 15_000 })
        .toEqual(['Встреча с главой администрации', 'Посещение лицея № 21']);

      // Each item's delete button says which item it deletes, for a screen reader's list of buttons.
      await program
        .getByRole('button', { name: 'Удалить: Встреча с главой администрации', exact: true })
        .click();
      const ask = page.getByRole('dialog', { name: 'Удалить запись?' });
      await ask.getByText(/Встреча с главой администрации/).waitFor();
      await ask.getByRole('button', { name: 'Удалить' }).click();
      await ask.waitFor({ state: 'hidden' });
      await expect.poll(() => programTitles(page), { timeout: 15_000 }).toEqual(['Посещение лицея № 21']);

      await page.reload();
      await program.getByText('Экскурсия по лицею').waitFor();
      expect(await programTitles(page)).toEqual(['Посещение лицея № 21']);
      await program.getByText('14:30–16:00', { exact: true }).waitFor();
      const stored = await web.api<{ program: StoredItem[] }>(
        'cityEditor',
        'GET',
        `/api/visits/${visitId}/details`,
      );
      expect(stored.program).toEqual([
        expect.objectContaining({
          title: 'Посещение лицея № 21',
          day: '2026-05-20',
          startTime: '14:30',
          endTime: '16:00',
          kind: 'organization_visit',
          notes: 'Экскурсия по лицею',
          organizationId: null,
        }),
      ]);
    });

    it('a city editor adds a city and an organization to an event’s participants and sees them on its page', async () => {
      const page = await web.newPage();
      await signIn(page, 'cityEditor');
      await page.goto(`/events/${eventId}`);
      const participants = page.getByRole('region', { name: 'Участники' });
      await participants.getByText('Участники не указаны.').waitFor();
      await page.getByRole('link', { name: 'Изменить' }).click();
      await page.getByRole('heading', { name: 'Изменение мероприятия' }).waitFor();

      await page.getByRole('button', { name: 'Добавить участника' }).click();
      await pick(page, page, 'Участник 1', 'Новокуз', 'Новокузнецк (RU)');
      await page.getByRole('textbox', { name: 'Роль участника 1' }).fill('делегация');
      await page.getByRole('button', { name: 'Добавить участника' }).click();
      await page.getByRole('radiogroup', { name: 'Кто участник 2' }).getByText('Организация').click();
      await pick(page, page, 'Участник 2', 'Средняя', SCHOOL);
      await page.getByRole('textbox', { name: 'Роль участника 2' }).fill('хор');
      await expectNoSeriousAxeViolations(page);
      await screenshot(page, 'event-participants-edit');
      await page.getByRole('button', { name: 'Сохранить' }).click();
      await page.waitForURL(`**/events/${eventId}`);

      await expect
        .poll(() => participants.locator('li').allTextContents(), { timeout: 15_000 })
        .toEqual(['Новокузнецк, делегация', `${SCHOOL}, хор`]);
      const stored = await web.api<{ participants: unknown[] }>(
        'cityEditor',
        'GET',
        `/api/events/${eventId}`,
      );
      expect(stored.participants).toEqual([
        expect.objectContaining({ cityId: web.cities.novokuznetsk, organizationId: null, role: 'делегация' }),
        expect.objectContaining({ cityId: null, organizationId: web.organizationId, role: 'хор' }),
      ]);

      // Removing one leaves the other.
      await page.getByRole('link', { name: 'Изменить' }).click();
      await page.getByRole('button', { name: 'Убрать участника 1' }).click();
      await page.getByRole('button', { name: 'Сохранить' }).click();
      await page.waitForURL(`**/events/${eventId}`);
      await expect
        .poll(() => participants.locator('li').allTextContents(), { timeout: 15_000 })
        .toEqual([`${SCHOOL}, хор`]);
    });

    it('a city editor records an agreement signed during the visit from the visit page', async () => {
      const page = await web.newPage();
      await signIn(page, 'cityEditor');
      await page.goto(`/visits/${visitId}`);
      const signed = page.getByRole('region', { name: 'Подписанные соглашения' });
      await signed.getByText('Соглашений на визите не подписано.').waitFor();
      await signed.getByRole('link', { name: 'Добавить подписанное соглашение' }).click();
      await page.getByRole('heading', { level: 1, name: 'Новое соглашение' }).waitFor();
      await page.getByRole('link', { name: 'Подписано во время визита' }).waitFor();
      // The visit's two cities are the parties and its first day the signing, unless changed.
      await expect
        .poll(() => page.getByRole('combobox', { name: 'Сторона 2' }).inputValue(), { timeout: 15_000 })
        .toBe('Новокузнецк (RU)');
      expect(await page.getByRole('textbox', { name: 'Подписано', exact: true }).inputValue()).toBe(
        '20.05.2026',
      );
      await page
        .getByRole('textbox', { name: /^Название/ })
        .fill('Соглашение о сотрудничестве в сфере образования');
      await page.getByRole('button', { name: 'Создать' }).click();
      await page.waitForURL(/\/agreements\/\d+$/);
      await page.goto(`/visits/${visitId}`);
      await signed.getByRole('link', { name: 'Соглашение о сотрудничестве в сфере образования' }).waitFor();
      expect(await signed.innerText()).toContain('20 мая 2026');

      // The program's signing names that agreement, and a festival item the event attended.
      const program = page.getByRole('region', { name: 'Программа' });
      const link = async (kind: string, title: string, label: string, typed: string, option: string) => {
        await program.getByRole('button', { name: 'Добавить пункт программы' }).click();
        const dialog = page.getByRole('dialog', { name: 'Новый пункт программы' });
        await dialog.getByRole('textbox', { name: /^Что/ }).fill(title);
        await dialog.getByRole('combobox', { name: /^Вид/ }).click();
        await page.getByRole('option', { name: kind, exact: true }).click();
        await pick(dialog, page, label, typed, option);
        await dialog.getByRole('button', { name: 'Создать' }).click();
        await dialog.waitFor({ state: 'hidden' });
      };
      await link(
        'Подписание',
        'Подписание соглашения',
        'Подписанное соглашение',
        'сотрудничестве',
        'Соглашение о сотрудничестве в сфере образования',
      );
      await link(
        'Мероприятие',
        'Открытие фестиваля',
        'Мероприятие',
        'Фестиваль',
        'Фестиваль «Славянское единство»',
      );
      await page.reload();
      await program.getByRole('link', { name: 'Соглашение о сотрудничестве в сфере образования' }).waitFor();
      await program.getByRole('link', { name: 'Фестиваль «Славянское единство»' }).click();
      await page.getByRole('heading', { level: 1, name: 'Фестиваль «Славянское единство»' }).waitFor();
    });

    it('shows a city viewer the program without any edit control', async () => {
      const page = await web.newPage();
      await signIn(page, 'cityViewer');
      await page.goto(`/visits/${visitId}`);
      const program = page.getByRole('region', { name: 'Программа' });
      await program.getByText('Посещение лицея № 21').waitFor();
      expect(await program.getByRole('button').count()).toBe(0);
      await expectNoSeriousAxeViolations(page);
    });

    it('shows the program and the participants well in Russian and English at desktop and phone widths', async () => {
      for (const device of ['desktop', 'phone'] as const) {
        for (const language of ['ru', 'en'] as const) {
          const page = await web.newPage({ device, language });
          await signIn(page, 'cityEditor');
          await page.goto(`/visits/${visitId}`);
          await page.getByText('Экскурсия по лицею').waitFor();
          await expectNoSeriousAxeViolations(page);
          await screenshot(page, 'visit-program');
          await page
            .getByRole('button', {
              name: language === 'ru' ? 'Изменить: Посещение лицея № 21' : 'Edit: Посещение лицея № 21',
            })
            .click();
          const dialog = page.getByRole('dialog');
          await dialog.getByRole('textbox', { name: /^(Что|What)/ }).waitFor();
          await expectNoSeriousAxeViolations(page);
          await screenshot(page, 'program-item-dialog');
          await page.goto(`/events/${eventId}/edit`);
          await page
            .getByRole('textbox', { name: language === 'ru' ? 'Роль участника 1' : 'Role of participant 1' })
            .waitFor();
          await expect
            .poll(() => page.getByRole('combobox', { name: /^(Участник 1|Participant 1)/ }).inputValue(), {
              timeout: 15_000,
            })
            .toBe(SCHOOL);
          await expectNoSeriousAxeViolations(page);
          await screenshot(page, 'event-participants-edit');
          await page.context().close();
        }
      }
    });
  },
);
