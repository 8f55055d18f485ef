import { validationFailed, type FieldProblem } from '../errors.ts';
import type { RegistryExport } from '../reports/exports/export-registry.ts';

type Collection =
  | 'cities'
  | 'twinnings'
  | 'organizations'
  | 'persons'
  | 'visits'
  | 'agreements'
  | 'planItems'
  | 'projects'
  | 'events'
  | 'documents';

const WHAT: Record<Collection, string> = {
  cities: 'city',
  twinnings: 'twinning',
  organizations: 'organization',
  persons: 'person',
  visits: 'visit',
  agreements: 'agreement',
  planItems: 'plan item',
  projects: 'project',
  events: 'event',
  documents: 'document',
};

/** The collection a record source's `recordType` points into. */
const SOURCED: Record<RegistryExport['recordSources'][number]['recordType'], Collection> = {
  city: 'cities',
  twinning: 'twinnings',
  organization: 'organizations',
  person: 'persons',
  visit: 'visits',
  agreement: 'agreements',
  plan_item: 'planItems',
  project: 'projects',
  event: 'events',
};

/**
 * Checks that every id a record of the file names is a record of the file, and that no id is used
 * twice in one list: what the database would refuse with a foreign-key or key error, said here
 * with the path of the field (`visits.3.headPersonId`) before anything is written.
 */
export function checkReferences(document: RegistryExport): void {
  const problems: FieldProblem[] = [];
  const ids = {} as Record<Collection, Set<number>>;
  for (const collection of Object.keys(WHAT) as Collection[]) {
    ids[collection] = new Set();
    document[collection].forEach((record, index) => {
      if (ids[collection].has(record.id))
        problems.push({ path: `${collection}.${index}.id`, message: `${record.id} is used twice` });
      ids[collection].add(record.id);
    });
  }
  const need = (path: string, collection: Collection, id: number | null | undefined) => {
    if (id !== null && id !== undefined && !ids[collection].has(id))
      problems.push({ path, message: `names ${WHAT[collection]} ${id}, which the file does not hold` });
  };
  const parties = (path: string, list: Array<{ cityId: number | null; organizationId: number | null }>) =>
    list.forEach((party, index) => {
      need(`${path}.${index}.cityId`, 'cities', party.cityId);
      need(`${path}.${index}.organizationId`, 'organizations', party.organizationId);
    });

  document.homeCities.forEach((home, i) => need(`homeCities.${i}.cityId`, 'cities', home.cityId));
  document.twinnings.forEach((twinning, i) => {
    need(`twinnings.${i}.cityAId`, 'cities', twinning.cityAId);
    need(`twinnings.${i}.cityBId`, 'cities', twinning.cityBId);
  });
  document.organizations.forEach((org, i) => need(`organizations.${i}.cityId`, 'cities', org.cityId));
  document.persons.forEach((person, i) => {
    need(`persons.${i}.cityId`, 'cities', person.cityId);
    person.positions.forEach((position, j) => {
      need(`persons.${i}.positions.${j}.cityId`, 'cities', position.cityId);
      need(`persons.${i}.positions.${j}.organizationId`, 'organizations', position.organizationId);
    });
  });
  document.visits.forEach((visit, i) => {
    need(`visits.${i}.fromCityId`, 'cities', visit.fromCityId);
    need(`visits.${i}.toCityId`, 'cities', visit.toCityId);
    need(`visits.${i}.headPersonId`, 'persons', visit.headPersonId);
    visit.members.forEach((member, j) =>
      need(`visits.${i}.members.${j}.personId`, 'persons', member.personId),
    );
  });
  document.visitProgramItems.forEach((item, i) => {
    need(`visitProgramItems.${i}.visitId`, 'visits', item.visitId);
    need(`visitProgramItems.${i}.organizationId`, 'organizations', item.organizationId);
    need(`visitProgramItems.${i}.eventId`, 'events', item.eventId);
    need(`visitProgramItems.${i}.agreementId`, 'agreements', item.agreementId);
  });
  document.events.forEach((event, i) => {
    need(`events.${i}.cityId`, 'cities', event.cityId);
    need(`events.${i}.visitId`, 'visits', event.visitId);
    event.participants.forEach((participant, j) => {
      need(`events.${i}.participants.${j}.cityId`, 'cities', participant.cityId);
      need(`events.${i}.participants.${j}.organizationId`, 'organizations', participant.organizationId);
      need(`events.${i}.participants.${j}.personId`, 'persons', participant.personId);
    });
  });
  document.agreements.forEach((agreement, i) => {
    need(`agreements.${i}.signedAtVisitId`, 'visits', agreement.signedAtVisitId);
    need(`agreements.${i}.documentId`, 'documents', agreement.documentId);
    parties(`agreements.${i}.parties`, agreement.parties);
  });
  document.projects.forEach((project, i) => parties(`projects.${i}.parties`, project.parties));
  document.planItems.forEach((item, i) => {
    need(`planItems.${i}.agreementId`, 'agreements', item.agreementId);
    need(`planItems.${i}.responsibleOrganizationId`, 'organizations', item.responsibleOrganizationId);
    need(`planItems.${i}.responsiblePersonId`, 'persons', item.responsiblePersonId);
  });
  document.recordSources.forEach((source, i) => {
    need(`recordSources.${i}.documentId`, 'documents', source.documentId);
    need(`recordSources.${i}.recordId`, SOURCED[source.recordType], source.recordId);
  });
  document.users.forEach((user, i) =>
    user.roles.forEach((grant, j) => {
      if ('cityId' in grant) need(`users.${i}.roles.${j}.cityId`, 'cities', grant.cityId);
      if ('organizationId' in grant)
        need(`users.${i}.roles.${j}.organizationId`, 'organizations', grant.organizationId);
    }),
  );

  if (problems.length > 0) {
    const shown = problems
      .slice(0, 10)
      .map((problem) => `${problem.path}: ${problem.message}`)
      .join('; ');
    const more = problems.length > 10 ? ` (and ${problems.length - 10} more)` : '';
    throw validationFailed(`The file does not hold together: ${shown}${more}.`, problems);
  }
}
