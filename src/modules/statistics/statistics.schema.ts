import { z } from 'zod';
import { queryIdSchema, recordIdSchema } from '../audit/fields.schema.ts';

/** GET /api/statistics query: the city whose visits and agreements are counted. */
export const statisticsQuerySchema = z.object({
  cityId: queryIdSchema.describe('the city whose visits (in and out) and agreements are counted'),
});

/** One year's counts for a city. */
export const yearCountsSchema = z.object({
  year: z.number().int(),
  visitsIn: z.number().int().describe('visits to the city that started this year (cancelled ones left out)'),
  visitsOut: z
    .number()
    .int()
    .describe('visits from the city that started this year (cancelled ones left out)'),
  agreements: z
    .number()
    .int()
    .describe(
      'agreements with the city or its institutions as a party, by the year signed (or taking effect)',
    ),
});
export type YearCounts = z.infer<typeof yearCountsSchema>;

export const statisticsSchema = z
  .object({ cityId: recordIdSchema, years: z.array(yearCountsSchema) })
  .meta({ id: 'CityStatistics' });
export type CityStatistics = z.infer<typeof statisticsSchema>;

/** GET /api/network query. */
export const networkQuerySchema = z.object({
  cityId: queryIdSchema
    .optional()
    .describe("only this city's twinnings; omitted: every twinning the asker may read"),
  language: z.enum(['ru', 'be', 'en']).default('ru').describe('the language of the city names'),
});
export type NetworkQuery = z.infer<typeof networkQuerySchema>;

/**
 * The twin network compactly: each city once (parallel arrays), each twinning as two indexes into
 * them. 26,000 twinnings as objects with names would be several megabytes; this is a fraction.
 */
export const networkSchema = z
  .object({
    cityIds: z.array(z.number().int()),
    names: z.array(z.string()).describe('in the asked language, Russian or English where it has none'),
    countries: z.array(z.string()).describe('ISO 3166-1 alpha-2'),
    coordinates: z
      .array(z.number())
      .describe('longitude, latitude of each city in turn (degrees, 3 decimals): 2 numbers a city'),
    pairs: z
      .array(z.number().int())
      .describe('the two cities of each twinning in turn, as indexes: 2 numbers a pair'),
    tiers: z.array(z.enum(['twin', 'partner', 'friendship'])).describe('the tier of each pair, in order'),
    withoutCoordinates: z
      .number()
      .int()
      .describe('readable twinnings left out because a city of theirs has no coordinates'),
  })
  .meta({ id: 'TwinNetwork' });
export type Network = z.infer<typeof networkSchema>;

/** The kinds of record the activity feed tells of. */
export const ACTIVITY_RECORD_TYPES = [
  'visit',
  'agreement',
  'plan_item',
  'event',
  'organization',
  'project',
] as const;
export type ActivityRecordType = (typeof ACTIVITY_RECORD_TYPES)[number];

/** GET /api/activity query. */
export const activityQuerySchema = z.object({
  cityId: queryIdSchema.describe('the city whose records’ changes are listed'),
  limit: z.coerce.number().int().min(1).max(100).default(15),
  language: z.enum(['ru', 'be', 'en']).default('ru').describe('the language of the city names in labels'),
});

/** One change of a record concerning the city: what, who, when, and a label to show. */
export const activityEntrySchema = z.object({
  id: z.number().int().describe('the audit entry'),
  at: z.iso.datetime(),
  action: z.enum(['create', 'update', 'delete']),
  recordType: z.enum(ACTIVITY_RECORD_TYPES),
  recordId: z.number().int(),
  label: z.string().describe('the record as it is now: a title, a name, «Барановичи → Кутно» for a visit'),
  date: z.string().nullable().describe('the record’s own date when it has one (a visit’s start, a due date)'),
  userName: z.string().nullable().describe('who changed it; null for the system (imports from the shell)'),
});
export type ActivityEntry = z.infer<typeof activityEntrySchema>;

export const activitySchema = z.object({ items: z.array(activityEntrySchema) }).meta({ id: 'CityActivity' });
