import { z } from 'zod';
import type { AgreementEndReason } from '../../db/database.ts';
import { isoDateSchema, optionalTextSchema, recordIdSchema, versionSchema } from '../audit/fields.schema.ts';
import { agreementSchema, agreementStageSchema, AGREEMENT_STAGES } from './agreement.schema.ts';

/** Why an agreement ended: its term ran out, a party terminated it, another replaced it. */
export const agreementEndReasonSchema = z.enum([
  'expired',
  'terminated',
  'replaced',
] as const satisfies readonly AgreementEndReason[]);

const shortText = z.string().trim().min(1).max(500);

/** One stage an agreement entered: when, and what that stage needs. */
export const agreementStageEntrySchema = z
  .object({
    id: recordIdSchema,
    agreementId: recordIdSchema,
    stage: agreementStageSchema,
    enteredOn: isoDateSchema.describe(
      'the day the agreement entered the stage (for «registered»: the registration date)',
    ),
    approver: z.string().nullable().describe('in approval: with whom'),
    registrationNumber: z.string().nullable(),
    registrationBody: z.string().nullable(),
    endReason: agreementEndReasonSchema.nullable(),
    note: z.string().nullable(),
    createdBy: z.number().int().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'AgreementStageEntry' });
export type AgreementStageEntry = z.infer<typeof agreementStageEntrySchema>;

/** An agreement with its legal path, oldest stage first. */
export const agreementWithStagesSchema = agreementSchema.extend({
  stages: z.array(agreementStageEntrySchema),
});
export type AgreementWithStages = z.infer<typeof agreementWithStagesSchema>;

/**
 * A move to a stage: dated, with the stage's own fields (with whom it is being approved; the
 * registration's number and body; why it ended), and the agreement's version the editor saw.
 */
export const agreementStageMoveSchema = z
  .object({
    stage: agreementStageSchema,
    enteredOn: isoDateSchema,
    approver: shortText.nullish(),
    registrationNumber: shortText.nullish(),
    registrationBody: shortText.nullish(),
    endReason: agreementEndReasonSchema.nullish(),
    note: optionalTextSchema.optional(),
    version: versionSchema,
  })
  .superRefine((move, context) => {
    const problem = (path: string, message: string) =>
      context.addIssue({ code: 'custom', path: [path], message });
    if (move.stage === 'registered') {
      if (!move.registrationNumber) problem('registrationNumber', 'is required to register an agreement');
      if (!move.registrationBody)
        problem('registrationBody', 'is required to register an agreement (who registered it)');
    } else {
      if (move.registrationNumber) problem('registrationNumber', 'belongs to the stage «registered» only');
      if (move.registrationBody) problem('registrationBody', 'belongs to the stage «registered» only');
    }
    if (move.stage === 'ended' && !move.endReason) problem('endReason', 'is required to end an agreement');
    if (move.stage !== 'ended' && move.endReason) problem('endReason', 'belongs to the stage «ended» only');
    if (move.stage !== 'in_approval' && move.approver)
      problem('approver', 'belongs to the stage «in_approval» only');
  });
export type AgreementStageMove = z.infer<typeof agreementStageMoveSchema>;

/** Where a stage stands on the path: later stages have larger numbers. */
export const stageOrder = (stage: (typeof AGREEMENT_STAGES)[number]) => AGREEMENT_STAGES.indexOf(stage);
