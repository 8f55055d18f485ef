import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoSeriousAxeViolations,
  screenshot,
  signIn,
  startWebHarness,
  type WebHarness,
} from './harness.ts';

const NEW_USER = { name: 'Вера Смотрова', email: 'vera.smotrova@example.org' };
const NEW_PASSWORD = 'vera-own-password-1';

/** Chooses an option of a Mantine select by its label. */
async function choose(page: Page, label: string | RegExp, option: string | RegExp): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

describe('administration and reports in a real browser', { timeout: 240_000 }, () => {
  let web: WebHarness;
  let oneTimePassword = '';
  beforeAll(async () => {
    web = await startWebHarness();
  });
  afterAll(async () => {
    await web?.close();
  });

  it('creates a city viewer, shows the one-time password once, and lists the user with the role', async () => {
    const page = await web.newPage();
    await signIn(page, 'admin');
    await page
      .getByRole('navigation', { name: 'Разделы' })
      .getByRole('link', { name: 'Администрирование' })
      .click();
    await page.waitForURL((url) => url.pathname === '/admin/users');
    await page.getByRole('heading', { name: 'Пользователи и роли' }).waitFor();
    await page.getByRole('cell', { name: 'Анна Админова', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Новый пользователь' }).click();
    const dialog = page.getByRole('dialog', { name: 'Новый пользователь' });
    // Typed badly first: the form says so as the user types, and keeps what was typed.
    await dialog.getByRole('textbox', { name: /^Электронная почта/ }).fill('vera.smotrova');
    await dialog.getByText('Это не похоже на адрес электронной почты').waitFor();
    await dialog.getByRole('textbox', { name: /^Имя и фамилия/ }).fill(NEW_USER.name);
    await dialog.getByRole('textbox', { name: /^Электронная почта/ }).fill(NEW_USER.email);
    await choose(page, 'Первая роль', 'Просмотр данных города');
    await dialog.getByRole('combobox', { name: /^Город/ }).fill('Барано');
    await page.getByRole('option', { name: 'Барановичи (BY)' }).click();
    await expectNoSeriousAxeViolations(page);
    await dialog.getByRole('button', { name: 'Создать пользователя' }).click();

    const shown = page.getByRole('dialog', { name: 'Пользователь создан' });
    await shown.getByText(`Пароль для входа пользователя ${NEW_USER.email}:`).waitFor();
    await shown.getByText('Пароль показывается только один раз').waitFor();
    oneTimePassword = ((await shown.getByTestId('one-time-password').textContent()) ?? '').trim();
    expect(oneTimePassword.length).toBeGreaterThanOrEqual(10);
    await shown.getByRole('button', { name: 'Скопировать пароль' }).waitFor();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'admin-user-created');
    await shown.getByRole('button', { name: 'Готово, пароль передан' }).click();
    await shown.waitFor({ state: 'hidden' });
    // Gone for good: the page does not show it again.
    expect(await page.getByText(oneTimePassword).count()).toBe(0);

    const row = page.getByRole('row', { name: new RegExp(NEW_USER.name) });
    await row.getByText('Просмотр: Барановичи (BY)').waitFor();
    expect(await row.textContent()).toContain(NEW_USER.email);

    // A second role granted, then taken away after a question; the viewer role stays.
    await row.getByRole('button', { name: `Изменить роли: ${NEW_USER.name}` }).click();
    const roles = page.getByRole('dialog', { name: `Роли пользователя ${NEW_USER.name}` });
    await choose(page, /^Роль/, 'Редактор организации');
    await roles.getByRole('combobox', { name: /^Организация/ }).fill('Средняя');
    await page.getByRole('option', { name: 'Средняя школа № 1 г. Барановичи' }).click();
    await roles.getByRole('button', { name: 'Выдать роль' }).last().click();
    await roles.getByText('Редактор организации: Средняя школа № 1 г. Барановичи').waitFor();
    await expectNoSeriousAxeViolations(page);
    await roles.getByRole('button', { name: 'Отозвать роль «Редактор организации»' }).click();
    const revoke = page.getByRole('dialog', { name: 'Отозвать роль?' });
    expect(await revoke.textContent()).toContain(`${NEW_USER.name} больше не будет иметь эту роль`);
    await revoke.getByRole('button', { name: 'Отозвать' }).click();
    await roles.getByText('Просмотр: Барановичи (BY)').waitFor();
    expect(await roles.getByText('Редактор организации: Средняя школа № 1 г. Барановичи').count()).toBe(0);
    await roles.getByRole('button', { name: 'Закрыть' }).last().click();
    const users = await web.api<{ items: { email: string; roles: unknown[] }[] }>(
      'admin',
      'GET',
      '/api/users',
    );
    expect(users.items.find((user) => user.email === NEW_USER.email)?.roles).toEqual([
      { role: 'city_viewer', cityId: web.cities.baranovichi },
    ]);
  });

  it('lets the viewer in with that password, hides administration from them and downloads the annual report', async () => {
    expect(oneTimePassword).not.toBe('');
    const page = await web.newPage();
    await page.goto('/login');
    await page.getByLabel('Электронная почта').fill(NEW_USER.email);
    await page.getByLabel(/^Пароль/).fill(oneTimePassword);
    await page.getByRole('button', { name: 'Войти' }).click();
    // A password someone else chose is replaced first.
    await page.waitForURL((url) => url.pathname === '/setup-password');
    // The one-time password was just typed: not asked for again.
    await page.getByLabel(/^Новый пароль( \*)?$/).fill(NEW_PASSWORD);
    expect(await page.getByLabel(/^Текущий пароль/).count()).toBe(0);
    await page.getByLabel(/^Новый пароль ещё раз/).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Сохранить пароль' }).click();
    await page.waitForURL((url) => url.pathname === '/');

    const navigation = page.getByRole('navigation', { name: 'Разделы' });
    await navigation.getByRole('link', { name: 'Отчёты' }).waitFor();
    expect(await navigation.getByRole('link', { name: 'Администрирование' }).count()).toBe(0);

    await page.goto('/admin/users');
    await page.getByRole('heading', { name: 'Нет доступа' }).waitFor();
    await page.getByText('доступен только администраторам').waitFor();
    expect(await page.getByRole('button', { name: 'Новый пользователь' }).count()).toBe(0);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'admin-no-access');

    await navigation.getByRole('link', { name: 'Отчёты' }).click();
    await page.getByRole('heading', { name: 'Годовой отчёт о международных связях' }).waitFor();
    // The viewer's one city is chosen already; the whole-registry JSON is the administrators' only.
    // The picker shows the city's number until its name arrives: wait for the name.
    const cityPicker = page.getByRole('combobox', { name: 'Город' });
    await page.waitForFunction(
      (input) => {
        const value = (input as HTMLInputElement | null)?.value ?? '';
        return value !== '' && !value.startsWith('№');
      },
      await cityPicker.elementHandle(),
    );
    expect(await cityPicker.inputValue()).toBe('Барановичи (BY)');
    expect(await page.getByRole('button', { name: 'Скачать реестр в JSON' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Скачать «Пользователи» в формате CSV' }).count()).toBe(0);
    await page.getByRole('textbox', { name: 'Год' }).fill('2025');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Скачать отчёт' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = await readFile((await download.path())!);
    expect([...file.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]); // «PK\3\4»: a ZIP
    const zip = await JSZip.loadAsync(file);
    const document = await zip.file('word/document.xml')?.async('string');
    expect(document).toContain('Барановичи');
    expect(document).toContain('2025');
    await expectNoSeriousAxeViolations(page);
  });

  it('shows the user creation in the audit trail with a readable diff, and a record history', async () => {
    const organization = await web.api<{ id: number; version: number }>(
      'admin',
      'POST',
      '/api/organizations',
      {
        cityId: web.cities.kutno,
        name: 'Гимназия № 2 г. Кутно',
        kind: 'gymnasium',
        sphere: 'education',
      },
    );
    await web.api('admin', 'PATCH', `/api/organizations/${organization.id}`, {
      version: organization.version,
      name: 'Гимназия № 2 им. Шопена г. Кутно',
    });

    const page = await web.newPage();
    await signIn(page, 'admin');
    await page.goto('/admin/audit');
    await page.getByRole('heading', { name: 'Журнал изменений' }).waitFor();
    await choose(page, 'Вид записи', 'Пользователь');
    await page.waitForURL(/recordType=user/);
    const created = page.getByRole('article', { name: `Создание: Пользователь «${NEW_USER.name}»` });
    await created.waitFor();
    expect(await created.textContent()).toContain('Анна Админова');
    const rows = created.getByRole('row');
    await rows.filter({ hasText: 'Электронная почта' }).filter({ hasText: NEW_USER.email }).waitFor();
    await rows.filter({ hasText: 'Роли' }).filter({ hasText: 'Просмотр: Барановичи (BY)' }).waitFor();
    // The viewer's own password change: by the viewer, the field readable.
    const changed = page.getByRole('article', { name: `Изменение: Пользователь «${NEW_USER.name}»` });
    await changed.getByText(NEW_USER.name, { exact: false }).first().waitFor();
    await changed.getByRole('row').filter({ hasText: 'Пароль' }).waitFor();
    await expectNoSeriousAxeViolations(page);

    // The organization's history, before and after, from its entry.
    await choose(page, 'Вид записи', 'Организация');
    const renamed = page.getByRole('article', {
      name: 'Изменение: Организация «Гимназия № 2 им. Шопена г. Кутно»',
    });
    const nameRow = renamed.getByRole('row').filter({ hasText: 'Название' });
    await nameRow.waitFor();
    expect(await nameRow.getByRole('cell').allTextContents()).toEqual([
      'Название',
      'Гимназия № 2 г. Кутно',
      'Гимназия № 2 им. Шопена г. Кутно',
    ]);
    await renamed.getByRole('link', { name: /Гимназия № 2 им. Шопена/ }).waitFor();
    expect(await renamed.getByRole('link', { name: /Гимназия № 2 им. Шопена/ }).getAttribute('href')).toBe(
      `/organizations/${organization.id}`,
    );
    await renamed.getByRole('button', { name: 'История записи' }).click();
    const drawer = page.getByRole('dialog', { name: /История изменений: Гимназия № 2 им. Шопена/ });
    await drawer.getByRole('article').nth(1).waitFor();
    const entries = await drawer
      .getByRole('article')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label')));
    expect(entries).toEqual([
      'Изменение: Организация «Гимназия № 2 им. Шопена г. Кутно»',
      'Создание: Организация «Гимназия № 2 г. Кутно»',
    ]);
    await drawer.getByRole('row').filter({ hasText: 'Город' }).filter({ hasText: 'Кутно (PL)' }).waitFor();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'admin-record-history');
    await page.keyboard.press('Escape');

    // Dates: from tomorrow nothing; from yesterday to today the user's creation is there.
    const day = (offset: number) => {
      const date = new Date(Date.now() + offset * 86_400_000);
      return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
    };
    await page.goto(`/admin/audit?recordType=user&from=${day(1)}`);
    await page.getByText('Таких изменений нет — измените условия отбора.').waitFor();
    await page.goto(`/admin/audit?recordType=user&from=${day(-1)}&to=${day(0)}`);
    await page.getByRole('article', { name: `Создание: Пользователь «${NEW_USER.name}»` }).waitFor();
  });

  it('sets the daily backup, takes one now and offers it for download, from the settings', async () => {
    const page = await web.newPage();
    await signIn(page, 'admin');
    await page.goto('/settings/backups');
    await expect.poll(() => page.getByTestId('last-backup').textContent()).toBe('Копий ещё не было.');
    await page.getByRole('switch', { name: 'Делать резервную копию каждый день' }).check({ force: true });
    await choose(page, 'Время', '02:00');
    await page.getByRole('textbox', { name: 'Хранить копий' }).fill('14');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByText('Расписание сохранено.').waitFor();
    expect(await web.api('admin', 'GET', '/api/backup/schedule')).toMatchObject({
      enabled: true,
      hour: 2,
      keep: 14,
    });
    await page.getByRole('button', { name: 'Сделать копию сейчас' }).click();
    await expect
      .poll(() => page.getByTestId('last-backup').textContent(), { timeout: 60_000 })
      .toMatch(/МБ$/);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Скачать копию на этот компьютер' }).click();
    expect((await download).suggestedFilename()).toMatch(/^pobratim-\d{4}-\d{2}-\d{2}\.backup\.gz$/);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'settings-backups');
  });

  it('publishes a city after a confirmation that says what becomes public', async () => {
    const page = await web.newPage();
    await signIn(page, 'admin');
    await page.goto('/admin/publishing');
    const city = page.getByRole('listitem').filter({ hasText: 'Барановичи (BY)' });
    await city.getByText('Только для сотрудников').waitFor();
    await city.getByRole('button', { name: 'Опубликовать' }).click();
    const dialog = page.getByRole('dialog', { name: 'Опубликовать сеть города Барановичи (BY)?' });
    const text = await dialog.textContent();
    expect(text).toContain('визиты, соглашения, проекты, мероприятия и учреждения');
    expect(text).toContain('Сведения о людях останутся закрытыми');
    await expectNoSeriousAxeViolations(page);
    // Cancelling changes nothing.
    await dialog.getByRole('button', { name: 'Отмена' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await web.api('admin', 'GET', '/api/home-cities')).toEqual([
      { cityId: web.cities.baranovichi, published: false },
    ]);
    await city.getByRole('button', { name: 'Опубликовать' }).click();
    await dialog.getByRole('button', { name: 'Да, опубликовать' }).click();
    await city.getByText('Опубликовано').waitFor();
    expect(await web.api('admin', 'GET', '/api/home-cities')).toEqual([
      { cityId: web.cities.baranovichi, published: true },
    ]);
  });

  it('shows the limits on attached files and how much is used', async () => {
    const page = await web.newPage();
    await signIn(page, 'admin');
    await page.goto('/admin');
    await page.getByRole('tab', { name: 'Файлы' }).click();
    await page.getByRole('heading', { level: 1, name: 'Файлы' }).waitFor();
    const limits = page.getByRole('table', { name: 'Файлы' });
    // Russian groups thousands with a no-break space.
    const value = async (label: string) =>
      (await limits.getByRole('row').filter({ hasText: label }).getByRole('cell').innerText()).replace(
        /\s/g,
        ' ',
      );
    expect(await value('Наибольший размер файла')).toBe('20 МБ (FILE_MAX_MB)');
    expect(await value('Место для всех файлов')).toBe('2 048 МБ (FILES_TOTAL_MAX_MB)');
    expect(await value('Занято')).toBe('0 МБ — 0 файлов');
    expect(await value('Принимаются')).toContain('PDF, DOCX, XLSX');
  });

  it('passes axe and is screenshotted on each page, in Russian and English, at desktop and phone widths', async () => {
    const pages: [string, string, string][] = [
      ['/admin/users', 'admin-users', 'Users and roles'],
      ['/admin/audit', 'admin-audit', 'Audit trail'],
      ['/admin/publishing', 'admin-publishing', 'Publishing'],
      ['/admin/files', 'admin-files', 'Files'],
      ['/reports', 'reports', 'Reports and exports'],
    ];
    for (const device of ['desktop', 'phone'] as const) {
      for (const language of ['ru', 'en'] as const) {
        const page = await web.newPage({ device, language });
        await signIn(page, 'admin');
        for (const [path, name, english] of pages) {
          await page.goto(path);
          if (language === 'en') await page.getByRole('heading', { name: english, level: 1 }).waitFor();
          else await page.getByRole('heading', { level: 1 }).waitFor();
          await page
            .locator('[aria-busy="true"]')
            .first()
            .waitFor({ state: 'detached' })
            .catch(() => undefined);
          await expectNoSeriousAxeViolations(page);
          await screenshot(page, name);
        }
        const viewer = await web.newPage({ device, language });
        await signIn(viewer, 'cityViewer');
        await viewer.goto('/admin');
        await viewer
          .getByRole('heading', { name: language === 'ru' ? 'Нет доступа' : 'No access' })
          .waitFor();
        await screenshot(viewer, 'admin-no-access');
      }
    }
  });
});
