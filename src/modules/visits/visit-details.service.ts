import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { agreementSchema } from '../agreements/agreement.schema.ts';
import { listAgreements } from '../agreements/agreement.service.ts';
import { parseInput } from '../audit/audited-write.ts';
import { recordIdSchema } from '../audit/fields.schema.ts';
import { recordSourceSchema } from '../documents/document.schema.ts';
import { listSourcesOfRecord } from '../documents/record-source.repository.ts';
import { eventSchema } from '../events/event.schema.ts';
import { listEvents } from '../events/event.service.ts';
import { findVisitByIdOrThrow } from './visit.repository.ts';
import { visitSchema } from './visit.schema.ts';

/** A visit with what hangs on it: the agreements signed there, its events, and the documents it came from. */
export const visitDetailsSchema = visitSchema.extend({
  agreementsSigned: z.array(agreementSchema),
  events: z.array(eventSchema),
  sources: z.array(recordSourceSchema),
});
export type VisitDetails = z.infer<typeof visitDetailsSchema>;

// A visit has a handful of agreements and events; one page of the lists' largest size holds them all.
const ALL = { limit: 500 };

/** The visit with this id and its related records; `not_found` when there is none. */
export async function getVisitDetails(db: Kysely<Database>, id: number): Promise<VisitDetails> {
  const visitId = parseInput(recordIdSchema, id);
  const visit = await findVisitByIdOrThrow(db, visitId);
  const [agreements, events, sources] = await Promise.all([
    listAgreements(db, { ...ALL, visitId }),
    listEvents(db, { ...ALL, visitId }),
    listSourcesOfRecord(db, 'visit', visitId),
  ]);
  return { ...visit, agreementsSigned: agreements.items, events: events.items, sources };
}
