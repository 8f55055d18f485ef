import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertTestCity } from '../../src/modules/audit/test-cities.ts';
import {
  expectNoSeriousAxeViolations,
  shoot,
  signIn,
  startWebHarness,
  type WebHarness,
  heading,
} from './harness.ts';

interface StoredCity {
  version: number;
  cityDay: string | null;
  population: number;
}
interface StoredProject {
  id: number;
  version: number;
  title: string;
  sphere: string;
  status: string;
  startedOn: string | null;
  endedOn: string | null;
  parties: { cityId: number | null; organizationId: number | null }[];
}

const PROJECT = 'Музейный проект «Общая история»';

/** Chooses an option of a select field by its label. */
async function choose(page: Page, label: string | RegExp, option: string | RegExp): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

describe('partner city facts and projects in a real browser', { timeout: 600_000 }, () => {
  let web: WebHarness;
  let kuznetsk = 0;
  /** A project the viewer only reads, and the screenshots show. */
  let shownProject = 0;

  beforeAll(async () => {
    web = await startWebHarness();
    kuznetsk = await insertTestCity(web.db, 'Кузнецк', 'Kuznetsk', 'RU');
    await web.api('admin', 'POST', '/api/twinnings', {
      cityIds: [web.cities.baranovichi, kuznetsk],
      tier: 'twin',
      status: 'active',
      establishedOn: '2015-05-19',
    });
    const lyceum = await web.api<{ id: number }>('admin', 'POST', '/api/organizations', {
      cityId: kuznetsk,
      name: 'Средняя школа № 17 г. Кузнецка',
      kind: 'school',
      sphere: 'education',
    });
    shownProject = (
      await web.api<{ id: number }>('admin', 'POST', '/api/projects', {
        title: 'Школьный обмен: СШ № 1 и СШ № 17',
        sphere: 'education',
        status: 'active',
        startedOn: '2024-09-01',
        description: 'Совместные уроки по видеосвязи и летний лагерь для учеников обеих школ.',
        parties: [{ organizationId: web.organizationId }, { organizationId: lyceum.id }],
      })
    ).id;
  });
  afterAll(async () => {
    await web?.close();
  });

  it('a Baranovichi editor keeps the facts of the partner city Kuznetsk', async () => {
    const page = await web.newPage();
    await signIn(page, 'cityEditor');
    await page.goto('/cities');
    await page
      .getByRole('table', { name: 'Города-побратимы: Барановичи' })
      .getByRole('link', { name: 'Кузнецк' })
      .click();
    await heading(page, 'Кузнецк');
    await page.getByText('День города: не указан').waitFor();

    await page.getByRole('button', { name: 'Изменить сведения' }).click();
    const dialog = page.getByRole('dialog', { name: 'Сведения о городе' });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: 'Население' }).fill('80000');
    await choose(page, 'День города: месяц', 'сентябрь');
    // A month without a day is refused on the day's field, before anything is sent.
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await dialog.getByText('Укажите и месяц, и число — или ни того, ни другого').waitFor();
    expect((await web.api<StoredCity>('admin', 'GET', `/api/cities/${kuznetsk}`)).cityDay).toBeNull();
    await dialog.getByRole('textbox', { name: 'День города: число' }).fill('20');
    await expect
      .poll(() => dialog.getByText('Укажите и месяц, и число — или ни того, ни другого').count())
      .toBe(0);
    await expectNoSeriousAxeViolations(page);
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('alert').filter({ hasText: 'Сохранено' }).waitFor();
    await page.getByText('День города: 20 сентября').waitFor();
    await page.getByText('Население: 80 000').waitFor();
    expect(await web.api<StoredCity>('admin', 'GET', `/api/cities/${kuznetsk}`)).toMatchObject({
      cityDay: '--09-20',
      population: 80000,
    });

    // Read again from the API: the saved facts stay after a reload.
    await page.reload();
    await heading(page, 'Кузнецк');
    await page.getByText('День города: 20 сентября').waitFor();
  });

  it('a Baranovichi editor creates a project under the twinning, finds it on the timeline, edits and deletes it', async () => {
    const page = await web.newPage();
    await signIn(page, 'cityEditor');
    // A party the editor may not open (a Kuznetsk school) still shows by its name in the form.
    await page.goto(`/projects/${shownProject}/edit`);
    await heading(page, 'Изменение проекта');
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Сторона 2' }).inputValue(), { timeout: 15_000 })
      .toBe('Средняя школа № 17 г. Кузнецка');

    await page.goto(`/cities/${kuznetsk}`);
    await heading(page, 'Кузнецк');
    const twinning = page.getByRole('region', { name: 'Связи с городом Барановичи' });
    await twinning.getByRole('link', { name: 'Добавить проект' }).click();
    await heading(page, 'Новый проект');
    // The twinning's two cities are the project's parties unless changed.
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Сторона 1' }).inputValue(), { timeout: 15_000 })
      .toBe('Барановичи (BY)');
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Сторона 2' }).inputValue(), { timeout: 15_000 })
      .toBe('Кузнецк (RU)');
    await page.getByRole('textbox', { name: 'Название' }).fill(PROJECT);
    await choose(page, /^Сфера/, 'Культура');
    await page.getByRole('textbox', { name: 'Начало' }).fill('01.09.2025');
    await page.getByRole('textbox', { name: 'Окончание' }).fill('01.08.2025');
    // An end before the start is refused on the field, as typed; nothing typed is lost.
    await page.getByText('Дата окончания раньше даты начала').waitFor();
    await page.getByRole('button', { name: 'Создать' }).click();
    expect(new URL(page.url()).pathname).toBe('/projects/new');
    expect(await page.getByRole('textbox', { name: 'Название' }).inputValue()).toBe(PROJECT);
    await page.getByRole('textbox', { name: 'Окончание' }).fill('');
    await expect.poll(() => page.getByText('Дата окончания раньше даты начала').count()).toBe(0);
    // The date field's open calendar names its arrows for a screen reader, and passes axe.
    await page.getByRole('textbox', { name: 'Начало' }).click();
    await page.getByRole('button', { name: 'Следующий месяц' }).first().waitFor();
    await page.getByRole('button', { name: 'Предыдущий месяц' }).first().waitFor();
    await expectNoSeriousAxeViolations(page);
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { level: 1 }).click();
    await expect
      .poll(() => page.locator('.mantine-DateInput-calendarHeaderControl').first().isVisible())
      .toBe(false);
    await expectNoSeriousAxeViolations(page);
    await page.getByRole('button', { name: 'Создать' }).click();

    await page.waitForURL(/\/projects\/\d+$/);
    const id = Number(/\/projects\/(\d+)$/.exec(page.url())![1]);
    await heading(page, PROJECT);
    await page.getByRole('alert').filter({ hasText: 'Проект добавлен' }).waitFor();
    await page.getByText('с 1 сентября 2025 г.').waitFor();
    const parties = page.getByRole('region', { name: 'Стороны' });
    expect(await parties.getByRole('link', { name: 'Кузнецк' }).getAttribute('href')).toBe(
      `/cities/${kuznetsk}`,
    );
    expect(await web.api<StoredProject>('cityEditor', 'GET', `/api/projects/${id}`)).toMatchObject({
      title: PROJECT,
      sphere: 'culture',
      status: 'active',
      startedOn: '2025-09-01',
      endedOn: null,
      parties: [
        { cityId: web.cities.baranovichi, organizationId: null },
        { cityId: kuznetsk, organizationId: null },
      ],
    });
    await expectNoSeriousAxeViolations(page);

    // The project's twinning leads to the partner city's page, where the timeline shows it.
    const ties = page.getByRole('region', { name: 'Побратимские связи' });
    await ties.getByRole('link', { name: 'Барановичи — Кузнецк' }).click();
    await heading(page, 'Кузнецк');
    const onTimeline = page.getByRole('region', { name: '2025' }).getByRole('link', { name: PROJECT });
    expect(await onTimeline.getAttribute('href')).toBe(`/projects/${id}`);
    await onTimeline.click();
    await heading(page, PROJECT);

    await page.getByRole('link', { name: 'Изменить' }).click();
    await heading(page, 'Изменение проекта');
    await choose(page, /^Статус/, 'Завершён');
    await page.getByRole('textbox', { name: 'Окончание' }).fill('31.05.2026');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await heading(page, PROJECT);
    await page.getByRole('alert').filter({ hasText: 'Сохранено' }).waitFor();
    await page.getByText('Завершён').first().waitFor();
    expect(await web.api<StoredProject>('cityEditor', 'GET', `/api/projects/${id}`)).toMatchObject({
      status: 'completed',
      endedOn: '2026-05-31',
    });

    // The list by status: the finished project among the completed ones, not among the running.
    await page.goto('/projects?status=completed');
    await heading(page, 'Проекты');
    await page.getByRole('link', { name: PROJECT }).waitFor();
    // The export takes the list's filter.
    expect(await page.getByRole('link', { name: 'Экспорт CSV' }).getAttribute('href')).toMatch(
      /\/api\/exports\/projects\.csv\?.*status=completed/,
    );
    await page.goto('/projects?status=active');
    await page.getByRole('link', { name: 'Школьный обмен: СШ № 1 и СШ № 17' }).waitFor();
    expect(await page.getByRole('link', { name: PROJECT }).count()).toBe(0);

    await page.goto(`/projects/${id}`);
    await heading(page, PROJECT);
    await page.getByRole('button', { name: 'Удалить' }).click();
    const ask = page.getByRole('dialog', { name: 'Удалить запись?' });
    expect(await ask.textContent()).toContain(PROJECT);
    await ask.getByRole('button', { name: 'Отмена' }).click();
    await ask.waitFor({ state: 'hidden' });
    await web.api('cityEditor', 'GET', `/api/projects/${id}`); // still there
    await page.getByRole('button', { name: 'Удалить' }).click();
    await ask.getByRole('button', { name: 'Удалить' }).click();
    await page.waitForURL((url) => url.pathname === '/projects');
    await expect(web.api('cityEditor', 'GET', `/api/projects/${id}`)).rejects.toThrow(/404/);
    await page.goto(`/cities/${kuznetsk}`);
    await page.getByRole('region', { name: '2024' }).getByRole('link').first().waitFor();
    expect(await page.getByRole('link', { name: PROJECT }).count()).toBe(0);
  });

  it('a city viewer reads the partner city and its projects, and is offered no change', async () => {
    const page = await web.newPage();
    await signIn(page, 'cityViewer');
    await page.goto(`/cities/${kuznetsk}`);
    await heading(page, 'Кузнецк');
    const project = page.getByRole('link', { name: 'Школьный обмен: СШ № 1 и СШ № 17' });
    await project.waitFor();
    expect(await page.getByRole('button', { name: 'Изменить сведения' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Добавить проект' }).count()).toBe(0);
    await expectNoSeriousAxeViolations(page);

    await project.click();
    await heading(page, 'Школьный обмен: СШ № 1 и СШ № 17');
    await page.getByRole('link', { name: 'Средняя школа № 17 г. Кузнецка' }).waitFor();
    expect(await page.getByRole('link', { name: 'Изменить' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Удалить' }).count()).toBe(0);

    await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Проекты' }).click();
    await heading(page, 'Проекты');
    await page.getByRole('link', { name: 'Школьный обмен: СШ № 1 и СШ № 17' }).waitFor();
    expect(await page.getByRole('link', { name: 'Добавить проект' }).count()).toBe(0);
    // The school's page lists the projects it takes part in, with the partner named.
    await page.goto(`/organizations/${web.organizationId}`);
    const projects = page.getByRole('region', { name: 'Совместные проекты' });
    await projects.getByRole('link', { name: 'Школьный обмен: СШ № 1 и СШ № 17' }).waitFor();
    expect(await projects.innerText()).toContain('Средняя школа № 17 г. Кузнецка');
    await page.goto('/projects/new');
    await page.getByRole('alert').filter({ hasText: 'У вас нет прав на это действие.' }).waitFor();
    expect(await page.getByRole('button', { name: 'Создать' }).count()).toBe(0);
  });

  it('shows the project pages and the partner city well in Russian and English at desktop and phone widths', async () => {
    const pages: [string, string, string | RegExp][] = [
      ['projects', '/projects', /^(Проекты|Projects)$/],
      ['project', `/projects/${shownProject}`, 'Школьный обмен: СШ № 1 и СШ № 17'],
      ['project-edit', `/projects/${shownProject}/edit`, /Изменение проекта|Edit project/],
      [
        'project-new',
        `/projects/new?cityIds=${web.cities.baranovichi},${kuznetsk}`,
        /Новый проект|New project/,
      ],
      ['partner-city', `/cities/${kuznetsk}`, /Кузнецк|Kuznetsk/],
    ];
    for (const device of ['desktop', 'phone'] as const) {
      for (const language of ['ru', 'en'] as const) {
        const page = await web.newPage({ device, language });
        await signIn(page, 'cityEditor');
        for (const [name, path, title] of pages) {
          await page.goto(path);
          await heading(page, title);
          await page.waitForLoadState('networkidle');
          if (device === 'desktop') await expectNoSeriousAxeViolations(page);
          await shoot(page, `projects-${name}`);
        }
        // The facts form of the partner city, open.
        await page.getByRole('button', { name: /Изменить сведения|Edit facts/ }).click();
        await page.getByRole('dialog').waitFor();
        await page.waitForLoadState('networkidle');
        if (device === 'desktop') await expectNoSeriousAxeViolations(page);
        await shoot(page, 'projects-city-facts');
        await page.context().close();
      }
    }
  });
});
