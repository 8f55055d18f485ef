import { sql, type Kysely } from 'kysely';
import type { Database, DigestFrequency } from '../../db/database.ts';
import { addDays } from '../../reports/reminders/reminder-dates.ts';
import type { Reminder } from '../../reports/reminders/reminder.schema.ts';
import { listReminders, readableCityIds } from '../../reports/reminders/reminder.service.ts';
import { loadPrincipal } from '../auth/principal.ts';
import { letterHtml, letterText, type LetterItem, type LetterOutline } from './letter-html.ts';
import { sendLetter, type Letter } from './mail-server.ts';
import { WORDS, formatMailDate, mailLanguage, type MailLanguage } from './mail-words.ts';

/** A failed digest is tried again after this long, not every minute. */
export const DIGEST_RETRY_MINUTES = 30;

/** A local calendar date (the server's time zone), `YYYY-MM-DD`. */
function localDate(moment: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

/**
 * The period whose digest is due at `now`: a daily digest's day starts at the hour (server time), a
 * weekly digest's week on Monday at the hour. Before the hour, the previous day's (week's) period.
 */
export function duePeriod(now: Date, hour: number, frequency: DigestFrequency): string {
  const due = new Date(now);
  due.setHours(hour, 0, 0, 0);
  if (due > now) due.setDate(due.getDate() - 1);
  if (frequency === 'weekly') due.setDate(due.getDate() - ((due.getDay() + 6) % 7));
  return localDate(due);
}

/** Where a record's page is, for the links in letters. */
function recordUrl(siteUrl: string | null, path: string): string | null {
  return siteUrl === null ? null : `${siteUrl}${path}`;
}

function reminderPath(reminder: Reminder): string {
  const agreement = reminder.records.find((record) => record.type === 'agreement');
  if (agreement) return `/agreements/${agreement.id}`;
  return `/cities/${reminder.partnerCityId ?? reminder.cityId}`;
}

function partnerName(reminder: Reminder, language: MailLanguage): string {
  const partner = reminder.params.partner;
  if (!partner) return '';
  if (language === 'en') return partner.nameEn;
  if (language === 'be') return partner.nameBe ?? partner.nameRu ?? partner.nameEn;
  return partner.nameRu ?? partner.nameEn;
}

/** A reminder's line in the letter's language: Russian as the registry words it, the others here. */
function reminderLine(reminder: Reminder, language: MailLanguage): { text: string; detail: string | null } {
  if (language === 'ru') return { text: reminder.title, detail: reminder.detail };
  const words = WORDS[language].reminder;
  const city = partnerName(reminder, language);
  const title = reminder.params.recordTitle ?? '';
  const date = formatMailDate(reminder.date, language);
  const years = reminder.years ?? 0;
  switch (reminder.kind) {
    case 'city_day':
      return { text: words.cityDay(city), detail: date };
    case 'jubilee':
      return { text: words.jubilee(city, years), detail: date };
    case 'twinning_anniversary':
      return { text: words.anniversary(city, years), detail: date };
    case 'agreement_ending':
      return {
        text: reminder.overdue ? words.agreementEnded(title, date) : words.agreementEnding(title, date),
        detail: null,
      };
    case 'plan_item_due':
      return {
        text: reminder.overdue ? words.planLate(title, date) : words.planDue(title, date),
        detail: null,
      };
    case 'partnership_quiet':
      return { text: words.quiet(city), detail: null };
    default:
      // A kind this letter does not know yet is still listed, in the registry's Russian.
      return { text: reminder.title, detail: reminder.detail };
  }
}

export interface DigestContent {
  letter: Letter;
  items: number;
}

/**
 * A user's digest for a period: the open plan items assigned to them that are late or due in the
 * period, their reminders that are overdue, agreements needing action, and the occasions of the
 * period; null when the user is gone or disabled. `items` 0: nothing to tell.
 */
export async function buildDigest(
  db: Kysely<Database>,
  userId: number,
  frequency: DigestFrequency,
  periodStart: string,
): Promise<DigestContent | null> {
  const user = await db
    .selectFrom('app_user')
    .select(['email', 'locale', 'disabled'])
    .where('id', '=', userId)
    .executeTakeFirst();
  const principal = await loadPrincipal(db, userId);
  if (!user || user.disabled || !principal) return null;
  const { site_url: siteUrl } = await db
    .selectFrom('mail_server')
    .select('site_url')
    .executeTakeFirstOrThrow();
  const language = mailLanguage(user.locale);
  const words = WORDS[language];
  const days = frequency === 'daily' ? 1 : 7;
  const end = addDays(periodStart, days);

  const assigned = await db
    .selectFrom('plan_item')
    .innerJoin('agreement', 'agreement.id', 'plan_item.agreement_id')
    .select([
      'plan_item.id',
      'plan_item.title',
      'plan_item.due_on',
      'plan_item.agreement_id',
      'agreement.title as agreement',
    ])
    .where('plan_item.assignee_user_id', '=', userId)
    .where('plan_item.status', 'in', ['planned', 'in_progress'])
    .where((eb) => eb.or([eb('plan_item.due_on', 'is', null), eb('plan_item.due_on', '<', end)]))
    .orderBy(sql`coalesce(plan_item.due_on, '9999-12-31'::date)`)
    .orderBy('plan_item.id')
    .execute();
  const assignedIds = new Set(assigned.map((item) => item.id));

  const cityIds = await readableCityIds(db, principal);
  const reminders =
    cityIds.length === 0
      ? []
      : (await listReminders(db, principal, { cityIds, from: periodStart, days })).items;
  const seen = new Set<string>();
  const fresh = reminders.filter((reminder) => {
    // A plan item assigned to the user is listed once, under «assigned to you»; a reminder for two
    // home cities of the user once.
    const planItem = reminder.records.find((record) => record.type === 'plan_item');
    if (planItem && assignedIds.has(planItem.id)) return false;
    const key = `${reminder.kind}:${reminder.date}:${reminder.records.map((r) => `${r.type}${r.id}`).join()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const overdue = fresh.filter((reminder) => reminder.overdue);
  const agreements = fresh.filter(
    (reminder) =>
      !reminder.overdue &&
      reminder.kind !== 'plan_item_due' &&
      reminder.records.some((record) => record.type === 'agreement'),
  );
  const comingUp = fresh.filter(
    (reminder) => !reminder.overdue && !agreements.includes(reminder) && reminder.date < end,
  );

  const asItem = (reminder: Reminder): LetterItem => ({
    ...reminderLine(reminder, language),
    url: recordUrl(siteUrl, reminderPath(reminder)),
  });
  const sections = [
    {
      heading: words.assignedToYou,
      items: assigned.map((item) => ({
        text: item.title,
        detail: `${words.agreement}: «${item.agreement}». ${words.due}: ${
          item.due_on ? formatMailDate(item.due_on, language) : words.noDue
        }`,
        url: recordUrl(siteUrl, `/agreements/${item.agreement_id}`),
      })),
    },
    { heading: words.overdue, items: overdue.map(asItem) },
    { heading: words.agreements, items: agreements.map(asItem) },
    { heading: words.comingUp, items: comingUp.map(asItem) },
  ].filter((section) => section.items.length > 0);

  const first = formatMailDate(periodStart, language);
  const outline: LetterOutline = {
    intro:
      frequency === 'daily'
        ? words.dailyIntro(first)
        : words.weeklyIntro(first, formatMailDate(addDays(periodStart, 6), language)),
    sections,
    footer: [{ text: words.changeChoice, url: recordUrl(siteUrl, '/account') }, { text: words.footer }],
  };
  return {
    items: sections.reduce((sum, section) => sum + section.items.length, 0),
    letter: {
      to: user.email,
      subject: frequency === 'daily' ? words.dailySubject(first) : words.weeklySubject(first),
      text: letterText(outline),
      html: letterHtml(outline, language),
    },
  };
}

export type DigestOutcome = 'sent' | 'empty' | 'failed' | 'skipped';

/**
 * Claims, builds and sends one user's digest for a period. The claim is the insert of the period's
 * row (its primary key is the user, frequency and period): of several servers on one database only
 * the one whose insert lands sends; a failed send may be claimed again after DIGEST_RETRY_MINUTES.
 * Answers 'skipped' when someone else has (or had) the period.
 */
export async function sendDigest(
  db: Kysely<Database>,
  userId: number,
  frequency: DigestFrequency,
  periodStart: string,
  now: Date = new Date(),
): Promise<DigestOutcome> {
  const retryBefore = new Date(now.getTime() - DIGEST_RETRY_MINUTES * 60_000);
  const claim = await db
    .insertInto('mail_digest')
    .values({ user_id: userId, frequency, period_start: periodStart, status: 'sending', attempted_at: now })
    .onConflict((conflict) =>
      conflict
        .columns(['user_id', 'frequency', 'period_start'])
        .doUpdateSet({ status: 'sending', attempted_at: now, error: null })
        .where('mail_digest.status', '=', 'failed')
        .where('mail_digest.attempted_at', '<', retryBefore),
    )
    .returning('user_id')
    .executeTakeFirst();
  if (!claim) return 'skipped';
  const mark = (set: {
    status: 'sent' | 'empty' | 'failed';
    items?: number;
    error?: string;
    sent_at?: Date;
  }) =>
    db
      .updateTable('mail_digest')
      .set(set)
      .where('user_id', '=', userId)
      .where('frequency', '=', frequency)
      .where('period_start', '=', periodStart)
      .execute();
  try {
    const digest = await buildDigest(db, userId, frequency, periodStart);
    if (!digest || digest.items === 0) {
      await mark({ status: 'empty', items: 0 });
      return 'empty';
    }
    await sendLetter(db, digest.letter);
    await mark({ status: 'sent', items: digest.items, sent_at: new Date() });
    return 'sent';
  } catch (error) {
    await mark({ status: 'failed', error: (error as Error).message.slice(0, 2000) });
    return 'failed';
  }
}

/**
 * Sends every digest due at `now` (the scheduler's tick; tests call it with their own clock). Nothing
 * happens when no SMTP server is set. Answers how each went.
 */
export async function sendDueDigests(
  db: Kysely<Database>,
  now: Date = new Date(),
): Promise<Record<DigestOutcome, number>> {
  const outcome: Record<DigestOutcome, number> = { sent: 0, empty: 0, failed: 0, skipped: 0 };
  const server = await db.selectFrom('mail_server').select(['host', 'digest_hour']).executeTakeFirstOrThrow();
  if (server.host === null) return outcome;
  const subscribers = await db
    .selectFrom('user_mail')
    .innerJoin('app_user', 'app_user.id', 'user_mail.user_id')
    .select(['user_mail.user_id', 'user_mail.digest'])
    .where('user_mail.digest', '!=', 'none')
    .where('app_user.disabled', '=', false)
    .orderBy('user_mail.user_id')
    .execute();
  for (const subscriber of subscribers) {
    const frequency = subscriber.digest as DigestFrequency;
    const period = duePeriod(now, server.digest_hour, frequency);
    outcome[await sendDigest(db, subscriber.user_id, frequency, period, now)] += 1;
  }
  return outcome;
}

/**
 * Checks every minute for digests due and sends them (the server runs this, as the backup
 * schedule). A failure is logged and tried again later; it never stops the scheduler.
 */
export function startDigestScheduler(db: Kysely<Database>, log: (message: string) => void): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const outcome = await sendDueDigests(db);
      if (outcome.sent > 0) log(`mail: ${outcome.sent} digest(s) sent`);
      if (outcome.failed > 0) log(`mail: ${outcome.failed} digest(s) could not be sent; tried again later`);
    } catch (error) {
      log(`mail: the digests could not be sent: ${(error as Error).message}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), 60_000);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
