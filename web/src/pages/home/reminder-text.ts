import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/format.ts';

/** The partner city of a reminder as GET /api/reminders answers: names, and Russian forms. */
interface ReminderPartner {
  id: number;
  nameRu: string | null;
  nameBe: string | null;
  nameEn: string;
  genitive: string;
  cityDay: string;
  withPreposition: string;
}

/**
 * A reminder as GET /api/reminders answers. Its `title` and `detail` are Russian for the CLI and
 * reports; the page words it from `kind` and `params` in the interface language.
 */
export interface Reminder {
  kind:
    | 'city_day'
    | 'jubilee'
    | 'twinning_anniversary'
    | 'agreement_ending'
    | 'plan_item_due'
    | 'partnership_quiet'
    | 'head_birthday'
    | 'head_took_office'
    | 'registration_due'
    | 'annual_list_due';
  date: string;
  title: string;
  detail: string | null;
  overdue: boolean;
  severity: 'info' | 'warning' | 'overdue';
  daysFromStart: number;
  years: number | null;
  wholeYear: boolean;
  cityId: number;
  partnerCityId: number | null;
  records: Array<{ type: 'city' | 'twinning' | 'agreement' | 'plan_item' | 'person'; id: number }>;
  params: {
    partner: ReminderPartner | null;
    tier: 'twin' | 'partner' | 'friendship' | null;
    foundedYear: number | null;
    establishedOn: string | null;
    establishedYear: number | null;
    recordTitle: string | null;
    lastActivityOn: string | null;
    person: { id: number; fullName: string; position: string; since: string | null } | null;
    signedOn: string | null;
    workingDays: number | null;
    reportYear: number | null;
  };
}

/** The partner's name in the interface language (Belarusian falls back to Russian, then English). */
function partnerName(partner: ReminderPartner | null, language: string): string {
  if (!partner) return '';
  if (language === 'en') return partner.nameEn;
  if (language === 'be') return partner.nameBe ?? partner.nameRu ?? partner.nameEn;
  return partner.nameRu ?? partner.nameEn;
}

/** A reminder's title and second line in the interface language. */
export function reminderText(
  t: TFunction<'home'>,
  language: string,
  reminder: Reminder,
): { title: string; detail: string | null } {
  const { params } = reminder;
  const date = (value: string) => formatDate(value, language);
  // Russian declines the name (the API gives the forms); Belarusian and English keep it as it is.
  const values = {
    city: partnerName(params.partner, language),
    cityDay: params.partner?.cityDay ?? '',
    genitive: params.partner?.genitive ?? '',
    withCity: params.partner?.withPreposition ?? '',
    title: params.recordTitle ?? '',
    person: params.person?.fullName ?? '',
    position: params.person?.position ?? '',
  };
  const left = reminder.daysFromStart;
  switch (reminder.kind) {
    case 'city_day':
      return { title: t('reminder.cityDay', values), detail: null };
    case 'jubilee':
      return {
        title: t('reminder.jubilee', { ...values, count: reminder.years ?? 0 }),
        detail: t(reminder.wholeYear ? 'reminder.foundedNoDay' : 'reminder.founded', {
          year: params.foundedYear,
        }),
      };
    case 'twinning_anniversary':
      return {
        title: t(`reminder.anniversary.${params.tier ?? 'twin'}`, { ...values, count: reminder.years ?? 0 }),
        detail: params.establishedOn
          ? t('reminder.establishedOn', { date: date(params.establishedOn) })
          : t('reminder.establishedIn', { year: params.establishedYear }),
      };
    case 'agreement_ending':
      return reminder.overdue
        ? {
            title: t('reminder.agreementEnded', values),
            detail: t('reminder.agreementEndedDetail', { date: date(reminder.date) }),
          }
        : {
            title: t('reminder.agreementEnding', values),
            detail: t('reminder.agreementEndingDetail', { date: date(reminder.date), count: left }),
          };
    case 'plan_item_due': {
      let detail: string;
      if (left < 0) detail = t('reminder.planLateDetail', { date: date(reminder.date), count: -left });
      else if (left === 0) detail = t('reminder.planToday');
      else detail = t('reminder.planDueDetail', { date: date(reminder.date), count: left });
      return { title: t(left < 0 ? 'reminder.planLate' : 'reminder.planDue', values), detail };
    }
    case 'head_birthday':
      return { title: t('reminder.headBirthday', values), detail: t('reminder.headDetail', values) };
    case 'head_took_office':
      return {
        title: t('reminder.headTookOffice', values),
        detail: t('reminder.headTookOfficeDetail', { ...values, date: date(reminder.date) }),
      };
    case 'registration_due':
      return {
        title: t(left < 0 ? 'reminder.registrationLate' : 'reminder.registrationDue', values),
        detail: t('reminder.registrationDetail', {
          date: date(reminder.date),
          signedOn: params.signedOn ? date(params.signedOn) : '',
          count: params.workingDays ?? 0,
        }),
      };
    case 'annual_list_due':
      return {
        title: t('reminder.annualList', { year: params.reportYear }),
        detail: t('reminder.annualListDetail', { date: date(reminder.date) }),
      };
    case 'partnership_quiet':
      return {
        title: t('reminder.quiet', values),
        detail: params.lastActivityOn
          ? t('reminder.lastActivity', { date: date(params.lastActivityOn) })
          : t('reminder.noActivity'),
      };
  }
}

/** `reminderText` bound to the interface language. */
export function useReminderText(): (reminder: Reminder) => { title: string; detail: string | null } {
  const { t, i18n } = useTranslation('home');
  return (reminder) => reminderText(t, i18n.language, reminder);
}
