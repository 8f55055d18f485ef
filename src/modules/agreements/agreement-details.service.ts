import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { parseInput } from '../audit/audited-write.ts';
import { recordIdSchema } from '../audit/fields.schema.ts';
import { recordSourceSchema } from '../documents/document.schema.ts';
import { listSourcesOfRecord } from '../documents/record-source.repository.ts';
import { planItemSchema } from '../plans/plan-item.schema.ts';
import { listPlanItems } from '../plans/plan-item.service.ts';
import { findAgreementByIdOrThrow } from './agreement.repository.ts';
import { agreementSchema } from './agreement.schema.ts';
import { selectStages } from './agreement-stage.repository.ts';
import { agreementStageEntrySchema } from './agreement-stage.schema.ts';

/** An agreement with its plan of joint activities, the documents it came from and its legal path. */
export const agreementDetailsSchema = agreementSchema.extend({
  planItems: z.array(planItemSchema),
  sources: z.array(recordSourceSchema),
  stages: z.array(agreementStageEntrySchema).describe('its legal path, oldest stage first'),
});
export type AgreementDetails = z.infer<typeof agreementDetailsSchema>;

/** The agreement with this id, its plan items (nearest deadline first) and sources; `not_found` when absent. */
export async function getAgreementDetails(db: Kysely<Database>, id: number): Promise<AgreementDetails> {
  const agreementId = parseInput(recordIdSchema, id);
  const agreement = await findAgreementByIdOrThrow(db, agreementId);
  const planItems = [];
  let cursor: string | null = null;
  // A plan may run past one page; its items are read to the end.
  do {
    const page = await listPlanItems(
      db,
      cursor ? { agreementId, limit: 500, cursor } : { agreementId, limit: 500 },
    );
    planItems.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  const sources = await listSourcesOfRecord(db, 'agreement', agreementId);
  const stages = await selectStages(db, [agreementId]);
  return { ...agreement, planItems, sources, stages };
}
