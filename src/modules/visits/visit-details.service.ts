import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import { agreementSchema } from '../agreements/agreement.schema.ts';
import { parseInput } from '../audit/audited-write.ts';
import { recordIdSchema } from '../audit/fields.schema.ts';
import type { ReadFilter, Scope } from '../auth/policy.ts';
import { readableRows } from '../auth/record-scope.ts';
import { recordSourceSchema } from '../documents/document.schema.ts';
import { listSourcesOfRecord } from '../documents/record-source.repository.ts';
import { eventSchema, type Event } from '../events/event.schema.ts';
import { programItemSchema } from '../visit-program/program-item.schema.ts';
import {
  findVisitWithDelegation,
  selectAgreementsSignedAt,
  selectEventsOfVisit,
  selectProgramOfVisit,
} from './visit-details.repository.ts';
import { visitSchema, type Visit } from './visit.schema.ts';

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
 * Who reads a visit's details: `authorizeRead` judges the visit's scope, `filter` says which of the
 * records that name the visit they may read, and the public (`signedIn` false) sees no people and no
 * sources, which need an account.
 */
export interface DetailsReader {
  authorizeRead(scope: Scope): void;
  filter: ReadFilter;
  signedIn: boolean;
}

/**
 * The visit with this id and its related records; `not_found` when there is none. The visit owns its
 * delegation and program: they show with it. An agreement signed at it or an event held during it
 * is the other record's link, shown only to a reader who may read that record. The reader's
 * `authorizeRead` judges the visit (its two cities, published when one of them publishes) before
 * anything related is read, so a refused request costs one statement. Without a reader: everything.
 */
export async function getVisitDetails(
  db: Kysely<Database>,
  id: number,
  reader?: DetailsReader,
): Promise<VisitDetails> {
  const visitId = parseInput(recordIdSchema, id);
  const found = await findVisitWithDelegation(db, visitId);
  if (!found) throw notFound('Visit', visitId);
  const { visit, delegation, published } = found;
  reader?.authorizeRead({
    cityIds: [...new Set([visit.fromCityId, visit.toCityId])],
    organizationIds: [],
    published,
  });
  const restrict = (kind: 'agreement' | 'event') => (reader ? readableRows(kind, reader.filter) : undefined);
  const [program, agreementsSigned, events, sources] = await Promise.all([
    selectProgramOfVisit(db, visitId),
    selectAgreementsSignedAt(db, visitId, restrict('agreement')),
    selectEventsOfVisit(db, visitId, restrict('event')),
    listSourcesOfRecord(db, 'visit', visitId),
  ]);
  const details = { ...visit, delegation, program, agreementsSigned, events, sources };
  return reader && !reader.signedIn ? visitDetailsForPublic(details) : details;
}

/** A visit as the public sees it: without the people of its delegation, by name or by id. */
export function visitForPublic<V extends Visit>(visit: V): V {
  return { ...visit, headPersonId: null, members: [] };
}

/** An event as the public sees it: without the people who took part. */
export function eventForPublic<E extends Event>(event: E): E {
  return {
    ...event,
    participants: event.participants.filter((participant) => participant.personId === null),
  };
}

function visitDetailsForPublic(details: VisitDetails): VisitDetails {
  return {
    ...visitForPublic(details),
    delegation: [],
    events: details.events.map(eventForPublic),
    sources: [],
  };
}
