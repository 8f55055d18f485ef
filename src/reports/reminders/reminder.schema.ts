import { z } from 'zod';
import { isoDateSchema, queryIdSchema, recordIdSchema } from '../../modules/audit/fields.schema.ts';
import { twinningTierSchema } from '../../modules/twinnings/twinning.schema.ts';
import { addDays } from './reminder-dates.ts';
import { AGREEMENT_NOTICE_DAYS } from './reminder-rules.ts';

/** What a reminder is about. */
export const reminderKindSchema = z.enum([
  'city_day',
  'jubilee',
  'twinning_anniversary',
  'agreement_ending',
  'plan_item_due',
  'partnership_quiet',
  'head_birthday',
  'head_took_office',
  'registration_due',
  'annual_list_due',
]);
export type ReminderKind = z.infer<typeof reminderKindSchema>;

/** How pressing it is: an occasion to note, something to act on soon, something already late. */
export const reminderSeveritySchema = z.enum(['info', 'warning', 'overdue']);
export type ReminderSeverity = z.infer<typeof reminderSeveritySchema>;

/** A record a reminder concerns. */
export const reminderRecordSchema = z.object({
  type: z.enum(['city', 'twinning', 'agreement', 'plan_item', 'person']),
  id: recordIdSchema,
});
export type ReminderRecord = z.infer<typeof reminderRecordSchema>;

/** The partner city of a reminder: its names, and the Russian forms the Russian title puts it in. */
export const reminderPartnerSchema = z
  .object({
    id: recordIdSchema,
    nameRu: z.string().nullable(),
    nameBe: z.string().nullable(),
    nameEn: z.string(),
    genitive: z
      .string()
      .describe('in Russian: «Кузнецка»; «города Springfield» when the name does not decline'),
    cityDay: z.string().describe('in Russian: «День города Кузнецка»'),
    withPreposition: z.string().describe('in Russian: «с Кузнецком», «со Смоленском»'),
  })
  .meta({ id: 'ReminderPartner' });
export type ReminderPartner = z.infer<typeof reminderPartnerSchema>;

/**
 * What a client needs to word a reminder in its own language; a field that does not apply to the
 * reminder's kind is null.
 */
export const reminderParamsSchema = z
  .object({
    partner: reminderPartnerSchema
      .nullable()
      .describe('city days, jubilees, anniversaries, quiet partnerships'),
    tier: twinningTierSchema
      .nullable()
      .describe('the twinning’s tier, for anniversaries and quiet partnerships'),
    foundedYear: z.number().int().nullable().describe('the partner’s founding year, for jubilees'),
    establishedOn: isoDateSchema.nullable().describe('the day the twinning was established, when known'),
    establishedYear: z.number().int().nullable().describe('the year it was established, for anniversaries'),
    recordTitle: z.string().nullable().describe('the agreement’s or plan item’s title, as entered'),
    lastActivityOn: isoDateSchema
      .nullable()
      .describe('the last shared visit, event or project of a quiet partnership (null: none at all)'),
    person: z
      .object({
        id: recordIdSchema,
        fullName: z.string(),
        position: z.string(),
        since: isoDateSchema.nullable(),
      })
      .nullable()
      .describe('the partner city’s head, for birthdays and a new head in office'),
    signedOn: isoDateSchema
      .nullable()
      .describe('the day an agreement awaiting registration was signed (its stage «signed»)'),
    workingDays: z
      .number()
      .int()
      .nullable()
      .describe('the working days the installation gives from signing to registration'),
    reportYear: z.number().int().nullable().describe('the year an annual list of agreements covers'),
  })
  .meta({ id: 'ReminderParams' });
export type ReminderParams = z.infer<typeof reminderParamsSchema>;

/**
 * One reminder: what, when, how pressing, in Russian (`title`, `detail`), the records behind it, and
 * the parameters (`params`) a client in another language words it from.
 */
export const reminderSchema = z
  .object({
    kind: reminderKindSchema,
    date: isoDateSchema.describe('the day it falls on (for an overdue item: the day it was due)'),
    title: z.string().describe('in Russian: «245 лет со дня основания Кузнецка»'),
    detail: z.string().nullable().describe('a second line in Russian, or null'),
    severity: reminderSeveritySchema,
    overdue: z.boolean(),
    daysFromStart: z.number().int().describe('days from the window start to the date; negative when overdue'),
    years: z.number().int().nullable().describe('the years a jubilee or anniversary marks'),
    wholeYear: z.boolean().describe('a jubilee known by its year only: dated 1 January, lasts the year'),
    cityId: recordIdSchema.describe('the city the reminder is for (the asker’s side)'),
    partnerCityId: recordIdSchema.nullable(),
    records: z.array(reminderRecordSchema),
    params: reminderParamsSchema,
  })
  .meta({ id: 'Reminder' });
export type Reminder = z.infer<typeof reminderSchema>;

/** How far ahead dated occasions (city days, jubilees, anniversaries) are looked for, by default. */
export const DEFAULT_REMINDER_DAYS = 60;

/** GET /api/reminders query. */
export const reminderQuerySchema = z
  .object({
    cityId: queryIdSchema
      .optional()
      .describe(
        'the city to remind about; omitted: every city the asker may read (administrators: home cities)',
      ),
    from: isoDateSchema.optional().describe('the first day of the window; today (UTC) when omitted'),
    days: z.coerce
      .number()
      .int()
      .min(1)
      .max(3660)
      .default(DEFAULT_REMINDER_DAYS)
      .describe(
        'window length for city days, jubilees and anniversaries; agreements use 90 days, plan items 14',
      ),
  })
  .superRefine((query, context) => {
    // Dates end at 9999-12-31 (ISO 8601's four-digit years): a window past it has no dates to show.
    // Zod runs this refinement even when a field failed its own check: only whole values are added.
    const from = query.from ?? '2000-01-01';
    if (!/^\d{4}-\d\d-\d\d$/.test(from) || !Number.isInteger(query.days) || query.days > 3660) return;
    const lastDay = addDays(from, Math.max(query.days, AGREEMENT_NOTICE_DAYS));
    if (!/^\d{4}-/.test(lastDay)) {
      context.addIssue({
        code: 'custom',
        path: ['from'],
        message: 'is too late: the window would end after 9999',
      });
    }
  });
export type ReminderQuery = z.infer<typeof reminderQuerySchema>;

export const reminderListSchema = z
  .object({ from: isoDateSchema, to: isoDateSchema, items: z.array(reminderSchema) })
  .meta({ id: 'ReminderList' });
export type ReminderList = z.infer<typeof reminderListSchema>;
