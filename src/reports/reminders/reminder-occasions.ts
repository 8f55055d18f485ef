/** Occasions of partner cities: city days, founding jubilees and twinning anniversaries (pure). */
import type { TwinningTier } from '../../db/database.ts';
import {
  addDays,
  monthDayOf,
  roundAnniversariesIn,
  roundYearsIn,
  yearlyDatesIn,
  type DateWindow,
} from './reminder-dates.ts';
import {
  ROUND_YEARS,
  buildReminder,
  partnerParams,
  partnerRecords,
  type PartnerRow,
} from './reminder-rules.ts';
import type { Reminder } from './reminder.schema.ts';
import { russianDate, years } from './russian-words.ts';

/** The partner's city day(s) inside the window: «День города Кузнецка». */
export function cityDayReminders(row: PartnerRow, window: DateWindow): Reminder[] {
  const monthDay = monthDayOf(row.cityDay);
  if (!monthDay) return [];
  return yearlyDatesIn(monthDay, window).map((date) =>
    buildReminder(
      {
        kind: 'city_day',
        date,
        title: row.partnerForms.cityDay,
        severity: 'info',
        cityId: row.cityId,
        partnerCityId: row.partnerId,
        records: partnerRecords(row),
        params: partnerParams(row),
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
    buildReminder(
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
        params: { ...partnerParams(row), foundedYear: row.foundedYear },
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
    buildReminder(
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
        params: {
          ...partnerParams(row),
          establishedOn: row.establishedOn,
          establishedYear: originYear,
        },
      },
      window.from,
    ),
  );
}

/** A partner city's head as the reminders read them: who, in which position, since when, born when. */
export interface CityHeadRow {
  personId: number;
  cityId: number;
  fullName: string;
  position: string;
  startedOn: string | null;
  birthday: string | null;
}

/** How long after a new head takes office the office is reminded to congratulate them. */
export const NEW_HEAD_NOTICE_DAYS = 30;

function headParams(row: PartnerRow, head: CityHeadRow): Partial<Reminder['params']> {
  return {
    ...partnerParams(row),
    person: { id: head.personId, fullName: head.fullName, position: head.position, since: head.startedOn },
  };
}

/** The partner's head's birthdays inside the window: «День рождения: Петров Иван Иванович». */
export function headBirthdayReminders(row: PartnerRow, head: CityHeadRow, window: DateWindow): Reminder[] {
  if (!head.birthday) return [];
  return yearlyDatesIn(head.birthday.slice(5), window).map((date) =>
    buildReminder(
      {
        kind: 'head_birthday',
        date,
        title: `День рождения: ${head.fullName}`,
        detail: `${head.position}, ${row.partnerName}`,
        severity: 'info',
        cityId: row.cityId,
        partnerCityId: row.partnerId,
        records: [{ type: 'person', id: head.personId }, ...partnerRecords(row)],
        params: headParams(row, head),
      },
      window.from,
    ),
  );
}

/**
 * A new head of the partner city: from the day they took office (known ahead or just past) until
 * NEW_HEAD_NOTICE_DAYS after it, a reminder to send congratulations, pressing once the day has come.
 */
export function headTookOfficeReminder(
  row: PartnerRow,
  head: CityHeadRow,
  window: DateWindow,
): Reminder | undefined {
  const since = head.startedOn;
  if (!since || since > window.to || addDays(since, NEW_HEAD_NOTICE_DAYS) < window.from) return undefined;
  return buildReminder(
    {
      kind: 'head_took_office',
      date: since,
      title: `Новый глава ${row.partnerForms.genitive}: ${head.fullName}`,
      detail: `${head.position} с ${russianDate(since)}; направить поздравление`,
      severity: since <= window.from ? 'warning' : 'info',
      cityId: row.cityId,
      partnerCityId: row.partnerId,
      records: [{ type: 'person', id: head.personId }, ...partnerRecords(row)],
      params: headParams(row, head),
    },
    window.from,
  );
}
