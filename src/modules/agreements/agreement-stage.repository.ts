import type { Kysely } from 'kysely';
import type { AgreementStageTable, Database } from '../../db/database.ts';
import type { Selectable } from 'kysely';
import { isoTimestamp } from '../audit/audit.repository.ts';
import { findAgreementById } from './agreement.repository.ts';
import type {
  AgreementStageEntry,
  AgreementStageMove,
  AgreementWithStages,
} from './agreement-stage.schema.ts';

type StageRow = Selectable<AgreementStageTable>;

export function toStageEntry(row: StageRow): AgreementStageEntry {
  return {
    id: row.id,
    agreementId: row.agreement_id,
    stage: row.stage,
    enteredOn: row.entered_on,
    approver: row.approver,
    registrationNumber: row.registration_number,
    registrationBody: row.registration_body,
    endReason: row.end_reason,
    note: row.note,
    createdBy: row.created_by,
    createdAt: isoTimestamp(row.created_at),
  };
}

/** The stages of these agreements, each agreement's oldest first. */
export async function selectStages(
  db: Kysely<Database>,
  agreementIds: number[],
): Promise<AgreementStageEntry[]> {
  if (agreementIds.length === 0) return [];
  const rows = await db
    .selectFrom('agreement_stage')
    .selectAll()
    .where('agreement_id', 'in', agreementIds)
    .orderBy('agreement_id')
    .orderBy('entered_on')
    .orderBy('id')
    .execute();
  return rows.map(toStageEntry);
}

/** The agreement with its legal path, if any. */
export async function findAgreementWithStages(
  db: Kysely<Database>,
  id: number,
): Promise<AgreementWithStages | undefined> {
  const agreement = await findAgreementById(db, id);
  return agreement && { ...agreement, stages: await selectStages(db, [id]) };
}

/** Stores the stage row of a move. */
export async function insertStage(
  db: Kysely<Database>,
  agreementId: number,
  move: AgreementStageMove,
  createdBy: number | null,
): Promise<void> {
  await db
    .insertInto('agreement_stage')
    .values({
      agreement_id: agreementId,
      stage: move.stage,
      entered_on: move.enteredOn,
      approver: move.approver ?? null,
      registration_number: move.registrationNumber ?? null,
      registration_body: move.registrationBody ?? null,
      end_reason: move.endReason ?? null,
      note: move.note ?? null,
      created_by: createdBy,
    })
    .execute();
}
