import type { Kysely } from 'kysely';
import type { AgreementStatus, Database } from '../../db/database.ts';
import { validationFailed } from '../../errors.ts';
import type { Actor } from '../audit/audit.schema.ts';
import { updateAudited, type AuditedRecord } from '../audit/audited-record.ts';
import { parseInput } from '../audit/audited-write.ts';
import { updateRowIfVersion } from '../audit/versioned-row.ts';
import { findAgreementWithStages, insertStage, selectStages } from './agreement-stage.repository.ts';
import {
  agreementStageMoveSchema,
  stageOrder,
  type AgreementStageMove,
  type AgreementWithStages,
} from './agreement-stage.schema.ts';

// The audit entry of a move keeps the agreement with its whole path before and after: the new
// stage's row (date, number, body, reason) shows as what was added.
const AGREEMENT_PATH: AuditedRecord<AgreementWithStages> = {
  what: 'Agreement',
  recordType: 'agreement',
  findById: findAgreementWithStages,
};

/**
 * The agreement's status after a move: not in force before its stage «in force» (drafting and
 * approval make it a draft), in force from then, expired or terminated by the reason it ended.
 * Signing, submitting and registering leave the status as it was: an office that keeps no
 * registration (Belarus) records an agreement in force from signing.
 */
function statusAfter(move: AgreementStageMove): AgreementStatus | undefined {
  switch (move.stage) {
    case 'draft':
    case 'in_approval':
      return 'draft';
    case 'in_force':
      return 'in_force';
    case 'ended':
      return move.endReason === 'expired' ? 'expired' : 'terminated';
    default:
      return undefined;
  }
}

/**
 * Moves an agreement to a later stage of its legal path (stages may be skipped; «ended» follows any
 * stage but itself), dated no earlier than the stage before, in one transaction with the agreement's
 * version check, audited. Signing sets the signing day when none was stored.
 */
export async function moveAgreementStage(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  input: unknown,
): Promise<AgreementWithStages> {
  const move = parseInput(agreementStageMoveSchema, input);
  return updateAudited(db, actor, AGREEMENT_PATH, id, move, async (trx) => {
    const stages = await selectStages(trx, [id]);
    const last = stages.at(-1);
    if (last) {
      if (last.stage === 'ended') {
        throw validationFailed('The agreement has ended: its path has no further stage.', [
          { path: 'stage', message: 'no stage follows «ended»' },
        ]);
      }
      if (stageOrder(move.stage) <= stageOrder(last.stage)) {
        throw validationFailed(
          `Invalid input: stage: the agreement is already at «${last.stage}»; choose a later stage.`,
          [{ path: 'stage', message: `must come after «${last.stage}»` }],
        );
      }
      if (move.enteredOn < last.enteredOn) {
        throw validationFailed(
          `Invalid input: enteredOn: must not be before ${last.enteredOn}, the day of the stage «${last.stage}».`,
          [{ path: 'enteredOn', message: `must not be before ${last.enteredOn}` }],
        );
      }
    }
    const status = statusAfter(move);
    const current = await trx
      .selectFrom('agreement')
      .select('signed_on')
      .where('id', '=', id)
      .executeTakeFirst();
    const updated = await updateRowIfVersion(trx, 'agreement', id, move.version, {
      stage: move.stage,
      ...(status && { status }),
      ...(move.stage === 'signed' && current && current.signed_on === null && { signed_on: move.enteredOn }),
    });
    if (!updated) return false;
    await insertStage(trx, id, move, actor.userId);
    return true;
  });
}

/** The agreement's legal path, oldest stage first. */
export { findAgreementWithStages };
