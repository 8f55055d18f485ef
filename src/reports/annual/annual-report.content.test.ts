import { describe, expect, it } from 'vitest';
import { NBSP } from '../russian/typography.ts';
import { buildReportContent, cellText } from './annual-report.content.ts';
import type { AnnualReportData } from './annual-report.data.ts';

/** A year with one inbound visit and nothing else: enough to see the layout choose words over tables. */
function yearOf(country: string, legalFrame: AnnualReportData['legalFrame']): AnnualReportData {
  return {
    year: 2025,
    generatedOn: '2026-01-20',
    city: { id: 1, name: 'Кузнецк', nameEn: 'Kuznetsk', country, countryName: 'Россия' },
    legalFrame,
    partnerCities: [],
    agreementsInForce: [],
    agreementsConcluded: [],
    agreementsLapsed: [],
    visitsOut: [],
    visitsIn: [
      {
        id: 7,
        direction: 'in',
        fromCity: 'Барановичи',
        toCity: 'Кузнецк',
        startDate: '2025-09-30',
        endDate: '2025-10-02',
        kind: 'official',
        status: 'planned',
        headName: 'В. А. Щербаков',
        headPosition: null,
        purpose: 'Встреча в "Доме дружбы"',
        outcomes: null,
        members: 0,
        agreementsSigned: ['Меморандум о сотрудничестве'],
      },
    ],
    events: [],
    plan: [],
    institutionPartnerships: [],
    statistics: {
      partnerCities: 0,
      countries: 0,
      agreementsInForce: 0,
      agreementsConcluded: 0,
      agreementsLapsed: 0,
      visitsOut: 0,
      visitsIn: 1,
      delegatesOut: 0,
      delegatesIn: 0,
      events: 0,
      planItems: 0,
      planDone: 0,
      planSlipped: 0,
      institutionPartnerships: 0,
      bySphere: [],
    },
  };
}

describe('the annual report layout', () => {
  it('names the law a Russian municipality reports under, and the oblast committee for Belarus', () => {
    expect(buildReportContent(yearOf('RU', 'russia')).legalLine).toContain(`№${NBSP}131-ФЗ`);
    expect(buildReportContent(yearOf('RU', 'russia')).legalLine).toContain('69.5');
    expect(buildReportContent(yearOf('BY', 'belarus')).legalLine).toContain(
      'областной исполнительный комитет',
    );
    expect(buildReportContent(yearOf('DE', 'other')).legalLine).toBeNull();
  });

  it('numbers seven sections and says empty tables in words', () => {
    const content = buildReportContent(yearOf('RU', 'russia'));
    expect(content.title).toBe(
      'Информация о международных и межмуниципальных связях города Кузнецк за 2025 год',
    );
    expect(content.sections.map((section) => section.number)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    const visits = content.sections[2]!.blocks;
    expect(visits[0]).toMatchObject({
      kind: 'empty',
      text: 'В отчётном году визитов делегаций города не было.',
    });
    expect(visits[1]).toMatchObject({ kind: 'table' });
    expect(content.sections[2]!.landscape).toBe(true);
  });

  it('writes the visit row as a reader expects it', () => {
    const content = buildReportContent(yearOf('RU', 'russia'));
    const block = content.sections[2]!.blocks[1]!;
    if (block.kind !== 'table') throw new Error('expected the table of visits received');
    const row = block.table.rows[0] as Parameters<typeof cellText>[0][];
    expect(row.map(cellText)).toEqual([
      '1',
      `30${NBSP}сентября${NBSP}– 2${NBSP}октября 2025${NBSP}г.`,
      `г.${NBSP}Барановичи`,
      'официальный визит',
      `В.${NBSP}А.${NBSP}Щербаков`,
      '—',
      'Встреча в «Доме дружбы»',
      'Подписаны: Меморандум о сотрудничестве. Визит запланирован',
    ]);
  });
});
