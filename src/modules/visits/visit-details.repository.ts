import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Database } from '../../db/database.ts';
import { withChildren } from '../audit/record-readers.ts';
import { toAgreement } from '../agreements/agreement.repository.ts';
import type { Agreement } from '../agreements/agreement.schema.ts';
import { selectParties } from '../agreements/party.repository.ts';
import { selectParticipants } from '../events/event-participant.repository.ts';
import { toEvent } from '../events/event.repository.ts';
import type { Event } from '../events/event.schema.ts';
import { programOfVisitQuery, toProgramItem } from '../visit-program/program-item.repository.ts';
import type { ProgramItem } from '../visit-program/program-item.schema.ts';
import { toVisit } from './visit.repository.ts';
import type { Visit } from './visit.schema.ts';

/** A member of the delegation with the name the registry knows them by. */
export interface Delegate {
  personId: number;
  fullName: string;
  role: string | null;
}

/**
 * The visit with this id, its delegation by name and whether one of its cities publishes, in one
 * statement (the details page is read far more often than it is written).
 */
export async function findVisitWithDelegation(
  db: Kysely<Database>,
  id: number,
): Promise<{ visit: Visit; delegation: Delegate[]; published: boolean } | undefined> {
  const row = await db
    .selectFrom('visit')
    .selectAll('visit')
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('visit_member')
          .innerJoin('person', 'person.id', 'visit_member.person_id')
          .select([
            'visit_member.person_id as personId',
            'person.full_name as fullName',
            'visit_member.role as role',
          ])
          .whereRef('visit_member.visit_id', '=', 'visit.id')
          .orderBy('visit_member.person_id'),
      ).as('delegation'),
      sql<boolean>`exists (select 1 from home_city h
        where h.published and h.city_id in (visit.from_city_id, visit.to_city_id))`.as('published'),
    ])
    .where('visit.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const { delegation, published, ...visit } = row;
  const members = delegation.map(({ personId, role }) => ({ personId, role }));
  return { visit: toVisit(visit, members), delegation, published };
}

/**
 * The agreements signed at a visit, latest signed first (the agreement list's order), with their
 * parties; `restrict` (a read filter's condition) keeps those the reader may read.
 */
export async function selectAgreementsSignedAt(
  db: Kysely<Database>,
  visitId: number,
  restrict?: Expression<SqlBool>,
): Promise<Agreement[]> {
  const rows = await db
    .selectFrom('agreement')
    .selectAll()
    .where('signed_at_visit_id', '=', visitId)
    .$if(restrict !== undefined, (query) => query.where(restrict!))
    .orderBy(sql`coalesce(signed_on, '0001-01-01'::date)`, 'desc')
    .orderBy('id', 'desc')
    .execute();
  return withChildren(rows, (ids) => selectParties(db, 'agreement_party', ids), toAgreement);
}

/**
 * The events of a visit, earliest first and undated ones last (the event list's order), with
 * participants; `restrict` (a read filter's condition) keeps those the reader may read.
 */
export async function selectEventsOfVisit(
  db: Kysely<Database>,
  visitId: number,
  restrict?: Expression<SqlBool>,
): Promise<Event[]> {
  const rows = await db
    .selectFrom('event')
    .selectAll()
    .where('visit_id', '=', visitId)
    .$if(restrict !== undefined, (query) => query.where(restrict!))
    .orderBy(sql`coalesce(start_date, '9999-12-31'::date)`)
    .orderBy('id')
    .execute();
  return withChildren(rows, (ids) => selectParticipants(db, ids), toEvent);
}

/** The program of a visit in its order. */
export async function selectProgramOfVisit(db: Kysely<Database>, visitId: number): Promise<ProgramItem[]> {
  const rows = await programOfVisitQuery(db, visitId).execute();
  return rows.map(toProgramItem);
}
