import type { Kysely } from 'kysely';
import type { Database, TwinningTier } from '../../db/database.ts';
import type { Agreement } from '../../modules/agreements/agreement.schema.ts';
import { findCitiesByIds } from '../../modules/cities/city.repository.ts';
import type { Event } from '../../modules/events/event.schema.ts';
import { findPersonById } from '../../modules/persons/person.repository.ts';
import type { Person } from '../../modules/persons/person.schema.ts';
import type { Project } from '../../modules/projects/project.schema.ts';
import { listProjectsUnderTwinning } from '../../modules/projects/project.service.ts';
import { findTwinningByCities } from '../../modules/twinnings/twinning.repository.ts';
import type { ProgramItem } from '../../modules/visit-program/program-item.schema.ts';
import { listProgramItems } from '../../modules/visit-program/program-item.service.ts';
import {
  getVisitDetails,
  type DetailsReader,
  type VisitDetails,
} from '../../modules/visits/visit-details.service.ts';

/** A delegation member as the text names them: full name and the position they hold. */
export interface DelegationMember {
  fullName: string;
  position: string | null;
  role: string | null;
}

/** A city as the text names it: in Russian, or in English when the gazetteer has no Russian name. */
export interface PressCity {
  id: number;
  name: string;
  country: string;
}

/** Everything a press release about one visit tells, loaded from the registry. */
export interface PressReleaseData {
  visit: VisitDetails;
  from: PressCity;
  to: PressCity;
  tier: TwinningTier | null;
  head: DelegationMember | null;
  members: DelegationMember[];
  program: ProgramItem[];
  agreements: Agreement[];
  events: Event[];
  /** Active projects between institutions of the two cities. */
  projects: Project[];
  /** Names and cities of the organizations the program visits, by id. */
  organizations: Map<number, { name: string; cityId: number }>;
}

const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;

/** The title a person holds now: the latest position without an end. */
function currentPosition(person: Person): string | null {
  return (person.positions.find((p) => !p.endedOn) ?? person.positions[0])?.title ?? null;
}

/**
 * Loads a visit and what hangs on it, as `reader` may see it (the public: no people); `not_found`
 * when there is no such visit.
 */
export async function loadPressReleaseData(
  db: Kysely<Database>,
  visitId: number,
  reader?: DetailsReader,
): Promise<PressReleaseData> {
  const visit = await getVisitDetails(db, visitId, reader);
  const [cities, twinning, program, projects] = await Promise.all([
    findCitiesByIds(db, [visit.fromCityId, visit.toCityId]),
    findTwinningByCities(db, visit.fromCityId, visit.toCityId),
    listProgramItems(db, { visitId: visit.id, limit: 500 }),
    listProjectsUnderTwinning(db, visit.fromCityId, visit.toCityId),
  ]);
  const [from, to] = [visit.fromCityId, visit.toCityId].map((id): PressCity => {
    const city = cities.find((c) => c.id === id)!;
    return { id, name: city.nameRu ?? city.nameEn, country: city.country };
  }) as [PressCity, PressCity];

  const personIds = new Set<number>(visit.members.map((m) => m.personId));
  if (visit.headPersonId) personIds.add(visit.headPersonId);
  const people = new Map<number, Person>();
  for (const id of personIds) {
    const person = await findPersonById(db, id);
    if (person) people.set(id, person);
  }
  const memberOf = (personId: number, role: string | null): DelegationMember | null => {
    const person = people.get(personId);
    return person ? { fullName: person.fullName, position: currentPosition(person), role } : null;
  };
  const headPerson = visit.headPersonId ? memberOf(visit.headPersonId, null) : null;
  const head = headPerson && { ...headPerson, position: visit.headPosition ?? headPerson.position };
  const members = visit.members
    .filter((m) => m.personId !== visit.headPersonId)
    .map((m) => memberOf(m.personId, m.role))
    .filter((m): m is DelegationMember => m !== null);

  const organizationIds = new Set<number>();
  for (const item of program.items) if (item.organizationId) organizationIds.add(item.organizationId);
  const organizations = new Map<number, { name: string; cityId: number }>();
  if (organizationIds.size > 0) {
    const rows = await db
      .selectFrom('organization')
      .select(['id', 'name', 'city_id'])
      .where('id', 'in', [...organizationIds])
      .execute();
    for (const row of rows) organizations.set(row.id, { name: row.name, cityId: row.city_id });
  }

  return {
    visit,
    from,
    to,
    tier: twinning && twinning.status !== 'ended' ? twinning.tier : null,
    head,
    members,
    program: program.items,
    // In the order they were recorded, which is the order a reporter would tell them.
    agreements: [...visit.agreementsSigned].sort(byId),
    events: [...visit.events].sort(byId),
    projects: projects
      .filter((p) => p.status === 'active' && p.parties.every((party) => party.organizationId))
      .sort(byId),
    organizations,
  };
}
