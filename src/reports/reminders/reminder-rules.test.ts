import { beforeAll, describe, expect, it } from 'vitest';
import { cityNameForms, loadCityCases } from './city-case.ts';
import { windowOf } from './reminder-dates.ts';
import { agreementReminder, planItemReminder, quietPartnershipReminder } from './reminder-duties.ts';
import { cityDayReminders, jubileeReminders, twinningAnniversaryReminders } from './reminder-occasions.ts';
import type { PartnerRow } from './reminder-rules.ts';
import { countWord, quoted, russianDate } from './russian-words.ts';

const nbsp = '\u00a0';

function kuznetsk(overrides: Partial<PartnerRow> = {}): PartnerRow {
  return {
    twinningId: 7,
    tier: 'twin',
    cityId: 1,
    partnerId: 2,
    partnerName: 'Кузнецк',
    partnerNames: { ru: 'Кузнецк', be: 'Кузнецк', en: 'Kuznetsk' },
    partnerForms: cityNameForms('Кузнецк'),
    foundedYear: 1780,
    cityDay: '--09-20',
    establishedOn: '2015-09-19',
    establishedYear: 2015,
    ...overrides,
  };
}

beforeAll(loadCityCases);

describe('city names in reminder titles', () => {
  it('declines the names the dictionary knows and keeps the rest behind «город»', () => {
    expect(cityNameForms('Кузнецк')).toEqual({
      genitive: 'Кузнецка',
      cityDay: 'День города Кузнецка',
      withPreposition: 'с Кузнецком',
      destination: 'в Кузнецк',
    });
    expect(cityNameForms('Барановичи')).toEqual({
      genitive: 'Барановичей',
      cityDay: 'День города Барановичей',
      withPreposition: 'с Барановичами',
      destination: 'в Барановичи',
    });
    expect(cityNameForms('Пенза').destination).toBe('в Пензу');
    expect(cityNameForms('Владимир').destination).toBe('во Владимир');
    expect(cityNameForms('Нижний Новгород').destination).toBe('в Нижний Новгород');
    expect(cityNameForms('Нижний Новгород').withPreposition).toBe('с Нижним Новгородом');
    expect(cityNameForms('Смоленск').withPreposition).toBe('со Смоленском');
    expect(cityNameForms('Ростов-на-Дону').genitive).toBe('Ростова-на-Дону');
    expect(cityNameForms('Springfield')).toEqual({
      genitive: 'города Springfield',
      cityDay: 'День города Springfield',
      withPreposition: 'с городом Springfield',
      destination: 'в город Springfield',
    });
    expect(cityNameForms('Великие Луки').withPreposition).toBe('с городом Великие Луки');
    expect(cityNameForms('Великие Луки').cityDay).toBe('День города Великие Луки');
  });

  it('agrees nouns with numbers and nests quotes', () => {
    expect([1, 2, 5, 11, 21, 22, 245].map((n) => countWord(n, 'год', 'года', 'лет'))).toEqual([
      'год',
      'года',
      'лет',
      'лет',
      'год',
      'года',
      'лет',
    ]);
    expect(quoted('Соглашение о сотрудничестве с ОАО «Пензмаш»')).toBe(
      '«Соглашение о сотрудничестве с ОАО „Пензмаш“»',
    );
    expect(russianDate('2022-03-12')).toBe(`12 марта 2022${nbsp}г.`);
  });
});

describe('reminder rules', () => {
  it('reminds of the partner’s city day and its 245th jubilee on that day', () => {
    const window = windowOf('2025-09-01', 30);
    const [day] = cityDayReminders(kuznetsk(), window);
    expect(day).toMatchObject({ kind: 'city_day', date: '2025-09-20', title: 'День города Кузнецка' });
    expect(day?.daysFromStart).toBe(19);
    const [jubilee] = jubileeReminders(kuznetsk(), window);
    expect(jubilee).toMatchObject({
      kind: 'jubilee',
      date: '2025-09-20',
      title: `245${nbsp}лет со дня основания Кузнецка`,
      years: 245,
      wholeYear: false,
      records: [
        { type: 'city', id: 2 },
        { type: 'twinning', id: 7 },
      ],
    });
    expect(jubileeReminders(kuznetsk({ foundedYear: 1781 }), window)).toEqual([]);
  });

  it('carries the parameters another language words a reminder from', () => {
    const [jubilee] = jubileeReminders(kuznetsk(), windowOf('2025-09-01', 30));
    expect(jubilee?.params).toEqual({
      partner: {
        id: 2,
        nameRu: 'Кузнецк',
        nameBe: 'Кузнецк',
        nameEn: 'Kuznetsk',
        genitive: 'Кузнецка',
        cityDay: 'День города Кузнецка',
        withPreposition: 'с Кузнецком',
      },
      tier: 'twin',
      foundedYear: 1780,
      establishedOn: null,
      establishedYear: null,
      recordTitle: null,
      lastActivityOn: null,
      person: null,
      signedOn: null,
      workingDays: null,
      reportYear: null,
    });
    const [tenth] = twinningAnniversaryReminders(kuznetsk(), windowOf('2025-09-19', 1));
    expect(tenth?.params).toMatchObject({ establishedOn: '2015-09-19', establishedYear: 2015, tier: 'twin' });
    const row = { id: 3, cityId: 1, title: 'Соглашение о побратимстве', validUntil: '2025-12-01' };
    expect(agreementReminder(row, '2025-09-02')?.params).toMatchObject({
      partner: null,
      recordTitle: 'Соглашение о побратимстве',
    });
    const quiet = quietPartnershipReminder(
      kuznetsk({ establishedOn: '2010-05-01' }),
      '2023-01-05',
      '2025-09-18',
    );
    expect(quiet?.params).toMatchObject({ lastActivityOn: '2023-01-05', foundedYear: null });
  });

  it('marks a jubilee with no city day as lasting its year', () => {
    const [jubilee] = jubileeReminders(kuznetsk({ cityDay: null }), windowOf('2025-06-01', 30));
    expect(jubilee).toMatchObject({ date: '2025-01-01', wholeYear: true, years: 245 });
    expect(jubilee?.detail).toContain('день города не указан');
  });

  it('reminds of round twinning anniversaries only, today included', () => {
    const [tenth] = twinningAnniversaryReminders(kuznetsk(), windowOf('2025-09-19', 1));
    expect(tenth).toMatchObject({
      date: '2025-09-19',
      title: `10${nbsp}лет побратимству с Кузнецком`,
      daysFromStart: 0,
      overdue: false,
    });
    expect(twinningAnniversaryReminders(kuznetsk(), windowOf('2026-09-01', 60))).toEqual([]);
    const partner = kuznetsk({ tier: 'partner', establishedOn: null, establishedYear: 2005 });
    expect(twinningAnniversaryReminders(partner, windowOf('2025-03-01', 30))[0]?.title).toBe(
      `20${nbsp}лет партнёрским связям с Кузнецком`,
    );
  });

  it('warns of agreements ending within 90 days and flags those past their end', () => {
    const row = { id: 3, cityId: 1, title: 'Соглашение о побратимстве', validUntil: '2025-12-01' };
    expect(agreementReminder(row, '2025-09-01')).toBeUndefined();
    expect(agreementReminder(row, '2025-09-02')).toMatchObject({
      kind: 'agreement_ending',
      severity: 'warning',
      overdue: false,
      daysFromStart: 90,
      title: 'Истекает срок действия: «Соглашение о побратимстве»',
    });
    expect(agreementReminder(row, '2025-12-02')).toMatchObject({
      severity: 'overdue',
      overdue: true,
      title: 'Истёк срок действия: «Соглашение о побратимстве»',
      detail: `срок действия — по 1 декабря 2025${nbsp}г.; продлите или смените статус`,
    });
    expect(agreementReminder(row, '2025-09-02')?.detail).toBe(
      `действует по 1 декабря 2025${nbsp}г. (осталось 90${nbsp}дней)`,
    );
  });

  it('reminds of plan items due within 14 days, due today, and overdue by one day', () => {
    const row = {
      id: 9,
      cityId: 1,
      agreementId: 3,
      title: 'Обмен делегациями школьников',
      dueOn: '2025-10-01',
    };
    expect(planItemReminder(row, '2025-09-16')).toBeUndefined();
    expect(planItemReminder(row, '2025-09-17')).toMatchObject({ severity: 'warning', daysFromStart: 14 });
    expect(planItemReminder(row, '2025-10-01')).toMatchObject({ overdue: false, detail: 'срок сегодня' });
    const late = planItemReminder(row, '2025-10-02');
    expect(late).toMatchObject({
      overdue: true,
      severity: 'overdue',
      daysFromStart: -1,
      title: 'Просрочен пункт плана «Обмен делегациями школьников»',
    });
    expect(late?.detail).toContain(`просрочено на 1${nbsp}день`);
    expect(late?.records).toEqual([
      { type: 'plan_item', id: 9 },
      { type: 'agreement', id: 3 },
    ]);
  });

  it('calls a partnership quiet after two years without activity, not a young one', () => {
    const old = kuznetsk({ establishedOn: '2010-05-01' });
    expect(quietPartnershipReminder(old, '2023-09-18', '2025-09-18')).toMatchObject({
      kind: 'partnership_quiet',
      date: '2025-09-18',
      title: 'Нет совместной активности с Кузнецком больше двух лет',
    });
    expect(quietPartnershipReminder(old, '2023-09-19', '2025-09-18')).toBeUndefined();
    expect(quietPartnershipReminder(old, null, '2025-09-18')?.detail).toContain('ни визитов');
    expect(
      quietPartnershipReminder(kuznetsk({ establishedOn: '2024-01-10' }), null, '2025-09-18'),
    ).toBeUndefined();
  });
});
