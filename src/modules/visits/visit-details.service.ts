import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import { agreementSchema } from '../agreements/agreement.schema.ts';
import { parseInput } from '../audit/audited-write.ts';
import { recordIdSchema } from '../audit/fields.schema.ts';
import type { Scope } from '../auth/policy.ts';
import { recordSourceSchema } from '../documents/document.schema.ts';
import { listSourcesOfRecord } from '../documents/record-source.repository.ts';
import { eventSchema } from '../events/event.schema.ts';
import { programItemSchema } from '../visit-program/program-item.schema.ts';
import {
  findVisitWithDelegation,
  selectAgreementsSignedAt,
  selectEventsOfVisit,
  selectProgramOfVisit,
} from './visit-details.repository.ts';
import { visitSchema } from './visit.schema.ts';

/**
 * A visit with what hangs on it: its delegation by name, its program, the agreements signed there, its
 * events, and the documents it came from.
 */
export const visitDetailsSchema = visitSchema.extend({
  delegation: z.array(
    z.object({ personId: z.number().int(), fullName: z.string(), role: z.string().nullable() }),
  ),
  program: z.array(programItemSchema),
  agreementsSigned: z.array(agreementSchema),
  events: z.array(eventSchema),
  sources: z.array(recordSourceSchema),
});
export type VisitDetails = z.infer<typeof visitDetailsSchema>;

/**
 * The visit with this id and its related records; `not_found` when there is none. `authorizeRead`,
 * when given, judges the visit's scope (its two cities, published when one of them publishes) before
 * anything related is read, so a refused request costs one statement.
 */
export async function getVisitDetails(
  db: Kysely<Database>,
  id: number,
  authorizeRead?: (scope: Scope) => void,
): Promise<VisitDetails> {
  const visitId = parseInput(recordIdSchema, id);
  const found = await findVisitWithDelegation(db, visitId);
  if (!found) throw notFound('Visit', visitId);
  const { visit, delegation, published } = found;
  authorizeRead?.({
    cityIds: [...new Set([visit.fromCityId, visit.toCityId])],
    organizationIds: [],
    published,
  });
  const [program, agreementsSigned, events, sources] = await Promise.all([
    selectProgramOfVisit(db, visitId),
    selectAgreementsSignedAt(db, visitId),
    selectEventsOfVisit(db, visitId),
    listSourcesOfRecord(db, 'visit', visitId),
  ]);
  return { ...visit, delegation, program, agreementsSigned, events, sources };
}
