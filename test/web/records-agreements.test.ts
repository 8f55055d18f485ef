import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertTestCity } from '../../src/modules/audit/test-cities.ts';
import { sharedDir } from '../../src/shared-dir.ts';
import {
  expectNoSeriousAxeViolations,
  screenshot,
  signIn,
  startWebHarness,
  type WebHarness,
  heading,
  daysFromToday as day,
} from './harness.ts';

const SEED_TEXT = readFileSync(sharedDir('seed', '000_99b162f3906cbee7.txt'), 'utf8');

/** A screenshot from the page's top with nothing hovered or focused. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  await page.mouse.move(0, 0);
  await screenshot(page, name);
}

describe('organizations, persons, agreements and documents in a real browser', { timeout: 600_000 }, () => {
  let web: WebHarness;
  const ids = { lyceum: 0, gymnasium: 0, agreement: 0, otherAgreement: 0, person: 0, document: 0 };
  const AGREEMENT = 'Соглашение о сотрудничестве школы № 1 и лицея № 3';
  const OVERDUE = 'Обмен учебными программами';
  const LATER = 'Летний лагерь для учеников обеих школ';

  beforeAll(async () => {
    web = await startWebHarness();
    const school = web.organizationId!;
    ids.lyceum = (
      await web.api<{ id: number }>('admin', 'POST', '/api/organizations', {
        cityId: web.cities.novokuznetsk,
        name: 'Лицей № 3 г. Новокузнецка',
        kind: 'lyceum',
        sphere: 'education',
      })
    ).id;
    ids.gymnasium = (
      await web.api<{ id: number }>('admin', 'POST', '/api/organizations', {
        cityId: web.cities.baranovichi,
        name: 'Гимназия № 2 г. Барановичи',
        kind: 'gymnasium',
        sphere: 'education',
      })
    ).id;
    ids.agreement = (
      await web.api<{ id: number }>('admin', 'POST', '/api/agreements', {
        kind: 'cooperation',
        title: AGREEMENT,
        status: 'in_force',
        signedOn: day(-300),
        validFrom: day(-300),
        validUntil: day(60),
        parties: [{ organizationId: school }, { organizationId: ids.lyceum }],
      })
    ).id;
    ids.otherAgreement = (
      await web.api<{ id: number }>('admin', 'POST', '/api/agreements', {
        kind: 'twinning',
        title: 'Соглашение о побратимстве Барановичей и Кутно',
        status: 'in_force',
        signedOn: '2015-06-01',
        parties: [{ cityId: web.cities.baranovichi }, { cityId: web.cities.kutno }],
      })
    ).id;
    for (const [title, dueOn] of [
      [OVERDUE, day(-20)],
      [LATER, day(120)],
    ] as const) {
      await web.api('admin', 'POST', '/api/plan-items', {
        agreementId: ids.agreement,
        title,
        dueOn,
        responsibleText: 'Средняя школа № 1',
      });
    }
    ids.person = (
      await web.api<{ id: number }>('admin', 'POST', '/api/persons', {
        fullName: 'Ирина Петровна Соколова',
        cityId: web.cities.baranovichi,
        positions: [
          {
            title: 'учитель математики',
            organizationId: school,
            startedOn: '2012-09-01',
            endedOn: '2019-08-31',
          },
          { title: 'директор', organizationId: school, startedOn: '2019-09-01' },
        ],
      })
    ).id;
    // A press release accepted into records, for the documents' pages.
    await insertTestCity(web.db, 'Кузнецк', 'Kuznetsk', 'RU');
    const imported = await web.api<{ document: { id: number }; draft: unknown }>(
      'admin',
      'POST',
      '/api/documents',
      { text: SEED_TEXT, publishedOn: '2025-09-25', homeCity: 'Барановичи' },
    );
    ids.document = imported.document.id;
    await web.api('admin', 'POST', `/api/documents/${ids.document}/accept`, imported.draft);
  });
  afterAll(async () => {
    await web?.close();
  });

  it('an organization editor sees their organization, adds to its plan and marks an item done, and edits nothing else', async () => {
    const page = await web.newPage();
    await signIn(page, 'orgEditor');
    await page.goto('/organizations');
    await heading(page, 'Организации');
    await page.getByRole('link', { name: 'Средняя школа № 1 г. Барановичи' }).waitFor();
    // Only their own organization is theirs to read, and creating organizations is the city's.
    expect(await page.getByRole('link', { name: 'Гимназия № 2 г. Барановичи' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Добавить организацию' }).count()).toBe(0);
    await expectNoSeriousAxeViolations(page);

    await page.getByRole('link', { name: 'Средняя школа № 1 г. Барановичи' }).click();
    await heading(page, 'Средняя школа № 1 г. Барановичи');
    await page.getByRole('link', { name: 'Ирина Петровна Соколова' }).waitFor();
    await page.getByRole('link', { name: 'Изменить' }).waitFor();
    await page.getByRole('link', { name: AGREEMENT }).click();
    await heading(page, AGREEMENT);
    const progress = page.getByTestId('plan-progress');
    await expect.poll(() => progress.textContent()).toBe('Выполнено 0 из 2 (0 %)');
    // The item past its deadline is marked so.
    const overdueRow = page.locator('tr[data-overdue]');
    expect(await overdueRow.count()).toBe(1);
    expect(await overdueRow.textContent()).toContain(OVERDUE);
    expect(await overdueRow.textContent()).toContain('просрочено');
    await expectNoSeriousAxeViolations(page);

    await page.getByRole('button', { name: 'Добавить мероприятие' }).click();
    const form = page.getByRole('form', { name: 'Новое мероприятие плана' });
    await form.getByRole('button', { name: 'Добавить' }).click();
    // Nothing sent without a title: the field says what is missing.
    await form.getByText('Заполните это поле').waitFor();
    await form.getByLabel('Мероприятие').fill('Совместная олимпиада по математике');
    await expect.poll(() => form.getByText('Заполните это поле').count()).toBe(0);
    await form.getByLabel('Ответственный').fill('Лицей № 3');
    await form.getByRole('button', { name: 'Добавить' }).click();
    await expect.poll(() => progress.textContent()).toBe('Выполнено 0 из 3 (0 %)');
    await page.getByRole('cell', { name: 'Совместная олимпиада по математике', exact: true }).waitFor();

    await page.getByRole('button', { name: `Выполнено: ${OVERDUE}` }).click();
    await expect.poll(() => progress.textContent()).toBe('Выполнено 1 из 3 (33 %)');
    await expect.poll(() => page.locator('tr[data-overdue]').count()).toBe(0);
    const stored = await web.api<{ planItems: { title: string; status: string; doneOn: string | null }[] }>(
      'admin',
      'GET',
      `/api/agreements/${ids.agreement}/details`,
    );
    expect(stored.planItems.find((item) => item.title === OVERDUE)).toMatchObject({ status: 'done' });
    expect(stored.planItems.map((item) => item.title)).toContain('Совместная олимпиада по математике');

    // Another organization by its address: the API's refusal in words, and no form to fill.
    await page.goto(`/organizations/${ids.gymnasium}/edit`);
    await page.getByRole('alert').filter({ hasText: 'У вас нет прав на это действие.' }).waitFor();
    expect(await page.getByRole('button', { name: 'Сохранить' }).count()).toBe(0);
    await page.goto(`/organizations/${ids.gymnasium}`);
    await page.getByRole('alert').filter({ hasText: 'У вас нет прав на это действие.' }).waitFor();
    expect(await page.getByRole('link', { name: 'Изменить' }).count()).toBe(0);
    await expectNoSeriousAxeViolations(page);
  });

  it('a city editor attaches the signed scan and a letter to an agreement, downloads the letter and deletes it', async () => {
    // A PDF as far as its content goes (file-type reads the «%PDF-» header); it has no text layer.
    const letter = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const scan = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
      'base64',
    );
    const page = await web.newPage();
    await signIn(page, 'cityEditor');
    await page.goto(`/agreements/${ids.agreement}`);
    await heading(page, AGREEMENT);
    const files = page.getByRole('region', { name: 'Файлы', exact: true });
    await files.getByText('Файлов пока нет.').waitFor();
    await files.getByText('Скан подписанного соглашения ещё не приложен.').waitFor();

    const choose = async (button: string, file: { name: string; buffer: Buffer; mimeType: string }) => {
      const chooser = page.waitForEvent('filechooser');
      await files.getByRole('button', { name: button }).click();
      await (await chooser).setFiles(file);
    };
    await choose('Приложить скан', {
      name: 'Соглашение подписанное.png',
      mimeType: 'image/png',
      buffer: scan,
    });
    const slot = files.getByRole('region', { name: 'Подписанный экземпляр (скан)' });
    await slot.getByRole('link', { name: 'Соглашение подписанное.png' }).waitFor();
    await files.getByRole('button', { name: 'Заменить скан' }).waitFor();

    // A file whose name says PDF but is a picture is refused, saying so, and nothing is listed.
    await choose('Добавить файл', { name: 'Письмо.pdf', mimeType: 'application/pdf', buffer: scan });
    await files
      .getByRole('alert')
      .filter({ hasText: 'Содержимое файла не соответствует его имени' })
      .waitFor();
    await files.getByText('Файлов пока нет.').waitFor();

    await choose('Добавить файл', {
      name: 'Письмо о визите.pdf',
      mimeType: 'application/pdf',
      buffer: letter,
    });
    const list = files.getByRole('table', { name: 'Файлы' });
    const row = list.getByRole('row').filter({ hasText: 'Письмо о визите.pdf' });
    await row.waitFor();
    expect(await row.getByRole('cell').allInnerTexts()).toEqual(
      expect.arrayContaining(['PDF', `${letter.length} Б`, 'Елена Редакторова']),
    );
    await expectNoSeriousAxeViolations(page);
    await shoot(page, 'agreement-files');

    const download = page.waitForEvent('download');
    await row.getByRole('link', { name: 'Письмо о визите.pdf' }).click();
    const downloaded = await download;
    expect(downloaded.suggestedFilename()).toBe('Письмо о визите.pdf');
    expect(readFileSync((await downloaded.path())!)).toEqual(letter);

    await row.getByRole('button', { name: 'Удалить: Письмо о визите.pdf' }).click();
    const dialog = page.getByRole('dialog', { name: 'Удалить файл?' });
    await dialog.getByText('Файл «Письмо о визите.pdf» будет удалён безвозвратно.').waitFor();
    await dialog.getByRole('button', { name: 'Удалить' }).click();
    await files.getByText('Файлов пока нет.').waitFor();
    // The scan stays in its slot.
    await slot.getByRole('link', { name: 'Соглашение подписанное.png' }).waitFor();
    await page.close();
  });

  it("a city editor's agreement form names the partner city's lyceum, which the editor cannot open", async () => {
    const page = await web.newPage();
    await signIn(page, 'cityEditor');
    const lyceum = await page.request.get(`/api/organizations/${ids.lyceum}`);
    expect(lyceum.status()).toBe(403);
    await page.goto(`/agreements/${ids.agreement}/edit`);
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Сторона 2' }).inputValue(), { timeout: 15_000 })
      .toBe('Лицей № 3 г. Новокузнецка');
  });

  it('a city viewer reads agreements and the plan, and is offered no change anywhere', async () => {
    const page = await web.newPage();
    await signIn(page, 'cityViewer');
    await page.goto('/agreements');
    await heading(page, 'Соглашения');
    await page.getByRole('link', { name: AGREEMENT }).waitFor();
    expect(await page.getByRole('link', { name: 'Добавить соглашение' }).count()).toBe(0);
    // «Истекают в течение 90 дней»: the school's agreement ends in 60 days, the twinning has no end.
    await page.getByLabel('Истекают в течение 90 дней').click();
    await page.waitForURL(/expiring=1/);
    await expect
      .poll(() => page.getByRole('link', { name: 'Соглашение о побратимстве Барановичей и Кутно' }).count())
      .toBe(0);
    await page.getByRole('link', { name: AGREEMENT }).waitFor();
    await expectNoSeriousAxeViolations(page);

    await page.getByRole('link', { name: AGREEMENT }).click();
    await heading(page, AGREEMENT);
    await page.getByRole('cell', { name: new RegExp(LATER) }).waitFor();
    await page.getByTestId('plan-progress').waitFor();
    // The signed scan the editor attached is the viewer's to open, not to replace or delete.
    await page.getByRole('link', { name: 'Соглашение подписанное.png' }).waitFor();
    for (const name of [
      'Изменить',
      'Удалить',
      'Добавить мероприятие',
      /^Выполнено:/,
      'Добавить файл',
      'Заменить скан',
    ]) {
      expect(await page.getByRole('button', { name }).count()).toBe(0);
      expect(await page.getByRole('link', { name }).count()).toBe(0);
    }
    await expectNoSeriousAxeViolations(page);

    await page.goto('/organizations');
    await page.getByRole('link', { name: 'Гимназия № 2 г. Барановичи' }).click();
    await heading(page, 'Гимназия № 2 г. Барановичи');
    expect(await page.getByRole('link', { name: 'Изменить' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Удалить' }).count()).toBe(0);
    await page.goto('/organizations');
    await heading(page, 'Организации');
    expect(await page.getByRole('link', { name: 'Добавить организацию' }).count()).toBe(0);
    await page.goto(`/persons/${ids.person}`);
    await heading(page, 'Ирина Петровна Соколова');
    expect(await page.getByRole('link', { name: 'Изменить' }).count()).toBe(0);

    // The create page by its address is not offered either.
    await page.goto('/agreements/new');
    await page.getByRole('alert').filter({ hasText: 'У вас нет прав на это действие.' }).waitFor();
    expect(await page.getByRole('button', { name: 'Создать' }).count()).toBe(0);
  });

  it('a city editor creates an organization, fixing the form on the way, and deleting it asks first', async () => {
    const page = await web.newPage();
    await signIn(page, 'cityEditor');
    await page.goto('/organizations');
    await page.getByRole('link', { name: 'Добавить организацию' }).click();
    await heading(page, 'Новая организация');
    const name = page.getByRole('textbox', { name: 'Название', exact: true });
    await page.getByRole('button', { name: 'Создать' }).click();
    await page.getByText('Заполните это поле').waitFor();
    // The API's own limit, in the user's words, on the field: and what was typed stays.
    await name.fill('Д'.repeat(2001));
    await page.getByRole('button', { name: 'Создать' }).click();
    await page.getByText('Не длиннее 2000 символов').waitFor();
    expect(await name.inputValue()).toHaveLength(2001);
    expect(new URL(page.url()).pathname).toBe('/organizations/new');
    await name.fill('Детская школа искусств № 1 г. Барановичи');
    await expect.poll(() => page.getByText('Не длиннее 2000 символов').count()).toBe(0);
    await page.getByLabel('Адрес').fill('ул. Советская, 1');
    await expectNoSeriousAxeViolations(page);
    await page.getByRole('button', { name: 'Создать' }).click();
    await heading(page, 'Детская школа искусств № 1 г. Барановичи');
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    expect(await web.api('cityEditor', 'GET', `/api/organizations/${id}`)).toMatchObject({
      cityId: web.cities.baranovichi,
      address: 'ул. Советская, 1',
    });

    // A stale edit: someone saves the address while the editor types another; the editor merges.
    await page.getByRole('link', { name: 'Изменить' }).click();
    await heading(page, 'Изменение организации');
    await page.getByLabel('Адрес').fill('ул. Ленина, 5');
    await page.getByLabel('Сайт').fill('https://dshi1.example.by');
    const stored = await web.api<{ version: number }>('cityEditor', 'GET', `/api/organizations/${id}`);
    await web.api('admin', 'PATCH', `/api/organizations/${id}`, {
      address: 'пр. Машерова, 10',
      version: stored.version,
    });
    await page.getByRole('button', { name: 'Сохранить' }).click();
    const conflict = page.getByRole('dialog', { name: 'Запись изменил другой пользователь' });
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('пр. Машерова, 10');
    expect(await conflict.textContent()).toContain('ул. Ленина, 5');
    // Each field is chosen apart: the stored address, the editor's own website.
    await conflict.getByRole('row').filter({ hasText: 'Адрес' }).getByText('Оставить сохранённое').click();
    await conflict.getByRole('button', { name: 'Сохранить выбранное' }).click();
    await heading(page, 'Детская школа искусств № 1 г. Барановичи');
    expect(await web.api('cityEditor', 'GET', `/api/organizations/${id}`)).toMatchObject({
      address: 'пр. Машерова, 10',
      website: 'https://dshi1.example.by',
    });

    await page.getByRole('button', { name: 'Удалить' }).click();
    const dialog = page.getByRole('dialog', { name: 'Удалить запись?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Детская школа искусств № 1 г. Барановичи');
    await dialog.getByRole('button', { name: 'Отмена' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await heading(page, 'Детская школа искусств № 1 г. Барановичи');
    await page.getByRole('button', { name: 'Удалить' }).click();
    await dialog.getByRole('button', { name: 'Удалить' }).click();
    await page.waitForURL((url) => url.pathname === '/organizations');
    await expect(web.api('cityEditor', 'GET', `/api/organizations/${id}`)).rejects.toThrow(/404/);
  });

  it('a document shows its text with the evidence of what it produced, linked to those records', async () => {
    const page = await web.newPage();
    await signIn(page, 'admin');
    await page.goto('/documents');
    await heading(page, 'Документы');
    const row = page.locator('tbody tr').first();
    await row.getByRole('link').first().waitFor();
    await expect.poll(async () => (await row.textContent()) ?? '').toMatch(/Визит: 1/);
    await page.getByRole('link', { name: 'Импортировать пресс-релиз' }).waitFor();
    // Newest first, as the API lists them, and the header's arrow says so.
    expect(await page.getByRole('columnheader', { name: /Дата/ }).getAttribute('aria-sort')).toBe(
      'descending',
    );
    await row.getByRole('link').first().click();
    await page.waitForURL((url) => url.pathname === `/documents/${ids.document}`);
    const produced = page.getByRole('region', { name: 'Что создано' });
    const visitLink = produced.getByRole('link', { name: /Барановичи → Кузнецк/ });
    await visitLink.waitFor();
    expect(await visitLink.getAttribute('href')).toMatch(/^\/visits\/\d+$/);
    expect(await page.locator('mark[data-record-types~="visit"]').count()).toBeGreaterThan(0);
    expect(await page.locator('mark[data-record-types~="organization"]').count()).toBeGreaterThan(0);
    expect(await page.locator('mark').first().getAttribute('title')).toMatch(/: /);
    await page.getByRole('link', { name: 'Импортировать другой' }).waitFor();
    await expectNoSeriousAxeViolations(page);
  });

  it('the accepted import reads as sentences in the audit trail, in Russian, Belarusian and English', async () => {
    const words = {
      ru: { member: /Щербаков Вадим.*руководитель делегации/, kind: 'Визит', source: /Вид записи\s+Визит/ },
      be: { member: /Щербаков Вадим.*руководитель делегации/, kind: 'Візіт', source: /Від запісу\s+Візіт/ },
      en: {
        member: /Щербаков Вадим.*руководитель делегации/,
        kind: 'Visit',
        source: /Kind of record\s+Visit/,
      },
    } as const;
    for (const language of ['ru', 'be', 'en'] as const) {
      const page = await web.newPage({ language });
      await signIn(page, 'admin');
      for (const recordType of ['visit', 'record_source', 'agreement', 'person', 'event', 'document']) {
        await page.goto(`/admin/audit?recordType=${recordType}`);
        const entries = page.getByRole('article');
        await entries.first().waitFor();
        // The names of referenced records load after the entries: wait until no number stands for one.
        await expect.poll(async () => (await entries.allInnerTexts()).join('\n')).not.toMatch(/№ 1\d{9}/);
        if (recordType === 'visit')
          await expect
            .poll(async () => (await entries.allInnerTexts()).join('\n'))
            .toMatch(words[language].member);
        // A source is titled by its fragment of the text, which loads after the entries.
        if (recordType === 'record_source')
          await expect
            .poll(async () => (await entries.allInnerTexts()).join('\n'))
            .toMatch(/С 18 по 21 сентября/);
        const text = (await entries.allInnerTexts()).join('\n');
        // No JSON, no field names or codes as stored, no numbered «Должность 0».
        expect(text, `${language} ${recordType}`).not.toMatch(/[{}]|":/);
        expect(text, `${language} ${recordType}`).not.toMatch(/\b[a-z]+_[a-z_]+\b|\b[a-z]+[A-Z]\w*\b/);
        expect(text, `${language} ${recordType}`).not.toMatch(/Должность \d|Пасада \d|Position \d/);
        expect(text, `${language} ${recordType}`).not.toMatch(
          /\b(meeting|twin|active|working|concert|city_day|cooperation|in_force|done|education|culture)\b/,
        );
        if (language !== 'en') {
          // Latin letters only in the registry's own data (none in the seed's records).
          expect(text.match(/[A-Za-z]{3,}/g) ?? [], `${language} ${recordType}`).toEqual([]);
        } else {
          expect(text, recordType).not.toMatch(/Span start|Record type|\bFact\b/);
        }
        if (recordType === 'visit') expect(text).toMatch(words[language].member);
        if (recordType === 'record_source') {
          expect(text).toMatch(words[language].source);
          expect(text).toMatch(/С 18 по 21 сентября/);
        }
      }
      if (language === 'ru') await screenshot(page, 'audit-import-sources');
      await page.close();
    }
  });

  it('every page passes axe and is photographed in Russian and English at desktop and phone widths', async () => {
    const pages: [string, string, string | RegExp][] = [
      ['organizations', '/organizations', /Организации|Organizations/],
      ['organization', `/organizations/${web.organizationId}`, 'Средняя школа № 1 г. Барановичи'],
      ['organization-new', '/organizations/new', /Новая организация|New organization/],
      ['persons', '/persons', /Люди|People/],
      ['person', `/persons/${ids.person}`, 'Ирина Петровна Соколова'],
      ['person-edit', `/persons/${ids.person}/edit`, /Изменение сведений о человеке|Edit person/],
      ['agreements', '/agreements', /Соглашения|Agreements/],
      ['agreement', `/agreements/${ids.agreement}`, AGREEMENT],
      ['agreement-edit', `/agreements/${ids.agreement}/edit`, /Изменение соглашения|Edit agreement/],
      ['documents', '/documents', /Документы|Documents/],
      ['document', `/documents/${ids.document}`, /./],
    ];
    for (const device of ['desktop', 'phone'] as const) {
      for (const language of ['ru', 'en'] as const) {
        const page = await web.newPage({ device, language });
        await signIn(page, 'admin');
        for (const [name, path, title] of pages) {
          await page.goto(path);
          await heading(page, title);
          await page.waitForLoadState('networkidle');
          await page
            .locator('.mantine-Skeleton-root')
            .first()
            .waitFor({ state: 'detached' })
            .catch(() => undefined);
          if (device === 'desktop') await expectNoSeriousAxeViolations(page);
          await shoot(page, `records-${name}`);
        }
        await page.close();
      }
    }
  });
});
