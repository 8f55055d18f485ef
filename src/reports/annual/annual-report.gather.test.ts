import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.ts';
import type { Database } from '../../db/database.ts';
import { testEngines } from '../../db/test-database.ts';
import { insertTestCity } from '../../modules/audit/test-cities.ts';
import type { AnnualReportData } from './annual-report.data.ts';
import { loadReportFixture, type ReportFixture } from './annual-report.fixture.ts';
import { gatherAnnualReport, planOutcome } from './annual-report.gather.ts';

describe.each(testEngines())('the annual report data on $engine', ({ open }) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  let fixture: ReportFixture;
  let data: AnnualReportData;

  beforeAll(async () => {
    handle = await open();
    db = handle.db;
    fixture = await loadReportFixture(db);
    data = await gatherAnnualReport(db, fixture.baranovichi, 2025, '2026-01-20');
  });
  afterAll(() => handle.close());

  it('names the city and the frame it reports to', () => {
    expect(data.city).toMatchObject({ name: 'Барановичи', country: 'BY', countryName: 'Беларусь' });
    expect(data.legalFrame).toBe('belarus');
  });

  it('lists Kuznetsk as the twin city with the agreements in force between the two, institutions included', () => {
    expect(data.partnerCities).toEqual([
      expect.objectContaining({ name: 'Кузнецк', countryName: 'Россия', tier: 'twin', agreementsInForce: 3 }),
    ]);
    expect(data.agreementsInForce.map((a) => a.title)).toEqual([
      'План совместных мероприятий городов Барановичи и Кузнецк на 2025-2026 годы',
      'Договор о партнерском сотрудничестве гимназии № 5 г. Барановичи и лицея № 21 г. Кузнецка',
      'Договор о партнерском сотрудничестве библиотечных систем Барановичей и Кузнецка',
    ]);
    const gymnasium = data.agreementsInForce[1]!;
    // Signed at the visit, whose first day stands for the signing date the press release does not give.
    expect(gymnasium.signedOn).toBe('2025-09-18');
    expect(gymnasium.parties).toEqual([
      { name: 'гимназия № 5', cityId: fixture.baranovichi, cityName: 'Барановичи', local: true },
      { name: 'лицей № 21', cityId: fixture.kuznetsk, cityName: 'Кузнецк', local: false },
    ]);
  });

  it('tells the agreements concluded in the year from the one that lapsed', () => {
    expect(data.agreementsConcluded).toHaveLength(3);
    expect(data.agreementsLapsed.map((a) => [a.title, a.validUntil, a.status])).toEqual([
      ['Договор о сотрудничестве ДЮСШ № 2 и спортивной школы "Олимп"', '2025-05-14', 'expired'],
    ]);
    expect(data.agreementsInForce.some((a) => a.status === 'expired')).toBe(false);
  });

  it('gives the visits out and in with their dates, heads, purposes and results', () => {
    expect(data.visitsOut).toEqual([
      expect.objectContaining({
        toCity: 'Кузнецк',
        startDate: '2025-09-18',
        endDate: '2025-09-21',
        headName: 'Вадим Щербаков',
        headPosition: 'заместитель председателя горисполкома',
        kind: 'working',
        agreementsSigned: expect.arrayContaining([expect.stringContaining('гимназии № 5')]),
      }),
    ]);
    expect(data.visitsIn).toEqual([
      expect.objectContaining({
        fromCity: 'Кузнецк',
        startDate: '2025-06-12',
        endDate: '2025-06-15',
        headName: 'Ирина Сергеевна Петрова',
        members: 2,
        outcomes: 'Согласованы мероприятия плана на второе полугодие',
      }),
    ]);
  });

  it('includes events at home and the undated ones of the visit, dated by the visit', () => {
    expect(data.events.map((e) => [e.name, e.startDate, e.endDate, e.cityName])).toEqual([
      ['Фестиваль "Дружба без границ"', '2025-06-13', '2025-06-14', 'Барановичи'],
      ['Праздник города, 245-летний юбилей Кузнецка', '2025-09-18', '2025-09-21', 'Кузнецк'],
      ['Концертное выступление Дианы Лугиной', '2025-09-18', '2025-09-21', 'Кузнецк'],
    ]);
    expect(data.events[0]!.participants).toEqual(['Кузнецк (делегация)', 'ДЮСШ № 2 (спортивная программа)']);
  });

  it('sets the plan against what was done and names what slipped; next year’s items wait', () => {
    const outcomes = Object.fromEntries(data.plan.map((item) => [item.title, item.outcome]));
    expect(outcomes).toEqual({
      'Обмен делегациями школьников в летний период': 'done',
      'Участие делегации в праздновании 245-летия г. Кузнецка': 'done',
      'Совместная выставка краеведческих музеев': 'done_late',
      'Молодёжный форум городов-побратимов': 'slipped',
      'Турнир по мини-футболу среди юношей': 'cancelled',
    });
    expect(data.statistics).toMatchObject({ planItems: 5, planDone: 3, planSlipped: 1 });
  });

  it('pairs the city’s institutions with their partners by sphere, from agreements and projects', () => {
    const pairs = data.institutionPartnerships.map((p) => [
      p.sphere,
      p.localOrganization,
      p.partnerOrganization,
      p.basis,
    ]);
    expect(pairs).toEqual(
      expect.arrayContaining([
        ['education', 'гимназия № 5', 'лицей № 21', 'agreement'],
        [
          'education',
          'средняя школа № 1 им. С. И. Грицевца',
          'средняя общеобразовательная школа № 17 им. Ю. А. Гагарина',
          'project',
        ],
        ['culture', 'Барановичский краеведческий музей', 'Кузнецкий музейно-выставочный центр', 'project'],
      ]),
    );
    expect(pairs).toHaveLength(4);
    expect(data.statistics.bySphere).toEqual([
      { sphere: 'culture', count: 2 },
      { sphere: 'education', count: 2 },
    ]);
  });

  it('sums the year up', () => {
    expect(data.statistics).toMatchObject({
      partnerCities: 1,
      countries: 1,
      agreementsInForce: 3,
      agreementsConcluded: 3,
      agreementsLapsed: 1,
      visitsOut: 1,
      visitsIn: 1,
      delegatesIn: 2,
      events: 3,
      institutionPartnerships: 4,
    });
  });

  it('sees the other side: for Kuznetsk the same visit is inbound and the frame is Russian law', async () => {
    const kuznetsk = await gatherAnnualReport(db, fixture.kuznetsk, 2025, '2026-01-20');
    expect(kuznetsk.legalFrame).toBe('russia');
    expect(kuznetsk.visitsIn.map((v) => v.fromCity)).toEqual(['Барановичи']);
    expect(kuznetsk.visitsOut.map((v) => v.toCity)).toEqual(['Барановичи']);
  });

  it('finds nothing in a year without records and in a city without links', async () => {
    const before = await gatherAnnualReport(db, fixture.baranovichi, 2019, '2026-01-20');
    expect([
      before.visitsOut,
      before.visitsIn,
      before.events,
      before.plan,
      before.agreementsConcluded,
    ]).toEqual([[], [], [], [], []]);
    const lonely = await insertTestCity(db, 'Пинск', 'Pinsk');
    const empty = await gatherAnnualReport(db, lonely, 2025, '2026-01-20');
    expect(empty.partnerCities).toEqual([]);
    expect(empty.statistics.institutionPartnerships).toBe(0);
  });

  it('refuses an unknown city and a year out of range', async () => {
    await expect(gatherAnnualReport(db, 999_999_999, 2025)).rejects.toMatchObject({ code: 'not_found' });
    await expect(gatherAnnualReport(db, fixture.baranovichi, 1200)).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });
});

describe('plan outcomes', () => {
  it('tells done on time, done late, slipped, cancelled and not yet due apart', () => {
    expect(planOutcome('done', '2025-05-01', '2025-05-01', '2025-12-31')).toBe('done');
    expect(planOutcome('done', '2025-05-01', '2025-05-02', '2025-12-31')).toBe('done_late');
    expect(planOutcome('in_progress', '2025-05-01', null, '2025-12-31')).toBe('slipped');
    expect(planOutcome('planned', '2026-05-01', null, '2025-12-31')).toBe('pending');
    expect(planOutcome('cancelled', '2025-05-01', null, '2025-12-31')).toBe('cancelled');
  });
});
