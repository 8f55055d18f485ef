import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRecordSources } from '../../src/modules/documents/record-source.repository.ts';
import {
  expectNoSeriousAxeViolations,
  screenshot,
  signIn,
  startWebHarness,
  type WebHarness,
} from './harness.ts';

interface StoredVisit {
  id: number;
  version: number;
  purpose: string | null;
  outcomes: string | null;
  startDate: string;
  endDate: string;
}

/** Picks a city in a city picker: types part of its name and chooses the option. */
async function pickCity(page: Page, label: string | RegExp, typed: string, option: string | RegExp) {
  const input = page.getByRole('combobox', { name: label });
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: option }).click();
}

describe('visits, cities, events and the calendar in a real browser', { timeout: 300_000 }, () => {
  let web: WebHarness;
  let visitId = 0;
  let eventId = 0;

  beforeAll(async () => {
    web = await startWebHarness();
    await web.api('admin', 'POST', '/api/twinnings', {
      cityIds: [web.cities.baranovichi, web.cities.novokuznetsk],
      tier: 'twin',
      status: 'active',
      establishedOn: '1995-06-12',
    });
    await web.api('admin', 'PATCH', `/api/cities/${web.cities.novokuznetsk}`, {
      foundedYear: 1618,
      cityDay: '--06-12',
      version: (await web.api<{ version: number }>('admin', 'GET', `/api/cities/${web.cities.novokuznetsk}`))
        .version,
    });
  });
  afterAll(async () => {
    await web?.close();
  });

  it('a city editor creates a visit through the form, the API’s date-order message on the field keeping what was typed', async () => {
    const page = await web.newPage();
    await signIn(page, 'cityEditor');
    await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Визиты' }).click();
    await page.getByRole('heading', { name: 'Визиты' }).waitFor();
    await page.getByRole('link', { name: 'Новый визит' }).click();
    await page.getByRole('heading', { name: 'Новый визит' }).waitFor();

    // The editor's own city is where the delegation comes from unless changed.
    await expect
      .poll(() => page.getByRole('combobox', { name: /^Откуда/ }).inputValue(), { timeout: 15_000 })
      .toBe('Барановичи (BY)');
    await pickCity(page, /^Куда/, 'Новокуз', 'Новокузнецк (RU)');
    await page.getByRole('textbox', { name: /^Дата начала/ }).fill('20.05.2026');
    await page.getByRole('textbox', { name: /^Дата окончания/ }).fill('18.05.2026');
    await page.getByRole('textbox', { name: 'Цель визита' }).fill('Обмен опытом в сфере образования');
    await page.getByRole('textbox', { name: 'Итоги' }).fill('Подписан план совместных мероприятий');

    const refused = page.waitForResponse(
      (response) => response.url().endsWith('/api/visits') && response.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Создать' }).click();
    expect((await refused).status()).toBe(400);
    const endDate = page.getByRole('textbox', { name: /^Дата окончания/ });
    await expect.poll(() => endDate.getAttribute('aria-invalid'), { timeout: 15_000 }).toBe('true');
    const described = await endDate.getAttribute('aria-describedby');
    const message = page.locator(`[id="${described?.split(' ').find((id) => id.includes('error'))}"]`);
    expect(await message.textContent()).toBe('Дата окончания раньше даты начала');
    // Nothing typed is lost.
    expect(new URL(page.url()).pathname).toBe('/visits/new');
    expect(await page.getByRole('textbox', { name: /^Дата начала/ }).inputValue()).toBe('20.05.2026');
    expect(await page.getByRole('textbox', { name: 'Цель визита' }).inputValue()).toBe(
      'Обмен опытом в сфере образования',
    );
    expect(await page.getByRole('combobox', { name: /^Куда/ }).inputValue()).toBe('Новокузнецк (RU)');
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'visit-form-error');

    await endDate.fill('22.05.2026');
    await page.getByRole('button', { name: 'Создать' }).click();
    await page.waitForURL(/\/visits\/\d+$/);
    visitId = Number(/\/visits\/(\d+)$/.exec(page.url())![1]);
    await page.getByRole('heading', { name: 'Визит: Барановичи → Новокузнецк' }).waitFor();
    await page.getByText('Обмен опытом в сфере образования').waitFor();
    const stored = await web.api<StoredVisit>('cityEditor', 'GET', `/api/visits/${visitId}`);
    expect(stored).toMatchObject({
      startDate: '2026-05-20',
      endDate: '2026-05-22',
      purpose: 'Обмен опытом в сфере образования',
    });

    const event = await web.api<{ id: number }>('cityEditor', 'POST', '/api/events', {
      name: 'Фестиваль «Славянское единство»',
      kind: 'festival',
      cityId: web.cities.novokuznetsk,
      startDate: '2026-05-21',
      endDate: '2026-05-21',
      visitId,
      participants: [{ cityId: web.cities.baranovichi, role: 'делегация' }],
    });
    eventId = event.id;
  });

  it('finds the visit in the list by a filter, opens it, edits it', async () => {
    const page = await web.newPage();
    await signIn(page, 'cityEditor');
    await web.api('cityEditor', 'POST', '/api/visits', {
      fromCityId: web.cities.kutno,
      toCityId: web.cities.baranovichi,
      startDate: '2025-09-03',
      endDate: '2025-09-05',
      status: 'done',
      purpose: 'Делегация Кутно на Дне города',
    });
    await page.goto('/visits');
    const table = page.getByRole('table', { name: 'Визиты' });
    await table.getByText('Делегация Кутно на Дне города').waitFor();
    await pickCity(page, 'Город-партнёр', 'Новокуз', 'Новокузнецк (RU)');
    await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(/partner=\d+/);
    await page.getByRole('combobox', { name: 'Направление' }).click();
    await page.getByRole('option', { name: 'Наши поездки' }).click();
    await expect
      .poll(() => page.url(), { timeout: 15_000 })
      .toMatch(/partner=\d+.*direction=out|direction=out.*partner=\d+/);
    const link = table.getByRole('link', { name: '20–22 мая 2026 г.' });
    await link.waitFor();
    await expect
      .poll(() => table.getByText('Делегация Кутно на Дне города').count(), { timeout: 15_000 })
      .toBe(0);
    expect(await table.locator('tbody tr').count()).toBe(1);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'visits-filtered');

    await link.click();
    await page.waitForURL(`**/visits/${visitId}`);
    await page.getByRole('link', { name: 'Изменить' }).click();
    await page.getByRole('heading', { name: 'Изменение визита' }).waitFor();
    const purpose = page.getByRole('textbox', { name: 'Цель визита' });
    await expect
      .poll(() => purpose.inputValue(), { timeout: 15_000 })
      .toBe('Обмен опытом в сфере образования');
    await purpose.fill('Обмен опытом в сфере образования и культуры');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.waitForURL(`**/visits/${visitId}`);
    await page.getByText('Обмен опытом в сфере образования и культуры').waitFor();
  });

  it('a stale edit opens the conflict dialog; the merge keeps the user’s field and the other’s change', async () => {
    const page = await web.newPage();
    await signIn(page, 'cityEditor');
    await page.goto(`/visits/${visitId}/edit`);
    const purpose = page.getByRole('textbox', { name: 'Цель визита' });
    await expect
      .poll(() => purpose.inputValue(), { timeout: 15_000 })
      .toBe('Обмен опытом в сфере образования и культуры');

    // Somebody else saves the visit while the form is open.
    const loaded = await web.api<StoredVisit>('admin', 'GET', `/api/visits/${visitId}`);
    await web.api('admin', 'PATCH', `/api/visits/${visitId}`, {
      purpose: 'Рабочая поездка по линии образования',
      outcomes: 'Договорились об обмене учителями',
      version: loaded.version,
    });

    await purpose.fill('Обмен опытом: школы и колледжи');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    const dialog = page.getByRole('dialog', { name: 'Запись изменил другой пользователь' });
    await dialog.waitFor();
    await dialog.getByText('Рабочая поездка по линии образования').waitFor();
    await dialog.getByText('Обмен опытом: школы и колледжи').waitFor();
    // Only the field the user edited is theirs to choose: the outcomes are not asked about.
    expect(await dialog.getByText('Договорились об обмене учителями').count()).toBe(0);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'visit-conflict');
    await dialog.getByRole('button', { name: 'Сохранить выбранное' }).click();
    await page.waitForURL(`**/visits/${visitId}`);
    await page.getByText('Обмен опытом: школы и колледжи').waitFor();
    const merged = await web.api<StoredVisit>('admin', 'GET', `/api/visits/${visitId}`);
    expect(merged.purpose).toBe('Обмен опытом: школы и колледжи');
    expect(merged.outcomes).toBe('Договорились об обмене учителями');
  });

  it('shows the visit page with its event, the press-release draft, and asks before deleting', async () => {
    const body =
      'Делегация города Барановичи посетит Новокузнецк 20–22 мая. В программе — обмен опытом школ.';
    // A press release imported (stored with its extraction) and linked as the visit's source, as
    // accepting its draft would link it.
    const imported = await web.api<{ document: { id: number } }>('cityEditor', 'POST', '/api/documents', {
      text: body,
      title: 'Барановичские школьники едут в Новокузнецк',
    });
    const documentId = imported.document.id;
    const evidence = 'Делегация города Барановичи посетит Новокузнецк 20–22 мая.';
    await insertRecordSources(web.db, [
      { documentId, recordType: 'visit', recordId: visitId, spanStart: 0, spanEnd: evidence.length },
    ]);
    const page = await web.newPage();
    await signIn(page, 'cityEditor');
    await page.goto(`/visits/${visitId}`);
    // The source document, with the sentence it was read from, linking to that place in it.
    const sources = page.getByRole('region', { name: 'Источники' });
    const source = sources.getByRole('link', { name: 'Барановичские школьники едут в Новокузнецк' });
    expect(await source.getAttribute('href')).toBe(`/documents/${documentId}?span=0-${evidence.length}`);
    expect(await sources.locator('blockquote').textContent()).toBe(evidence);
    const events = page.getByRole('region', { name: 'Мероприятия' });
    expect(
      await events.getByRole('link', { name: 'Фестиваль «Славянское единство»' }).getAttribute('href'),
    ).toBe(`/events/${eventId}`);
    await page.getByRole('button', { name: 'Пресс-релиз' }).click();
    const draft = page.getByRole('dialog', { name: 'Черновик пресс-релиза' });
    await draft.getByRole('button', { name: 'Копировать текст' }).waitFor();
    const text = (await draft.locator('article').textContent()) ?? '';
    expect(text).toMatch(/Новокузнецк/);
    expect(await draft.getByRole('link', { name: 'Скачать DOCX' }).getAttribute('href')).toBe(
      `/api/visits/${visitId}/press-release?format=docx`,
    );
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'visit-press-release');
    await draft.getByRole('button', { name: 'Закрыть' }).click();

    const doomed = await web.api<{ id: number }>('cityEditor', 'POST', '/api/visits', {
      fromCityId: web.cities.baranovichi,
      toCityId: web.cities.kutno,
      startDate: '2026-10-01',
      endDate: '2026-10-02',
      purpose: 'Ошибочная запись',
    });
    await page.goto(`/visits/${doomed.id}`);
    await page.getByRole('button', { name: 'Удалить' }).click();
    const ask = page.getByRole('dialog', { name: 'Удалить запись?' });
    await ask.getByRole('button', { name: 'Отмена' }).click();
    await ask.waitFor({ state: 'hidden' });
    await web.api('cityEditor', 'GET', `/api/visits/${doomed.id}`); // still there
    await page.getByRole('button', { name: 'Удалить' }).click();
    await ask.getByRole('button', { name: 'Удалить' }).click();
    await page.waitForURL((url) => url.pathname === '/visits');
    await expect(web.api('cityEditor', 'GET', `/api/visits/${doomed.id}`)).rejects.toThrow(/404/);
  });

  it('finds the visit and its event on the partner city’s timeline, and the city’s facts', async () => {
    const page = await web.newPage();
    await signIn(page, 'cityEditor');
    await page
      .getByRole('navigation', { name: 'Разделы' })
      .getByRole('link', { name: 'Города и побратимы' })
      .click();
    const table = page.getByRole('table', { name: 'Города-побратимы: Барановичи' });
    await table.getByRole('cell', { name: 'Россия' }).waitFor();
    await table.getByText('12 июня 1995 г.').waitFor();
    // The pointer still rests on the navigation link just clicked; its hover shade is the shell's.
    await page.mouse.move(0, 0);
    await expectNoSeriousAxeViolations(page);
    await table.getByRole('link', { name: 'Новокузнецк' }).click();
    await page.getByRole('heading', { name: 'Новокузнецк', level: 1 }).waitFor();
    await page.getByText('День города: 12 июня').waitFor();
    await page.getByText('Год основания: 1618').waitFor();
    const year = page.getByRole('region', { name: '2026' });
    const visit = year.getByRole('link', { name: /^Визит нашей делегации: Обмен опытом: школы и колледжи/ });
    expect(await visit.getAttribute('href')).toBe(`/visits/${visitId}`);
    expect(
      await year.getByRole('link', { name: 'Фестиваль «Славянское единство»' }).getAttribute('href'),
    ).toBe(`/events/${eventId}`);
    await page.getByRole('region', { name: '1995' }).getByText('Установлены побратимские связи').waitFor();
    // The partner's facts are kept by the editors of the cities twinned with it, this editor's too.
    await page.getByRole('button', { name: 'Изменить сведения' }).waitFor();
    await expectNoSeriousAxeViolations(page);
  });

  it('finds the visit on its month in the calendar and offers the feed link', async () => {
    const page = await web.newPage();
    await signIn(page, 'cityEditor');
    await page.goto('/calendar?month=2026-06');
    await page.getByRole('heading', { name: 'Июнь 2026 г.', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Предыдущий месяц' }).click();
    await page.getByRole('heading', { name: 'Май 2026 г.', exact: true }).waitFor();
    const agenda = page.getByRole('region', { name: 'Список на май 2026 г.' });
    // The link is drawn before the cities' names arrive: wait for the names.
    await agenda.locator(`a[href="/visits/${visitId}"]`, { hasText: 'Барановичи → Новокузнецк' }).waitFor();
    expect(await agenda.locator(`a[href="/visits/${visitId}"]`).textContent()).toBe(
      'Барановичи → Новокузнецк',
    );
    expect(await agenda.getByRole('link', { name: 'Фестиваль «Славянское единство»' }).count()).toBe(1);
    // The month grid shows the visit on each of its days.
    expect(await page.locator('table').first().locator(`a[href="/visits/${visitId}"]`).count()).toBe(3);
    await expectNoSeriousAxeViolations(page);

    // Another year's month in a few clicks: the picker's year, back a year, March; and back to May.
    const jump = page.getByRole('button', { name: /^Перейти к месяцу и году/ });
    expect(await jump.getAttribute('aria-label')).toBe('Перейти к месяцу и году: 05.2026');
    expect(await jump.textContent()).toBe('05.2026');
    await jump.click();
    await page.getByRole('button', { name: 'Предыдущий год' }).click();
    await page.getByRole('button', { name: 'март', exact: true }).click();
    await page.getByRole('heading', { name: 'Март 2025 г.', exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.get('month')).toBe('2025-03');
    expect(await agenda.count()).toBe(0);
    await jump.click();
    await page.getByRole('button', { name: 'Выбрать год' }).click();
    await page.getByRole('button', { name: '2026', exact: true }).click();
    await page.getByRole('button', { name: 'май', exact: true }).click();
    await page.getByRole('heading', { name: 'Май 2026 г.', exact: true }).waitFor();
    await agenda.locator(`a[href="/visits/${visitId}"]`).waitFor();

    await page.getByRole('button', { name: 'Подписаться на календарь' }).click();
    const dialog = page.getByRole('dialog', { name: 'Подписка на календарь' });
    await dialog.getByRole('button', { name: 'Получить ссылку' }).click();
    const url = await dialog.getByRole('textbox', { name: 'Ссылка для подписки' }).inputValue();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/calendar\/.+\.ics$/);
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('Новокузнецк');
  });

  it('shows a city viewer no edit or delete actions', async () => {
    const page = await web.newPage();
    await signIn(page, 'cityViewer');
    await page.goto(`/visits/${visitId}`);
    await page.getByRole('heading', { name: 'Визит: Барановичи → Новокузнецк' }).waitFor();
    await page.getByRole('button', { name: 'Пресс-релиз' }).waitFor();
    expect(await page.getByRole('link', { name: 'Изменить' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Удалить' }).count()).toBe(0);
    await page.goto('/visits');
    await page.getByRole('link', { name: '20–22 мая 2026 г.' }).waitFor();
    expect(await page.getByRole('link', { name: 'Новый визит' }).count()).toBe(0);
    await page.goto(`/events/${eventId}`);
    await page.getByRole('heading', { name: 'Фестиваль «Славянское единство»' }).waitFor();
    expect(await page.getByRole('link', { name: 'Изменить' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Удалить' }).count()).toBe(0);
    await page.goto(`/cities/${web.cities.baranovichi}`);
    await page.getByRole('heading', { name: 'Барановичи', level: 1 }).waitFor();
    expect(await page.getByRole('button', { name: 'Изменить сведения' }).count()).toBe(0);
    await expectNoSeriousAxeViolations(page);
  });

  it('shows each page well in Russian and English at desktop and phone widths', async () => {
    const pages: [string, string, (page: Page, language: 'ru' | 'en') => Promise<void>][] = [
      [
        'visits',
        '/visits',
        (page, language) =>
          page
            .getByRole('link', { name: language === 'ru' ? '20–22 мая 2026 г.' : /^20\s*–\s*22 May 2026$/ })
            .waitFor(),
      ],
      [
        'visits-timeline',
        '/visits?view=timeline',
        (page) => page.getByRole('heading', { name: '2026' }).waitFor(),
      ],
      [
        'visit',
        `/visits/${visitId}`,
        (page) => page.getByText('Обмен опытом: школы и колледжи').first().waitFor(),
      ],
      [
        'visit-new',
        '/visits/new',
        (page, language) =>
          page.getByRole('heading', { name: language === 'ru' ? 'Новый визит' : 'New visit' }).waitFor(),
      ],
      [
        'visit-edit',
        `/visits/${visitId}/edit`,
        async (page) => {
          await expect
            .poll(() => page.getByRole('combobox', { name: /^(Откуда|From)/ }).inputValue(), {
              timeout: 15_000,
            })
            .toMatch(/Барановичи|Baranovichi/);
        },
      ],
      [
        'cities',
        '/cities',
        (page, language) =>
          page.getByRole('link', { name: language === 'ru' ? 'Новокузнецк' : 'Novokuznetsk' }).waitFor(),
      ],
      [
        'city',
        `/cities/${web.cities.novokuznetsk}`,
        (page) => page.getByRole('region', { name: '2026' }).waitFor(),
      ],
      [
        'events',
        '/events',
        (page) => page.getByRole('link', { name: 'Фестиваль «Славянское единство»' }).waitFor(),
      ],
      [
        'event',
        `/events/${eventId}`,
        (page) => page.getByRole('heading', { name: 'Фестиваль «Славянское единство»' }).waitFor(),
      ],
      [
        'event-new',
        '/events/new',
        (page, language) =>
          page
            .getByRole('heading', { name: language === 'ru' ? 'Новое мероприятие' : 'New event' })
            .waitFor(),
      ],
      [
        'calendar',
        '/calendar?month=2026-05',
        (page) => page.locator(`a[href="/visits/${visitId}"]`).first().waitFor(),
      ],
    ];
    for (const device of ['desktop', 'phone'] as const) {
      for (const language of ['ru', 'en'] as const) {
        const page = await web.newPage({ device, language });
        await signIn(page, 'cityEditor');
        for (const [name, path, ready] of pages) {
          await page.goto(path);
          await ready(page, language);
          await expectNoSeriousAxeViolations(page);
          await screenshot(page, name);
        }
        await page.context().close();
      }
    }
  });
});
