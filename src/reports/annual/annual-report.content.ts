import { formatDateRangeRu, formatDateRu } from '../russian/dates.ts';
import { typographRu } from '../russian/typography.ts';
import type { AnnualReportData, ReportAgreement, ReportParty, ReportVisit } from './annual-report.data.ts';
import {
  AGREEMENT_KIND_RU,
  AGREEMENT_STATUS_RU,
  EVENT_KIND_RU,
  legalFrameLine,
  PLAN_OUTCOME_RU,
  SPHERE_RU,
  TIER_RU,
  VISIT_KIND_RU,
  VISIT_STATUS_RU,
} from './annual-report.labels.ts';

/**
 * The report's words and tables, laid out once for the three renderers: every string here is final
 * Russian text (typography applied), every table says its columns' relative widths and kinds.
 */
export interface ReportContent {
  title: string;
  legalLine: string | null;
  sections: ReportSection[];
  closing: string;
  /** A short name for files and sheets: «Барановичи 2025». */
  shortName: string;
}

export interface ReportSection {
  number: string;
  title: string;
  /** Wide tables get a landscape page. */
  landscape: boolean;
  blocks: ReportBlock[];
}

export type ReportBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; table: ReportTable }
  /** A table with no rows, said in words instead (the XLSX still gets its sheet, with headers only). */
  | { kind: 'empty'; caption: string; text: string; table: ReportTable };

/** A cell: text, a number, a date or a span of dates (`YYYY-MM-DD`), or nothing. */
export type ReportCell = string | number | null | { date: string } | { from: string; to: string };

export interface ReportColumn {
  header: string;
  /** Relative width: the renderers share out the page's width in these proportions. */
  width: number;
  kind: 'text' | 'number' | 'date' | 'range';
}

export interface ReportTable {
  /** «1.1. Города-партнёры»: the table's caption and the XLSX sheet's title. */
  caption: string;
  /** A short name for the XLSX sheet (31 characters at most). */
  sheet: string;
  columns: ReportColumn[];
  /** What the `{ group }` rows name («Сфера»): a column of its own in XLSX, where subheading rows do not sort. */
  groupHeader?: string;
  /** Rows of cells; a `{ group }` row is a full-width subheading (a sphere, for instance). */
  rows: (ReportCell[] | { group: string })[];
}

const t = typographRu;
const NBSP_DASH = '\u00a0\u2014 ';

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The words a cell shows in DOCX and PDF (XLSX keeps dates as dates). */
export function cellText(cell: ReportCell): string {
  // An empty cell of an official table holds a dash, so the reader sees it was not forgotten.
  if (cell === null) return '—';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'string') return cell;
  if ('date' in cell) return formatDateRu(cell.date);
  return formatDateRangeRu(cell.from, cell.to);
}

function dateCell(date: string | null): ReportCell {
  return date === null ? null : { date };
}

function partiesText(parties: ReportParty[]): string {
  return t(
    parties.map((p) => (p.name === p.cityName ? `г. ${p.name}` : `${p.name} (г. ${p.cityName})`)).join(';\n'),
  );
}

function table(
  caption: string,
  sheet: string,
  columns: ReportColumn[],
  rows: ReportTable['rows'],
  empty: string,
  groupHeader?: string,
): ReportBlock {
  const built: ReportTable = {
    caption: t(caption),
    sheet,
    columns,
    rows,
    ...(groupHeader ? { groupHeader } : {}),
  };
  return rows.length === 0
    ? { kind: 'empty', caption: built.caption, text: t(empty), table: built }
    : { kind: 'table', table: built };
}

const NUMBER_COLUMN: ReportColumn = { header: '№\nп/п', width: 6, kind: 'number' };

function agreementRows(agreements: ReportAgreement[], withStatus: boolean): ReportCell[][] {
  return agreements.map((a, i) => [
    i + 1,
    t(a.title),
    AGREEMENT_KIND_RU[a.kind],
    partiesText(a.parties),
    dateCell(a.signedOn),
    withStatus
      ? AGREEMENT_STATUS_RU[a.status]
      : a.validUntil === null
        ? 'бессрочно'
        : t(`до ${formatDateRu(a.validUntil)}${a.autoRenew ? ' с продлением' : ''}`),
  ]);
}

function visitRows(visits: ReportVisit[], direction: 'out' | 'in'): ReportCell[][] {
  return visits.map((v, i) => {
    const head = [v.headName, v.headPosition].filter(Boolean).join(',\n');
    // The agreements signed are listed only when nobody wrote the results down (they would repeat them).
    const results = [
      v.outcomes,
      !v.outcomes && v.agreementsSigned.length > 0 ? `Подписаны: ${v.agreementsSigned.join('; ')}` : null,
      v.status === 'planned' ? `Визит ${VISIT_STATUS_RU.planned}` : null,
    ].filter(Boolean);
    return [
      i + 1,
      { from: v.startDate, to: v.endDate },
      t(direction === 'out' ? `г. ${v.toCity}` : `г. ${v.fromCity}`),
      v.kind ? VISIT_KIND_RU[v.kind] : null,
      head ? t(head) : 'не указан',
      v.members > 0 ? v.members : null,
      v.purpose ? t(v.purpose) : null,
      results.length > 0 ? t(results.join('. ')) : null,
    ];
  });
}

/** Lays the gathered data out as numbered sections with captions, tables and sentences. */
export function buildReportContent(data: AnnualReportData): ReportContent {
  const { year, city, statistics: s } = data;
  const visitColumns = (place: string): ReportColumn[] => [
    NUMBER_COLUMN,
    { header: 'Даты', width: 14, kind: 'range' },
    { header: place, width: 11, kind: 'text' },
    { header: 'Вид визита', width: 10, kind: 'text' },
    { header: 'Глава делегации', width: 17, kind: 'text' },
    { header: 'Состав, чел.', width: 7, kind: 'number' },
    { header: 'Цель визита', width: 18, kind: 'text' },
    { header: 'Результаты', width: 22, kind: 'text' },
  ];
  const agreementColumns = (last: string): ReportColumn[] => [
    NUMBER_COLUMN,
    { header: 'Наименование', width: 26, kind: 'text' },
    { header: 'Вид', width: 17, kind: 'text' },
    { header: 'Стороны', width: 25, kind: 'text' },
    { header: 'Подписано', width: 13, kind: 'date' },
    { header: last, width: 15, kind: 'text' },
  ];
  const slipped = data.plan.filter((item) => item.outcome === 'slipped');
  const spheres = [...new Set(data.institutionPartnerships.map((p) => p.sphere))];

  const sections: ReportSection[] = [
    {
      number: '1',
      title: 'Города-партнёры и действующие соглашения',
      landscape: false,
      blocks: [
        {
          kind: 'paragraph',
          text: t(
            s.partnerCities === 0
              ? `В ${year} г. у города ${city.name} не было действующих связей с городами-партнёрами.`
              : `Городов-партнёров у города ${city.name} в ${year} г.: ${s.partnerCities} (стран: ${s.countries}); действующих соглашений, включая соглашения учреждений: ${s.agreementsInForce}.`,
          ),
        },
        table(
          '1.1. Города-партнёры',
          'Города-партнёры',
          [
            NUMBER_COLUMN,
            { header: 'Город', width: 23, kind: 'text' },
            { header: 'Страна', width: 18, kind: 'text' },
            { header: 'Форма связей', width: 20, kind: 'text' },
            { header: 'С какого года', width: 16, kind: 'number' },
            { header: 'Действующих соглашений', width: 18, kind: 'number' },
          ],
          data.partnerCities.map((p, i) => [
            i + 1,
            p.name,
            p.countryName,
            TIER_RU[p.tier] + (p.status === 'suspended' ? ' (приостановлено)' : ''),
            p.establishedYear,
            p.agreementsInForce,
          ]),
          'Городов-партнёров в реестре нет.',
        ),
        table(
          '1.2. Действующие соглашения',
          'Действующие соглашения',
          agreementColumns('Срок действия'),
          agreementRows(data.agreementsInForce, false),
          'Действующих соглашений нет.',
        ),
      ],
    },
    {
      number: '2',
      title: `Соглашения, заключённые и прекратившие действие в ${year} году`,
      landscape: false,
      blocks: [
        table(
          `2.1. Заключённые в ${year} году`,
          'Заключённые соглашения',
          agreementColumns('Статус'),
          agreementRows(data.agreementsConcluded, true),
          'В отчётном году соглашения не заключались.',
        ),
        table(
          `2.2. Прекратившие действие в ${year} году`,
          'Прекратившие действие',
          [
            NUMBER_COLUMN,
            { header: 'Наименование', width: 34, kind: 'text' },
            { header: 'Стороны', width: 34, kind: 'text' },
            { header: 'Дата окончания', width: 14, kind: 'date' },
            { header: 'Статус', width: 13, kind: 'text' },
          ],
          data.agreementsLapsed.map((a, i) => [
            i + 1,
            t(a.title),
            partiesText(a.parties),
            dateCell(a.validUntil),
            AGREEMENT_STATUS_RU[a.status],
          ]),
          'В отчётном году соглашения не прекращали действие.',
        ),
      ],
    },
    {
      number: '3',
      title: 'Визиты делегаций',
      landscape: true,
      blocks: [
        table(
          `3.1. Визиты делегаций города ${city.name}`,
          'Визиты (выезд)',
          visitColumns('Куда'),
          visitRows(data.visitsOut, 'out'),
          'В отчётном году визитов делегаций города не было.',
        ),
        table(
          `3.2. Приём делегаций в городе ${city.name}`,
          'Визиты (приём)',
          visitColumns('Откуда'),
          visitRows(data.visitsIn, 'in'),
          'В отчётном году визитов делегаций в город не было.',
        ),
      ],
    },
    {
      number: '4',
      title: 'Мероприятия',
      landscape: true,
      blocks: [
        table(
          `4.1. Мероприятия ${year} года с участием города`,
          'Мероприятия',
          [
            NUMBER_COLUMN,
            { header: 'Даты', width: 14, kind: 'range' },
            { header: 'Мероприятие', width: 25, kind: 'text' },
            { header: 'Вид', width: 10, kind: 'text' },
            { header: 'Место', width: 11, kind: 'text' },
            { header: 'Участники', width: 35, kind: 'text' },
          ],
          data.events.map((e, i) => [
            i + 1,
            { from: e.startDate, to: e.endDate ?? e.startDate },
            t(e.name),
            EVENT_KIND_RU[e.kind],
            t(`г. ${e.cityName}`),
            t(e.participants.join('; ')) || null,
          ]),
          'В отчётном году мероприятий не было.',
        ),
      ],
    },
    {
      number: '5',
      title: 'Выполнение планов совместных мероприятий',
      landscape: true,
      blocks: [
        ...(data.plan.length > 0
          ? [
              {
                kind: 'paragraph' as const,
                text: t(
                  `Пунктов плана на ${year} г.: ${s.planItems}, выполнено: ${s.planDone}, не выполнено в срок: ${s.planSlipped}.`,
                ),
              },
            ]
          : []),
        table(
          '5.1. Запланировано и выполнено',
          'План мероприятий',
          [
            NUMBER_COLUMN,
            { header: 'Мероприятие плана', width: 32, kind: 'text' },
            { header: 'Ответственный', width: 17, kind: 'text' },
            { header: 'Срок', width: 12, kind: 'date' },
            { header: 'Выполнено', width: 12, kind: 'date' },
            { header: 'Отметка о выполнении', width: 22, kind: 'text' },
          ],
          // Items grouped under their plan (agreement), numbered through.
          [...new Set(data.plan.map((item) => item.agreementTitle))].flatMap((agreementTitle) => [
            { group: t(agreementTitle) },
            ...data.plan
              .filter((item) => item.agreementTitle === agreementTitle)
              .map((item): ReportCell[] => [
                data.plan.indexOf(item) + 1,
                t(item.title),
                item.responsible ? t(item.responsible) : null,
                dateCell(item.dueOn),
                dateCell(item.doneOn),
                t(capitalize([PLAN_OUTCOME_RU[item.outcome], item.report].filter(Boolean).join('. '))),
              ]),
          ]),
          'Планов совместных мероприятий на отчётный год нет.',
          'План (соглашение)',
        ),
        ...(slipped.length > 0
          ? [
              {
                kind: 'paragraph' as const,
                text: t(
                  `Не выполнены в срок: ${slipped
                    .map(
                      (item) =>
                        `"${item.title}"${item.dueOn ? ` (срок${NBSP_DASH}${formatDateRu(item.dueOn)})` : ''}`,
                    )
                    .join('; ')}.`,
                ),
              },
            ]
          : []),
      ],
    },
    {
      number: '6',
      title: 'Партнёрства учреждений по сферам',
      landscape: false,
      blocks: [
        table(
          '6.1. Учреждения и их партнёры',
          'Партнёрства учреждений',
          [
            NUMBER_COLUMN,
            { header: 'Учреждение города', width: 28, kind: 'text' },
            { header: 'Партнёр', width: 28, kind: 'text' },
            { header: 'Город', width: 12, kind: 'text' },
            { header: 'Основание', width: 27, kind: 'text' },
          ],
          spheres.flatMap((sphere) => {
            let n = 0;
            return [
              { group: SPHERE_RU[sphere] },
              ...data.institutionPartnerships
                .filter((p) => p.sphere === sphere)
                .map((p) => [
                  ++n,
                  t(p.localOrganization),
                  t(p.partnerOrganization),
                  p.partnerCity,
                  t(`${p.basis === 'agreement' ? 'Соглашение' : 'Проект'}: "${p.title}"`),
                ]),
            ];
          }),
          'Партнёрств учреждений города нет.',
          'Сфера',
        ),
      ],
    },
    {
      number: '7',
      title: 'Сводные показатели',
      landscape: false,
      blocks: [
        table(
          `7.1. Показатели ${year} года`,
          'Сводные показатели',
          [
            { header: 'Показатель', width: 75, kind: 'text' },
            { header: 'Значение', width: 25, kind: 'number' },
          ],
          [
            ['Города-партнёры', s.partnerCities],
            ['Страны городов-партнёров', s.countries],
            ['Действующие соглашения', s.agreementsInForce],
            ['Заключено соглашений за год', s.agreementsConcluded],
            ['Прекратили действие', s.agreementsLapsed],
            ['Визиты делегаций города', s.visitsOut],
            ['Участники визитов города, чел.', s.delegatesOut],
            ['Принято делегаций', s.visitsIn],
            ['Участники принятых делегаций, чел.', s.delegatesIn],
            ['Мероприятия', s.events],
            ['Пункты планов совместных мероприятий', s.planItems],
            ['— выполнено', s.planDone],
            ['— не выполнено в срок', s.planSlipped],
            ['Партнёрства учреждений', s.institutionPartnerships],
            ...s.bySphere.map(({ sphere, count }): ReportCell[] => [
              `— ${SPHERE_RU[sphere].toLowerCase()}`,
              count,
            ]),
          ],
          '',
        ),
      ],
    },
  ];
  return {
    title: t(`Информация о международных и межмуниципальных связях города ${city.name} за ${year} год`),
    legalLine: (() => {
      const line = legalFrameLine(data.legalFrame);
      return line === null ? null : t(line);
    })(),
    sections,
    closing: t(`Сведения сформированы ${formatDateRu(data.generatedOn)} по данным реестра "Побратим".`),
    shortName: `${city.name} ${year}`,
  };
}
