import { readFileSync } from 'node:fs';
import { Document, Packer, Paragraph } from 'docx';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertTestCity } from '../../src/modules/audit/test-cities.ts';
import { sharedDir } from '../../src/shared-dir.ts';
import {
  draftToAccept,
  editProposal,
  problemsOf,
  reviewOf,
  selectProposals,
} from '../../web/src/pages/import/draft-review.ts';
import { buildMarks, buildRuns, factSpans, softWrapped } from '../../web/src/pages/import/highlights.ts';
import type { PreviewResponse } from '../../web/src/pages/import/import-api.ts';
import {
  expectNoSeriousAxeViolations,
  paste,
  shoot,
  signIn,
  startWebHarness,
  type WebHarness,
} from './harness.ts';

const SEED_TEXT = readFileSync(sharedDir('seed', '000_99b162f3906cbee7.txt'), 'utf8');

/** The card of a proposed record by its title, on the right of the page. */
const card = (page: Page, title: string | RegExp) =>
  page.getByTestId('proposal').filter({ has: page.getByText(title, { exact: typeof title === 'string' }) });

describe('importing a press release in a real browser', { timeout: 240_000 }, () => {
  let web: WebHarness;
  const ids = { kuznetsk: 0, lyceum: 0, shcherbakov: 0 };

  beforeAll(async () => {
    web = await startWebHarness();
    // The registry a city's department would have: the twin city, its lyceum and our deputy chairman.
    ids.kuznetsk = await insertTestCity(web.db, 'Кузнецк', 'Kuznetsk', 'RU');
    await web.api('admin', 'POST', '/api/twinnings', {
      cityIds: [web.cities.baranovichi, ids.kuznetsk],
      status: 'active',
    });
    ids.lyceum = (
      await web.api<{ id: number }>('admin', 'POST', '/api/organizations', {
        cityId: ids.kuznetsk,
        name: 'Лицей № 21',
        kind: 'lyceum',
        sphere: 'education',
      })
    ).id;
    ids.shcherbakov = (
      await web.api<{ id: number }>('admin', 'POST', '/api/persons', {
        fullName: 'Вадим Щербаков',
        cityId: web.cities.baranovichi,
      })
    ).id;
  });
  afterAll(async () => {
    await web?.close();
  });

  it('takes a new user from the pasted article to the accepted visit; the same text again is noticed', async () => {
    const page = await web.newPage();
    await signIn(page, 'cityEditor');
    await page
      .getByRole('navigation', { name: 'Разделы' })
      .getByRole('link', { name: 'Импорт пресс-релиза' })
      .click();
    await page.waitForURL((url) => url.pathname === '/import');
    await page.getByRole('heading', { name: 'Импорт пресс-релиза' }).waitFor();
    // The pointer leaves the link it clicked: axe judges the page, not a hovered link.
    await page.mouse.move(700, 850);
    await expectNoSeriousAxeViolations(page);

    await page.getByLabel('Дата публикации').fill('2025-09-25');
    await page.getByLabel('Текст пресс-релиза').focus();
    await paste(page, SEED_TEXT);

    // The pasted text comes back highlighted, without pressing anything.
    const text = page.getByTestId('highlighted-text');
    await text.waitFor();
    expect((await text.textContent())?.replace(/\s+/g, ' ')).toBe(SEED_TEXT.replace(/\s+/g, ' '));
    const kuznetsk = text.locator('mark[data-kind="city"]', { hasText: /^Кузнецк$/ }).first();
    await kuznetsk.waitFor();
    expect(await text.locator('mark[data-kind="person"]', { hasText: 'Вадимом Щербаковым' }).count()).toBe(1);
    expect(await text.locator('mark[data-kind="organization"]', { hasText: 'гимназией № 5' }).count()).toBe(
      1,
    );
    expect(await text.locator('mark[data-kind="date"]').first().textContent()).toBe('18 по 21 сентября');
    // Pointing at a highlight tells what it became.
    await kuznetsk.hover();
    const tooltip = page.getByRole('tooltip');
    await tooltip.waitFor();
    expect(await tooltip.textContent()).toMatch(
      /^Город «Кузнецк» → запись реестра «Кузнецк \(Россия\)» \(совпадение 100\s%\)$/,
    );

    // The proposals: the known city, person and lyceum matched; the gymnasium new; the visit dated.
    await expect.poll(() => card(page, 'Кузнецк').getByText('В реестре').count()).toBe(1);
    expect(await card(page, 'Вадим Щербаков').getByText('В реестре').count()).toBe(1);
    expect(await card(page, 'лицей № 21').getByText('В реестре').count()).toBe(1);
    expect(await card(page, 'гимназия № 5').getByText('Новая запись').count()).toBeGreaterThan(0);
    const visitCard = card(page, 'Визит: Барановичи → Кузнецк');
    expect(await visitCard.textContent()).toContain('18–21 сентября 2025');
    expect(await visitCard.textContent()).toContain('Вадим Щербаков');
    await expectNoSeriousAxeViolations(page);
    await shoot(page, 'import-review');

    await page.getByRole('button', { name: 'Принять всё' }).click();
    const result = page.getByTestId('import-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('Импорт выполнен');
    await expectNoSeriousAxeViolations(page);
    await shoot(page, 'import-accepted');
    await page.getByRole('link', { name: 'Открыть визит Барановичи → Кузнецк' }).click();
    await page.waitForURL(/\/visits\/\d+$/);
    const visitId = Number(new URL(page.url()).pathname.split('/').pop());
    const visit = await web.api<Record<string, unknown>>('admin', 'GET', `/api/visits/${visitId}`);
    expect(visit).toMatchObject({
      fromCityId: web.cities.baranovichi,
      toCityId: ids.kuznetsk,
      startDate: '2025-09-18',
      endDate: '2025-09-21',
      headPersonId: ids.shcherbakov,
    });

    // The same article again, as a file this time: the page says it is known and links to it.
    await page.goto('/import');
    await page.getByLabel('Текст пресс-релиза').focus();
    await paste(page, SEED_TEXT);
    const notice = page.getByTestId('duplicate-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Этот текст уже импортирован');
    const documentLink = notice.getByRole('link');
    expect(await documentLink.getAttribute('href')).toMatch(/^\/documents\/\d+$/);
    expect(await page.getByRole('button', { name: 'Принять всё' }).isDisabled()).toBe(true);
    await expectNoSeriousAxeViolations(page);
  });

  it('reads a dropped .docx, keeps what was typed on an error, and says what is wrong next to the field', async () => {
    const documentsBefore = (await web.api<{ items: unknown[] }>('admin', 'GET', '/api/documents')).items
      .length;
    const page = await web.newPage();
    await signIn(page, 'cityEditor');
    await page.goto('/import');
    const word = new Document({
      sections: [
        {
          children: [
            new Paragraph('12 октября 2025 года делегация города Кузнецка посетила город Барановичи.'),
            new Paragraph(
              'Подписано соглашение о сотрудничестве между гимназией № 5 и кузнецким лицеем № 21.',
            ),
          ],
        },
      ],
    });
    await page.locator('input[type="file"]').setInputFiles({
      name: 'визит.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: await Packer.toBuffer(word),
    });
    const text = page.getByTestId('highlighted-text');
    await text.waitFor();
    expect(await text.textContent()).toContain('делегация города Кузнецка посетила город Барановичи');
    await text.locator('mark[data-kind="city"]', { hasText: 'Кузнецка' }).waitFor();
    await card(page, 'Визит: Кузнецк → Барановичи').waitFor();

    // A link that is no link: said under the field; the text and the review stay.
    await page.getByLabel('Ссылка на источник').fill('не ссылка');
    await page.getByText('Это не похоже на адрес страницы').waitFor();
    await page.getByRole('button', { name: 'Изменить текст' }).click();
    const textarea = page.getByLabel('Текст пресс-релиза');
    expect(await textarea.inputValue()).toContain('кузнецким лицеем № 21');

    // Leaving out the city of the visit: the page names the problem before sending anything.
    await page.getByLabel('Ссылка на источник').fill('');
    const city = card(page, 'Кузнецк');
    await city
      .getByRole('combobox', { name: 'Запись в реестре для «Кузнецк»' })
      .selectOption({ label: 'Не импортировать' });
    await page.getByRole('button', { name: 'Принять всё' }).click();
    await page.getByText('Не всё готово к импорту').waitFor();
    expect(await card(page, 'Визит: Кузнецк → Барановичи').textContent()).toContain(
      'Город «Кузнецк» не импортируется',
    );
    expect(await textarea.inputValue()).toContain('кузнецким лицеем № 21');
    const documents = await web.api<{ items: unknown[] }>('admin', 'GET', '/api/documents');
    expect(documents.items).toHaveLength(documentsBefore);
    await shoot(page, 'import-problems');
  });

  it('looks right in Russian and English, on a desktop and on a phone', async () => {
    const text = `${SEED_TEXT}\nВизит завершился 21 сентября.`;
    for (const device of ['desktop', 'phone'] as const) {
      for (const language of ['ru', 'en'] as const) {
        const page = await web.newPage({ device, language });
        await signIn(page, 'cityEditor');
        await page.goto('/import');
        const heading = language === 'ru' ? 'Импорт пресс-релиза' : 'Import a press release';
        await page.getByRole('heading', { name: heading }).waitFor();
        await page.getByLabel(language === 'ru' ? 'Текст пресс-релиза' : 'Press release text').focus();
        await paste(page, text);
        await page.getByTestId('highlighted-text').waitFor();
        await page.getByTestId('proposal').first().waitFor();
        if (language === 'en') {
          expect(await page.getByRole('button', { name: 'Accept all' }).count()).toBe(1);
          await expectNoSeriousAxeViolations(page);
        }
        await shoot(page, 'import');
        await page.context().close();
      }
    }
  });

  it('highlights without overlaps, every mark reading what it says and pointing at a proposal', async () => {
    const preview = await web.api<PreviewResponse>('cityEditor', 'POST', '/api/documents/preview', {
      text: SEED_TEXT,
      publishedOn: '2025-09-25',
    });
    const marks = buildMarks(SEED_TEXT, preview.extraction, preview.draft);
    for (const [i, mark] of marks.entries()) {
      expect(mark.start).toBeLessThan(mark.end);
      if (i > 0) expect(marks[i - 1]!.end).toBeLessThanOrEqual(mark.start);
      if (mark.ref) {
        const list = preview.draft[mark.list!] as { ref: string }[];
        expect(list.some((p) => p.ref === mark.ref)).toBe(true);
      }
    }
    const read = (kind: string) =>
      marks.filter((m) => m.kind === kind).map((m) => SEED_TEXT.slice(m.start, m.end));
    expect(read('city')).toEqual(expect.arrayContaining(['Кузнецка', 'Барановичей', 'Кузнецк']));
    expect(read('date')).toEqual(['18 по 21 сентября']);
    expect(read('place')).toEqual(['Российская Федерация']);
    const runs = buildRuns(SEED_TEXT.length, marks, factSpans(preview.draft, SEED_TEXT.length));
    const pieces = runs.flatMap((run) => run.segments.map((s) => SEED_TEXT.slice(s.start, s.end)));
    expect(pieces.join('')).toBe(SEED_TEXT);
    // Hard-wrapped lines read as one paragraph; the length stays, so the offsets do.
    const soft = softWrapped(SEED_TEXT);
    expect(soft).toHaveLength(SEED_TEXT.length);
    expect(soft.startsWith('С 18 по 21 сентября официальная делегация из города Барановичи во главе')).toBe(
      true,
    );
    expect(soft).toContain('в различных сферах.\nВ рамках визита');
  });

  it('previews once per pause in typing, and drops a stale preview when the text changes', async () => {
    const page = await web.newPage();
    await signIn(page, 'cityEditor');
    await page.goto('/import');
    const field = page.getByLabel('Текст пресс-релиза');
    await field.waitFor();
    const sent: string[] = [];
    const aborted: string[] = [];
    const textOf = (request: { postData(): string | null }) => JSON.parse(request.postData()!).text as string;
    page.on('request', (request) => {
      if (request.url().endsWith('/api/documents/preview')) sent.push(textOf(request));
    });
    page.on('requestfailed', (request) => {
      if (
        request.url().endsWith('/api/documents/preview') &&
        /abort/i.test(request.failure()?.errorText ?? '')
      )
        aborted.push(textOf(request));
    });
    const first = 'Делегация Кузнецка посетила Барановичи.';
    const second = `${first} Мэр Бреста приедет в июне.`;
    // The answer to the preview of the first text is held back (the server has answered it) until
    // the text has changed: the page must not show it over the newer one.
    let release: () => void = () => {};
    const changed = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/documents/preview', async (route) => {
      if (textOf(route.request()) !== first) return route.continue();
      // The page cancels it meanwhile, and closes at the end: the held route may be gone by then.
      const response = await route.fetch().catch(() => undefined);
      await changed;
      if (response) await route.fulfill({ response }).catch(() => undefined);
    });

    // Typed key by key, quicker than the pause: a preview after the typing, not one a key.
    await field.pressSequentially(first, { delay: 15 });
    await expect.poll(() => sent.at(-1)).toBe(first);
    expect(sent.length).toBeLessThan(first.length / 4);

    await field.fill(second);
    await expect.poll(() => sent.at(-1)).toBe(second);
    // The first text's preview was cancelled by the page as soon as the text changed.
    await expect.poll(() => aborted).toContain(first);
    release();

    // Nothing more was asked for once the newer text's preview was sent.
    const asked = sent.length;
    await page.waitForTimeout(1000);
    expect(sent).toHaveLength(asked);
    await page.close();
  });

  it("keeps the reviewer's choices across previews and finds what the server would refuse", async () => {
    const first = await web.api<PreviewResponse>('cityEditor', 'POST', '/api/documents/preview', {
      text: SEED_TEXT,
      publishedOn: '2025-09-25',
    });
    let review = reviewOf(first.draft);
    const gymnasium = first.draft.organizations.find((o) => o.name === 'гимназия № 5')!;
    review = editProposal(review, 'organizations', gymnasium.ref, { name: 'Гимназия № 5 г. Барановичи' });
    const kuznetsk = first.draft.cities.find((c) => c.name === 'Кузнецк')!;
    review = editProposal(review, 'cities', kuznetsk.ref, { include: false });
    expect(review.selected[kuznetsk.ref]).toBe(false);
    // The city left out: what stands in it is named, before anything is sent.
    const problems = problemsOf(draftToAccept(review, 'all'));
    expect(problems).toContainEqual(
      expect.objectContaining({ list: 'organizations', key: 'cityLeftOut', name: 'Кузнецк' }),
    );
    // One sentence more: a new preview, the edit and the choice kept.
    const second = await web.api<PreviewResponse>('cityEditor', 'POST', '/api/documents/preview', {
      text: `${SEED_TEXT}\nДелегация вернулась в Барановичи.`,
      publishedOn: '2025-09-25',
    });
    const next = reviewOf(second.draft, review);
    expect(next.draft.organizations.map((o) => o.name)).toContain('Гимназия № 5 г. Барановичи');
    expect(next.draft.cities.find((c) => c.name === 'Кузнецк')!.include).toBe(false);
    // «Принять выбранное» leaves out what is unticked; «Принять всё» keeps it.
    const lyceum = next.draft.organizations.find((o) => o.name === 'лицей № 21')!;
    const unticked = selectProposals(next, [lyceum.ref], false);
    expect(draftToAccept(unticked, 'selected').organizations.find((o) => o.ref === lyceum.ref)!.include).toBe(
      false,
    );
    expect(draftToAccept(unticked, 'all').organizations.find((o) => o.ref === lyceum.ref)!.include).toBe(
      true,
    );
  });
});
