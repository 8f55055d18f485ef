import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCOUNTS,
  expectNoSeriousAxeViolations,
  mapDrawn,
  screenshot,
  signIn,
  startWebHarness,
  type WebHarness,
  watchErrors,
} from './harness.ts';

/** `YYYY-MM-DD` some days from today (UTC, as the server's reminders count). */
function daysFromToday(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

describe('the home page and the maps in a real browser', { timeout: 240_000 }, () => {
  let web: WebHarness;
  let agreementId: number;
  const agreementTitle = 'Соглашение о сотрудничестве Барановичей и Кутно';
  const overdueTitle = 'Обмен выставками детского рисунка';

  beforeAll(async () => {
    web = await startWebHarness();
    const { baranovichi, kutno, novokuznetsk } = web.cities;
    const coordinates: Array<[number, number, number]> = [
      [baranovichi, 53.1327, 26.0139],
      [kutno, 52.2306, 19.3642],
      [novokuznetsk, 53.7557, 87.1099],
    ];
    for (const [id, latitude, longitude] of coordinates) {
      await web.db.updateTable('city').set({ latitude, longitude }).where('id', '=', id).execute();
    }
    for (const partner of [kutno, novokuznetsk]) {
      await web.api('admin', 'POST', '/api/twinnings', {
        cityIds: [baranovichi, partner],
        establishedYear: 2012,
      });
    }
    // Set up as the city editor, so the latest activity names her.
    await web.api('cityEditor', 'POST', '/api/visits', {
      fromCityId: kutno,
      toCityId: baranovichi,
      startDate: '2025-06-02',
      endDate: '2025-06-04',
      status: 'done',
    });
    await web.api('cityEditor', 'POST', '/api/visits', {
      fromCityId: baranovichi,
      toCityId: novokuznetsk,
      startDate: daysFromToday(20),
      endDate: daysFromToday(23),
      purpose: 'Участие в Днях белорусской культуры',
      status: 'planned',
    });
    const agreement = await web.api<{ id: number }>('cityEditor', 'POST', '/api/agreements', {
      kind: 'cooperation',
      title: agreementTitle,
      status: 'in_force',
      signedOn: '2024-05-17',
      validFrom: '2024-05-17',
      validUntil: daysFromToday(30),
      parties: [{ cityId: baranovichi }, { cityId: kutno }],
    });
    agreementId = agreement.id;
    await web.api('cityEditor', 'POST', '/api/plan-items', {
      agreementId,
      title: overdueTitle,
      dueOn: daysFromToday(-5),
      status: 'planned',
    });
  });
  afterAll(async () => {
    await web?.close();
  });

  it('shows a city editor what is coming, what is overdue, the latest changes, the chart and the map', async () => {
    const page = await web.newPage();
    await signIn(page, 'cityEditor');
    const errors = watchErrors(page);
    await page.getByText(`Здравствуйте, ${ACCOUNTS.cityEditor.name}!`).waitFor();

    const coming = page.getByRole('region', { name: 'Что впереди' });
    await coming.getByText(`Истекает срок действия: «${agreementTitle}»`).waitFor();
    const agreementLink = coming.getByRole('link', { name: `Истекает срок действия: «${agreementTitle}»` });
    expect(await agreementLink.getAttribute('href')).toBe(`/agreements/${agreementId}`);
    await coming.getByText('Продление соглашения').waitFor();
    await coming.getByRole('link', { name: 'Визит: Барановичи → Новокузнецк' }).waitFor();

    const overdue = page.getByRole('region', { name: /^Просрочено/ });
    await overdue.getByText(`Просрочен пункт плана «${overdueTitle}»`).waitFor();
    // The overdue item is not also among what is coming.
    expect(await coming.getByText(overdueTitle, { exact: false }).count()).toBe(0);

    const activity = page.getByRole('region', { name: 'Последние изменения' });
    await activity.getByText('Добавлен пункт плана').waitFor();
    const created = activity.getByRole('listitem').filter({ hasText: 'Добавлено соглашение' });
    expect(await created.getByRole('link', { name: `«${agreementTitle}»` }).getAttribute('href')).toBe(
      `/agreements/${agreementId}`,
    );
    expect(await created.textContent()).toContain(ACCOUNTS.cityEditor.name);

    const stats = page.getByRole('region', { name: 'Визиты и соглашения по годам' });
    await stats.getByTestId('year-chart').locator('canvas').first().waitFor();
    // The numbers behind the bars, for screen readers: 2024 one agreement, 2025 one visit to Baranovichi.
    expect(await stats.locator('tr', { hasText: '2024' }).locator('td').allTextContents()).toEqual([
      '0',
      '0',
      '1',
    ]);
    expect(await stats.locator('tr', { hasText: '2025' }).locator('td').allTextContents()).toEqual([
      '1',
      '0',
      '0',
    ]);

    const network = page.getByRole('region', { name: 'Сеть побратимов' });
    await network.getByText('Барановичи: 2 побратимские связи.').waitFor();
    expect(await mapDrawn(page)).toBeGreaterThan(0);
    await expectNoSeriousAxeViolations(page);
    expect(errors).toEqual([]);
  });

  it('words reminders in the interface language, days counted in its plural forms', async () => {
    const expected = {
      be: {
        coming: 'Што наперадзе',
        ending: `Заканчваецца тэрмін дзеяння: «${agreementTitle}»`,
        left: /\(засталося 30 дзён\)/,
        late: `Пратэрмінаваны пункт плана «${overdueTitle}»`,
        lateBy: /пратэрмінавана на 5 дзён/,
      },
      en: {
        coming: 'Coming up',
        ending: `Agreement ending: “${agreementTitle}”`,
        left: /\(30 days left\)/,
        late: `Plan item overdue: “${overdueTitle}”`,
        lateBy: /5 days overdue/,
      },
    };
    for (const language of ['be', 'en'] as const) {
      const words = expected[language];
      const page = await web.newPage({ language });
      await signIn(page, 'cityEditor');
      const errors = watchErrors(page);
      const coming = page.getByRole('region', { name: words.coming });
      await coming.getByRole('link', { name: words.ending }).waitFor();
      await coming.getByText(words.left).waitFor();
      const overdue = page.getByTestId('overdue-list');
      await overdue.getByRole('link', { name: words.late }).waitFor();
      await overdue.getByText(words.lateBy).waitFor();
      // Nothing of the API's Russian wording is left on the page.
      expect(await page.getByText('Истекает срок действия', { exact: false }).count()).toBe(0);
      expect(await page.getByText('Просрочен пункт плана', { exact: false }).count()).toBe(0);
      expect(errors).toEqual([]);
    }
  });

  it('writes screenshots of the home page in Russian, Belarusian and English at desktop and phone widths', async () => {
    const coming = { ru: 'Что впереди', be: 'Што наперадзе', en: 'Coming up' };
    for (const device of ['desktop', 'phone'] as const) {
      for (const language of ['ru', 'be', 'en'] as const) {
        const page = await web.newPage({ device, language });
        await signIn(page, 'cityEditor');
        const errors = watchErrors(page);
        await page.getByRole('region', { name: coming[language] }).waitFor();
        await page.getByTestId('year-chart').locator('canvas').first().waitFor();
        await mapDrawn(page);
        if (language === 'en') {
          await page.getByText('Agreement to renew').waitFor();
          await page.getByText('Baranovichi: 2 twinnings.').waitFor();
        }
        await screenshot(page, 'home-dashboard');
        expect(errors).toEqual([]);
      }
    }
  });

  it('draws the whole network of a few hundred twinnings on /map, reached from the navigation', async () => {
    // 300 places on a grid over Europe and Asia, each twinned with two others: 600 twinnings more.
    const places = [];
    for (let i = 0; i < 300; i++) {
      places.push({
        name_ru: `Город ${i + 1}`,
        name_be: null,
        name_en: `Town ${i + 1}`,
        country: i % 2 === 0 ? 'PL' : 'RU',
        latitude: 40 + (i % 15) * 1.5,
        longitude: -5 + Math.floor(i / 15) * 7,
        timezone: null,
        founded_year: null,
        city_day: null,
      });
    }
    const ids = (await web.db.insertInto('city').values(places).returning('id').execute()).map(
      (row) => row.id,
    );
    const pairs = ids.flatMap((id, i) => [
      {
        city_a_id: Math.min(id, ids[(i + 1) % ids.length]!),
        city_b_id: Math.max(id, ids[(i + 1) % ids.length]!),
      },
      {
        city_a_id: Math.min(id, ids[(i + 37) % ids.length]!),
        city_b_id: Math.max(id, ids[(i + 37) % ids.length]!),
      },
    ]);
    await web.db.insertInto('twinning').values(pairs).execute();

    for (const device of ['desktop', 'phone'] as const) {
      for (const language of ['ru', 'en'] as const) {
        const page = await web.newPage({ device, language });
        await signIn(page, 'admin');
        const errors = watchErrors(page);
        if (device === 'desktop') {
          await page
            .getByRole('navigation', { name: language === 'ru' ? 'Разделы' : 'Sections' })
            .getByRole('link', { name: language === 'ru' ? 'Карта побратимства' : 'Twinning map' })
            .click();
        } else {
          await page.goto('/map');
        }
        await page.waitForURL((url) => url.pathname === '/map');
        await page
          .getByRole('heading', { name: language === 'ru' ? 'Карта побратимства' : 'Twinning map' })
          .waitFor();
        await page
          .getByText(
            language === 'ru' ? 'Городов: 303, побратимских связей: 602' : 'Cities: 303, twinnings: 602',
          )
          .waitFor();
        expect(await mapDrawn(page)).toBeGreaterThan(0);
        const marks = await page.evaluate(() =>
          performance
            .getEntriesByType('mark')
            .map((mark) => mark.name)
            .filter((name) => name.startsWith('pobratim:map')),
        );
        expect(marks).toEqual(['pobratim:map-start', 'pobratim:map-world', 'pobratim:map-network']);
        await screenshot(page, 'map');
        if (device === 'desktop' && language === 'ru') {
          // Panning the map by dragging raises no error (checked below) and leaves the page accessible.
          const box = (await page.getByTestId('network-map').boundingBox())!;
          await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
          await page.mouse.down();
          await page.mouse.move(box.x + box.width / 2 + 150, box.y + box.height / 2 + 40, { steps: 8 });
          await page.mouse.up();
          await expectNoSeriousAxeViolations(page);
        }
        expect(errors).toEqual([]);
      }
    }
  });

  it('lets an administrator of several home cities pick the city, and remembers the choice', async () => {
    await web.db.insertInto('home_city').values({ city_id: web.cities.kutno }).execute();
    const page = await web.newPage();
    await signIn(page, 'admin');
    const errors = watchErrors(page);
    const network = page.getByRole('region', { name: 'Сеть побратимов' });
    await network.getByText('Барановичи: 2 побратимские связи.').waitFor();
    await page.getByRole('combobox', { name: 'Город' }).click();
    await page.getByRole('option', { name: 'Кутно' }).click();
    await network.getByText('Кутно: 1 побратимская связь.').waitFor();
    await page.getByRole('region', { name: 'Последние изменения' }).getByText('Кутно → Барановичи').waitFor();
    await page.reload();
    await network.getByText('Кутно: 1 побратимская связь.').waitFor();
    expect(errors).toEqual([]);
  });
});
