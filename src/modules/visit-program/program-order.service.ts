import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { notFound, staleVersion, validationFailed, type FieldProblem } from '../../errors.ts';
import { insertAuditEntry } from '../audit/audit.repository.ts';
import type { Actor } from '../audit/audit.schema.ts';
import { inTransaction, parseInput } from '../audit/audited-write.ts';
import { findProgramItemById, lockProgramOfVisit, updateProgramItemRow } from './program-item.repository.ts';
import type { ProgramItem } from './program-item.schema.ts';
import { programOrderSchema, type ProgramOrder } from './program-order.schema.ts';

/** The problems of an order that does not name exactly the visit's items. */
function completenessProblems(visitId: number, order: ProgramOrder, stored: Map<number, ProgramItem>) {
  const problems: FieldProblem[] = [];
  order.items.forEach((place, index) => {
    if (!stored.has(place.id)) {
      problems.push({ path: `items.${index}.id`, message: `is not an item of visit ${visitId}` });
    }
  });
  const named = new Set(order.items.map((place) => place.id));
  const missing = [...stored.keys()].filter((id) => !named.has(id));
  if (missing.length > 0) {
    problems.push({
      path: 'items',
      message: `leaves out item${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of visit ${visitId}`,
    });
  }
  return problems;
}

/**
 * Puts a visit's program in a new order in one transaction: every item of the visit named once at
 * the version the editor saw, or nothing changes (400 for an order that is not the visit's program,
 * 409 for a stale version). Each moved item gets a new version and an audit entry; the program
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
    const problems = completenessProblems(visitId, order, stored);
    if (problems.length > 0) {
      const summary = problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ');
      throw validationFailed(`Invalid program order: ${summary}`, problems);
    }
    for (const place of order.items) {
      const current = stored.get(place.id)!.version;
      if (current !== place.version) throw staleVersion('Program item', place.id, current);
    }
    for (const place of order.items) {
      const before = stored.get(place.id)!;
      if (before.day === place.day && before.position === place.position) continue;
      // The rows are locked, so the version cannot have moved since the check above.
      await updateProgramItemRow(trx, place.id, {
        version: place.version,
        day: place.day,
        position: place.position,
      });
      const after = await findProgramItemById(trx, place.id);
      await insertAuditEntry(trx, {
        actor,
        action: 'update',
        recordType: 'visit_program_item',
        recordId: place.id,
        before,
        after,
      });
    }
    return (await lockProgramOfVisit(trx, visitId)) ?? [];
  });
}
