/** Duties the registry shows: agreements to renew, plan items due, partnerships gone quiet (pure). */
import { addYears, daysBetween, inWindow, onMonthDay, type DateWindow } from './reminder-dates.ts';
import { addRussianWorkingDays } from './russian-working-days.ts';
import {
  AGREEMENT_NOTICE_DAYS,
  PLAN_ITEM_NOTICE_DAYS,
  QUIET_YEARS,
  buildReminder,
  partnerParams,
  partnerRecords,
  type AgreementRow,
  type PartnerRow,
  type PlanItemRow,
  type UnregisteredAgreementRow,
} from './reminder-rules.ts';
import type { Reminder, ReminderSeverity } from './reminder.schema.ts';
import { days, quoted, russianDate } from './russian-words.ts';

/**
 * An agreement in force that ends within the notice period, or has ended and still stands as in
 * force (someone has to renew it or mark it expired).
 */
export function agreementReminder(row: AgreementRow, start: string): Reminder | undefined {
  const left = daysBetween(start, row.validUntil);
  if (left > AGREEMENT_NOTICE_DAYS) return undefined;
  const ended = left < 0;
  return buildReminder(
    {
      kind: 'agreement_ending',
      date: row.validUntil,
      title: `${ended ? 'Истёк' : 'Истекает'} срок действия: ${quoted(row.title)}`,
      detail: ended
        ? `срок действия — по ${russianDate(row.validUntil)}; продлите или смените статус`
        : `действует по ${russianDate(row.validUntil)} (осталось ${days(left)})`,
      severity: ended ? 'overdue' : 'warning',
      cityId: row.cityId,
      records: [{ type: 'agreement', id: row.id }],
      params: { recordTitle: row.title },
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
  return buildReminder(
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
      params: { recordTitle: row.title },
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
  return buildReminder(
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
      params: { ...partnerParams(row), lastActivityOn },
    },
    start,
  );
}

/**
 * An agreement signed and not registered yet: due `workingDays` working days (the Russian production
 * calendar) after signing, reminded from signing on, overdue after the deadline. It is gone once
 * the agreement moves on to «registered» (or later), since only signed or submitted ones are read.
 */
export function registrationReminder(
  row: UnregisteredAgreementRow,
  workingDays: number,
  start: string,
): Reminder {
  const due = addRussianWorkingDays(row.signedOn, workingDays);
  const left = daysBetween(start, due);
  const late = left < 0;
  let detail: string;
  if (late) detail = `срок был ${russianDate(due)}, просрочено на ${days(-left)}`;
  else if (left === 0) detail = 'срок сегодня';
  else detail = `срок ${russianDate(due)} (через ${days(left)})`;
  return buildReminder(
    {
      kind: 'registration_due',
      date: due,
      title: `${late ? 'Просрочена регистрация' : 'Зарегистрировать'} ${quoted(row.title)}`,
      detail: `${detail}; подписано ${russianDate(row.signedOn)}`,
      severity: late ? 'overdue' : 'warning',
      cityId: row.cityId,
      records: [{ type: 'agreement', id: row.id }],
      params: { recordTitle: row.title, signedOn: row.signedOn, workingDays },
    },
    start,
  );
}

/**
 * The annual list of agreements concluded and ended in a year, due to the region on the
 * installation's day (`MM-DD`, 15 January by default) of the next year: reminded when that day falls
 * in the window, and as overdue within a month after it (the list cannot be marked as sent).
 */
export function annualListReminders(cityId: number, dueMonthDay: string, window: DateWindow): Reminder[] {
  const found: Reminder[] = [];
  const firstYear = Number(window.from.slice(0, 4));
  for (let year = firstYear; year <= Number(window.to.slice(0, 4)); year++) {
    const due = onMonthDay(year, dueMonthDay);
    const left = daysBetween(window.from, due);
    if (!inWindow(due, window) && !(left < 0 && left >= -30)) continue;
    const late = left < 0;
    found.push(
      buildReminder(
        {
          kind: 'annual_list_due',
          date: due,
          title: `Список соглашений за ${year - 1} год — в регион`,
          detail: late
            ? `срок был ${russianDate(due)}: заключённые и прекратившие действие соглашения`
            : `срок ${russianDate(due)}: заключённые и прекратившие действие соглашения`,
          severity: late ? 'overdue' : 'info',
          cityId,
          records: [{ type: 'city', id: cityId }],
          params: { reportYear: year - 1 },
        },
        window.from,
      ),
    );
  }
  return found;
}
