import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { VisitMember } from './visit.schema.ts';

/** The delegation of each visit, in a stable order. */
export async function selectMembers(
  db: Kysely<Database>,
  visitIds: number[],
): Promise<Map<number, VisitMember[]>> {
  const byVisit = new Map<number, VisitMember[]>();
  if (visitIds.length === 0) return byVisit;
  const rows = await db
    .selectFrom('visit_member')
    .selectAll()
    .where('visit_id', 'in', visitIds)
    .orderBy('person_id')
    .execute();
  for (const row of rows) {
    byVisit.set(row.visit_id, [
      ...(byVisit.get(row.visit_id) ?? []),
      { personId: row.person_id, role: row.role },
    ]);
  }
  return byVisit;
}

/** Replaces the delegation of a visit. */
export async function replaceVisitMembers(db: Kysely<Database>, visitId: number, members: VisitMember[]) {
  await db.deleteFrom('visit_member').where('visit_id', '=', visitId).execute();
  if (members.length === 0) return;
  await db
    .insertInto('visit_member')
    .values(members.map((member) => ({ visit_id: visitId, person_id: member.personId, role: member.role })))
    .execute();
}
