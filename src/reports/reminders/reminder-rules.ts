/**
 * What every reminder rule shares: the notice periods, the rows the rules read, the builder and the
 * order of a list. The rules themselves are in reminder-occasions.ts and reminder-duties.ts; like
 * them, this is pure: no database and no clock.
 */
import type { TwinningTier } from '../../db/database.ts';
import type { CityNameForms } from './city-case.ts';
import { addDays, daysBetween } from './reminder-dates.ts';
import type { Reminder, ReminderParams } from './reminder.schema.ts';

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
  partnerNames: { ru: string | null; be: string | null; en: string };
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

/** An agreement signed (or submitted) and not yet registered, with the day it was signed. */
export interface UnregisteredAgreementRow {
  id: number;
  cityId: number;
  title: string;
  signedOn: string;
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
  'daysFromStart' | 'overdue' | 'wholeYear' | 'years' | 'detail' | 'partnerCityId' | 'params'
> &
  Partial<Pick<Reminder, 'wholeYear' | 'years' | 'detail' | 'partnerCityId'>> & {
    params?: Partial<ReminderParams>;
  };

const NO_PARAMS: ReminderParams = {
  partner: null,
  tier: null,
  foundedYear: null,
  establishedOn: null,
  establishedYear: null,
  recordTitle: null,
  lastActivityOn: null,
  person: null,
  signedOn: null,
  workingDays: null,
  reportYear: null,
};

/** A reminder from what a rule found, with the fields every reminder derives filled in. */
export function buildReminder(draft: Draft, start: string): Reminder {
  return {
    detail: null,
    years: null,
    wholeYear: false,
    partnerCityId: null,
    ...draft,
    params: { ...NO_PARAMS, ...draft.params },
    overdue: draft.severity === 'overdue',
    daysFromStart: daysBetween(start, draft.date),
  };
}

/** The parameters every partner-city reminder carries: the partner's names and Russian forms, the tier. */
export function partnerParams(row: PartnerRow): Partial<ReminderParams> {
  const { genitive, cityDay, withPreposition } = row.partnerForms;
  return {
    partner: {
      id: row.partnerId,
      nameRu: row.partnerNames.ru,
      nameBe: row.partnerNames.be,
      nameEn: row.partnerNames.en,
      genitive,
      cityDay,
      withPreposition,
    },
    tier: row.tier,
  };
}

/** The records a partner-city reminder concerns: the partner and the twinning. */
export function partnerRecords(row: PartnerRow): Reminder['records'] {
  return [
    { type: 'city', id: row.partnerId },
    { type: 'twinning', id: row.twinningId },
  ];
}

const russianOrder = new Intl.Collator('ru');

/** Orders reminders as a list reads: overdue first, then by date, then by title. */
export function compareReminders(a: Reminder, b: Reminder): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return russianOrder.compare(a.title, b.title);
}

/** The last day an agreement's end or a plan item's due date is looked for. */
export function noticeHorizon(start: string, noticeDays: number): string {
  return addDays(start, noticeDays);
}
