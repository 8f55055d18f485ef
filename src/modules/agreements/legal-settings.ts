import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { staleVersion } from '../../errors.ts';
import { inTransaction, parseInput } from '../audit/audited-write.ts';
import { versionSchema } from '../audit/fields.schema.ts';

/** The installation's legal deadlines. */
export const legalSettingsSchema = z
  .object({
    registrationWorkingDays: z
      .number()
      .int()
      .min(1)
      .max(250)
      .describe('working days (Russian production calendar) from signing to the registration deadline'),
    annualListDue: z
      .string()
      .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'must be a day of the year, MM-DD' })
      .describe('the day the annual list of agreements is due to the region, MM-DD'),
    version: versionSchema,
  })
  .meta({ id: 'LegalSettings' });
export type LegalSettings = z.infer<typeof legalSettingsSchema>;

/** The settings as stored (the migration writes the row with its defaults: 10 working days, 15 January). */
export async function readLegalSettings(db: Kysely<Database>): Promise<LegalSettings> {
  const row = await db.selectFrom('legal_settings').selectAll().executeTakeFirstOrThrow();
  return {
    registrationWorkingDays: row.registration_working_days,
    annualListDue: row.annual_list_due,
    version: row.version,
  };
}

/** Changes the settings if the administrator saw the current version (installation settings, like the backup schedule's, are not records of the audit trail). */
export async function updateLegalSettings(db: Kysely<Database>, input: unknown): Promise<LegalSettings> {
  const change = parseInput(legalSettingsSchema, input);
  return inTransaction(db, async (trx) => {
    const before = await readLegalSettings(trx);
    const result = await trx
      .updateTable('legal_settings')
      .set({
        registration_working_days: change.registrationWorkingDays,
        annual_list_due: change.annualListDue,
        version: before.version + 1,
      })
      .where('version', '=', change.version)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw staleVersion('Legal settings', 1, before.version);
    return readLegalSettings(trx);
  });
}
