/**
 * The reminder rules: from rows of the registry (already read) and a window, the reminders with
 * their Russian titles. Pure: no database and no clock, so every edge is unit-tested.
 */
import type { TwinningTier } from '../../db/database.ts';
import type { CityNameForms } from './city-case.ts';
import {
  addDays,
  addYears,
  daysBetween,
  monthDayOf,
  roundAnniversariesIn,
  roundYearsIn,
  yearlyDatesIn,
  type DateWindow,
} from './reminder-dates.ts';
import type { Reminder, ReminderSeverity } from './reminder.schema.ts';
import { days, quoted, russianDate, years } from './russian-words.ts';

/** Agreements are reminded of this many days before they end. */
export const AGREEMENT_NOTICE_DAYS = 90;
/** Plan items are reminded of this many days before they are due. */
export const PLAN_ITEM_NOTICE_DAYS = 14;
/** A partnership with no visit, event or project in this many years has gone quiet. */
export const QUIET_YEARS = 2;
/** Jubilees and twinning anniversaries are round every this many years. */
export const ROUND_YEARS = 5;

/** A twinning seen from one of its cities: the partner city and what the rules need of it. */
export interface PartnerRow {
  twinningId: number;
  tier: TwinningTier;
  cityId: number;
  partnerId: number;
  partnerName: string;
  partnerForms: CityNameForms;
  foundedYear: number | null;
  cityDay: string | null;
  establishedOn: string | null;
  establishedYear: number | null;
}

export interface AgreementRow {
  id: number;
  cityId: number;
  title: string;
  validUntil: string;
}

export interface PlanItemRow {
  id: number;
  cityId: number;
  agreementId: number;
  title: string;
  dueOn: string;
}

type Draft = Omit<
  Reminder,
  'daysFromStart' | 'overdue' | 'wholeYear' | 'years' | 'detail' | 'partnerCityId'
> &
  Partial<Pick<Reminder, 'wholeYear' | 'years' | 'detail' | 'partnerCityId'>>;

function reminder(draft: Draft, start: string): Reminder {
  return {
    detail: null,
    years: null,
    wholeYear: false,
    partnerCityId: null,
    ...draft,
    overdue: draft.severity === 'overdue',
    daysFromStart: daysBetween(start, draft.date),
  };
}

function partnerRecords(row: PartnerRow): Reminder['records'] {
  return [
    { type: 'city', id: row.partnerId },
    { type: 'twinning', id: row.twinningId },
  ];
}

/** The partner's city day(s) inside the window: «День города Кузнецка». */
export function cityDayReminders(row: PartnerRow, window: DateWindow): Reminder[] {
  const monthDay = monthDayOf(row.cityDay);
  if (!monthDay) return [];
  return yearlyDatesIn(monthDay, window).map((date) =>
    reminder(
      {
        kind: 'city_day',
        date,
        title: `День города ${row.partnerForms.genitive}`,
        severity: 'info',
        cityId: row.cityId,
        partnerCityId: row.partnerId,
        records: partnerRecords(row),
      },
      window.from,
    ),
  );
}

/**
 * Round jubilees of the partner's founding: «245 лет со дня основания Кузнецка», on the city day
 * of the jubilee year when it is known, else for the whole year.
 */
export function jubileeReminders(row: PartnerRow, window: DateWindow): Reminder[] {
  if (row.foundedYear === null) return [];
  const monthDay = monthDayOf(row.cityDay);
  const wholeYear = monthDay === undefined;
  const found = wholeYear
    ? roundYearsIn(row.foundedYear, window, ROUND_YEARS)
    : roundAnniversariesIn(row.foundedYear, monthDay, window, ROUND_YEARS);
  return found.map(({ date, years: count }) =>
    reminder(
      {
        kind: 'jubilee',
        date,
        title: `${years(count)} со дня основания ${row.partnerForms.genitive}`,
        detail: `основан в ${row.foundedYear} году${wholeYear ? '; день города не указан' : ''}`,
        severity: 'info',
        years: count,
        wholeYear,
        cityId: row.cityId,
        partnerCityId: row.partnerId,
        records: partnerRecords(row),
      },
      window.from,
    ),
  );
}

const TIER_DATIVE: Record<TwinningTier, string> = {
  twin: 'побратимству',
  partner: 'партнёрским связям',
  friendship: 'дружественным связям',
};

/** Round anniversaries of the twinning: «10 лет побратимству с Кузнецком». */
export function twinningAnniversaryReminders(row: PartnerRow, window: DateWindow): Reminder[] {
  const originYear = row.establishedOn ? Number(row.establishedOn.slice(0, 4)) : row.establishedYear;
  if (originYear === null) return [];
  const wholeYear = row.establishedOn === null;
  const found = row.establishedOn
    ? roundAnniversariesIn(originYear, row.establishedOn.slice(5), window, ROUND_YEARS)
    : roundYearsIn(originYear, window, ROUND_YEARS);
  return found.map(({ date, years: count }) =>
    reminder(
      {
        kind: 'twinning_anniversary',
        date,
        title: `${years(count)} ${TIER_DATIVE[row.tier]} ${row.partnerForms.withPreposition}`,
        detail: row.establishedOn
          ? `установлено ${russianDate(row.establishedOn)}`
          : `установлено в ${originYear} году`,
        severity: 'info',
        years: count,
        wholeYear,
        cityId: row.cityId,
        partnerCityId: row.partnerId,
        records: partnerRecords(row),
      },
      window.from,
    ),
  );
}

/**
 * An agreement in force that ends within the notice period, or has ended and still stands as in
 * force (someone has to renew it or mark it expired).
 */
export function agreementReminder(row: AgreementRow, start: string): Reminder | undefined {
  const left = daysBetween(start, row.validUntil);
  if (left > AGREEMENT_NOTICE_DAYS) return undefined;
  const ended = left < 0;
  return reminder(
    {
      kind: 'agreement_ending',
      date: row.validUntil,
      title: `${ended ? 'Истёк' : 'Истекает'} срок действия соглашения ${quoted(row.title)}`,
      detail: ended
        ? `действовало по ${russianDate(row.validUntil)}; продлите или отметьте как истёкшее`
        : `действует по ${russianDate(row.validUntil)} (осталось ${days(left)})`,
      severity: ended ? 'overdue' : 'warning',
      cityId: row.cityId,
      records: [{ type: 'agreement', id: row.id }],
    },
    start,
  );
}

/** A plan item not done: due within the notice period, or overdue. */
export function planItemReminder(row: PlanItemRow, start: string): Reminder | undefined {
  const left = daysBetween(start, row.dueOn);
  if (left > PLAN_ITEM_NOTICE_DAYS) return undefined;
  const late = left < 0;
  let detail: string;
  if (late) detail = `срок был ${russianDate(row.dueOn)}, просрочено на ${days(-left)}`;
  else if (left === 0) detail = 'срок сегодня';
  else detail = `срок ${russianDate(row.dueOn)} (через ${days(left)})`;
  const severity: ReminderSeverity = late ? 'overdue' : 'warning';
  return reminder(
    {
      kind: 'plan_item_due',
      date: row.dueOn,
      title: `${late ? 'Просрочен пункт плана' : 'Пункт плана'} ${quoted(row.title)}`,
      detail,
      severity,
      cityId: row.cityId,
      records: [
        { type: 'plan_item', id: row.id },
        { type: 'agreement', id: row.agreementId },
      ],
    },
    start,
  );
}

/**
 * A partnership gone quiet: no visit, event or project since `QUIET_YEARS` years before the start
 * (a twinning younger than that is not quiet yet). Dated on the window's first day.
 */
export function quietPartnershipReminder(
  row: PartnerRow,
  lastActivityOn: string | null,
  start: string,
): Reminder | undefined {
  const since = addYears(start, -QUIET_YEARS);
  if (lastActivityOn !== null && lastActivityOn > since) return undefined;
  if (row.establishedOn !== null && row.establishedOn > since) return undefined;
  if (
    row.establishedOn === null &&
    row.establishedYear !== null &&
    row.establishedYear > Number(since.slice(0, 4))
  )
    return undefined;
  return reminder(
    {
      kind: 'partnership_quiet',
      date: start,
      title: `Нет совместной активности ${row.partnerForms.withPreposition} больше двух лет`,
      detail:
        lastActivityOn === null
          ? 'ни визитов, ни мероприятий, ни проектов в реестре'
          : `последняя активность — ${russianDate(lastActivityOn)}`,
      severity: 'warning',
      cityId: row.cityId,
      partnerCityId: row.partnerId,
      records: partnerRecords(row),
    },
    start,
  );
}

const russianOrder = new Intl.Collator('ru');

/** Orders reminders as a list reads: overdue first, then by date, then by title. */
export function compareReminders(a: Reminder, b: Reminder): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return russianOrder.compare(a.title, b.title);
}

/** The day before which activity counts as old, for the quiet-partnership query. */
export function quietSince(start: string): string {
  return addYears(start, -QUIET_YEARS);
}

/** The last day an agreement's end or a plan item's due date is looked for. */
export function noticeHorizon(start: string, noticeDays: number): string {
  return addDays(start, noticeDays);
}
