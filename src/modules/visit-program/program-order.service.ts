import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { conflict, notFound, staleVersion, validationFailed, type FieldProblem } from '../../errors.ts';
import type { Actor } from '../audit/audit.schema.ts';
import { updateAudited } from '../audit/audited-record.ts';
import { inTransaction, parseInput } from '../audit/audited-write.ts';
import {
  lockProgramOfVisit,
  programOfVisitQuery,
  toProgramItem,
  updateProgramItemRow,
} from './program-item.repository.ts';
import { PROGRAM_ITEM } from './program-item.service.ts';
import type { ProgramItem } from './program-item.schema.ts';
import { programOrderSchema, type ProgramOrder } from './program-order.schema.ts';

/**
 * Checks that an order names exactly the visit's items. An item of another visit is bad input (400,
 * with its path); an item deleted, or one added, since the editor read the program is a conflict
 * (409): the program changed under them, and reading it again is the way on.
 */
async function checkCompleteness(
  db: Kysely<Database>,
  visitId: number,
  order: ProgramOrder,
  stored: Map<number, ProgramItem>,
): Promise<void> {
  const unknown = order.items.map((place) => place.id).filter((id) => !stored.has(id));
  const elsewhere = new Set(
    unknown.length === 0
      ? []
      : (await db.selectFrom('visit_program_item').select('id').where('id', 'in', unknown).execute()).map(
          (row) => row.id,
        ),
  );
  const problems: FieldProblem[] = [];
  order.items.forEach((place, index) => {
    if (elsewhere.has(place.id)) {
      problems.push({ path: `items.${index}.id`, message: `is not an item of visit ${visitId}` });
    }
  });
  if (problems.length > 0) {
    const summary = problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ');
    throw validationFailed(`Invalid program order: ${summary}`, problems);
  }
  const gone = unknown.filter((id) => !elsewhere.has(id));
  const named = new Set(order.items.map((place) => place.id));
  const added = [...stored.keys()].filter((id) => !named.has(id));
  if (gone.length > 0 || added.length > 0) {
    const changes = [
      ...(gone.length > 0 ? [`item${gone.length > 1 ? 's' : ''} ${gone.join(', ')} no longer exist`] : []),
      ...(added.length > 0
        ? [`it has item${added.length > 1 ? 's' : ''} ${added.join(', ')}, which the order leaves out`]
        : []),
    ];
    throw conflict(
      `The program of visit ${visitId} changed since it was read (${changes.join('; ')}): read it again.`,
    );
  }
}

/**
 * Puts a visit's program in a new order in one transaction: every item of the visit named once at
 * the version the editor saw, or nothing changes (400 for an item of another visit, 409 for a stale
 * version or an item added or deleted meanwhile). Each moved item gets a new version and an audit entry; the program
 * after the move is returned in its order.
 */
export async function reorderProgram(
  db: Kysely<Database>,
  actor: Actor,
  visitId: number,
  input: unknown,
): Promise<ProgramItem[]> {
  const order = parseInput(programOrderSchema, input);
  return inTransaction(db, async (trx) => {
    const program = await lockProgramOfVisit(trx, visitId);
    if (!program) throw notFound('Visit', visitId);
    const stored = new Map(program.map((item) => [item.id, item]));
    await checkCompleteness(trx, visitId, order, stored);
    for (const place of order.items) {
      const current = stored.get(place.id)!.version;
      if (current !== place.version) throw staleVersion('Program item', place.id, current);
    }
    for (const place of order.items) {
      const before = stored.get(place.id)!;
      if (before.day === place.day && before.position === place.position) continue;
      const { version, day, position } = place;
      await updateAudited(
        trx,
        actor,
        PROGRAM_ITEM,
        place.id,
        { version, day, position },
        updateProgramItemRow,
      );
    }
    // The visit and its items stay locked until the transaction ends: the program as it now is.
    return (await programOfVisitQuery(trx, visitId).execute()).map(toProgramItem);
  });
}
