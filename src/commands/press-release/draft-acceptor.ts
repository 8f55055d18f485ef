import type { Kysely } from 'kysely';
import type { Database, RecordType } from '../../db/database.ts';
import { validationFailed, type FieldProblem } from '../../errors.ts';
import { createAgreement } from '../../modules/agreements/agreement.service.ts';
import type { Actor } from '../../modules/audit/audit.schema.ts';
import { inTransaction, parseInput } from '../../modules/audit/audited-write.ts';
import { linkRecordSource } from '../../modules/documents/document.service.ts';
import { createEvent } from '../../modules/events/event.service.ts';
import { createOrganization } from '../../modules/organizations/organization.service.ts';
import { createPerson } from '../../modules/persons/person.service.ts';
import { createProject } from '../../modules/projects/project.service.ts';
import { createVisit } from '../../modules/visits/visit.service.ts';
import { draftSchema, type Draft } from './draft.schema.ts';
import { sphereOf } from './kind-guesses.ts';

/** One record the acceptance made or linked, by the draft's reference. */
export interface AcceptedRecord {
  ref: string;
  type: RecordType;
  id: number;
  action: 'created' | 'linked';
}

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Every city a draft keeps must be one of the registry's: a draft that leaves one unchosen is refused, naming it. */
export function assertCitiesResolved(draft: Draft): void {
  const problems: FieldProblem[] = [];
  draft.cities.forEach((city, i) => {
    if (city.include && !city.chosenId) {
      problems.push({
        path: `cities.${i}.chosenId`,
        message: `choose the registry's city for «${city.name}»`,
      });
    }
  });
  if (problems.length > 0) {
    throw validationFailed(`The draft is not ready: ${problems.map((p) => p.message).join('; ')}.`, problems);
  }
}

/**
 * Accepts a reviewed draft: links the chosen records, creates the new ones through their services
 * (validated and audited), and links every one to the document and its evidence, all in one
 * transaction. Proposals with `include: false` are left out; a record that depends on a left-out
 * or unresolved one is refused with the path of the problem, and nothing is written.
 */
export async function acceptDraft(
  db: Kysely<Database>,
  actor: Actor,
  documentId: number,
  input: unknown,
  today = new Date().toISOString().slice(0, 10),
): Promise<AcceptedRecord[]> {
  const draft: Draft = parseInput(draftSchema, input);
  const ids = new Map<string, { type: 'city' | 'organization' | 'person' | 'visit'; id: number }>();
  assertCitiesResolved(draft);
  for (const city of draft.cities) if (city.chosenId) ids.set(city.ref, { type: 'city', id: city.chosenId });

  const need = (ref: string | null, path: string, what: string) => {
    const found = ref ? ids.get(ref) : undefined;
    if (!found)
      throw validationFailed(`${path}: ${what} is not part of what is accepted.`, [
        { path, message: `${what} is left out or unknown` },
      ]);
    return found.id;
  };
  const optional = (ref: string | null) => (ref ? (ids.get(ref)?.id ?? null) : null);
  const party = (ref: string, path: string) => {
    const found = ids.get(ref);
    if (!found || (found.type !== 'city' && found.type !== 'organization'))
      throw validationFailed(`${path}: the party ${ref} is left out or unknown.`, [
        { path, message: 'party left out' },
      ]);
    return found.type === 'city' ? { cityId: found.id } : { organizationId: found.id };
  };
  const fullDate = (value: string | null, path: string) => {
    if (value === null || FULL_DATE.test(value)) return value;
    throw validationFailed(`${path}: the year of ${value} is unknown; enter the full date.`, [
      { path, message: 'needs a year' },
    ]);
  };

  return inTransaction(db, async (trx) => {
    const accepted: AcceptedRecord[] = [];
    async function record(
      ref: string,
      type: RecordType,
      id: number,
      action: AcceptedRecord['action'],
      span: [number, number] | null,
      fact: unknown,
    ) {
      accepted.push({ ref, type, id, action });
      await linkRecordSource(trx, actor, {
        documentId,
        recordType: type,
        recordId: id,
        spanStart: span?.[0] ?? null,
        spanEnd: span?.[1] ?? null,
        fact,
      });
    }
    for (const [i, org] of draft.organizations.entries()) {
      if (!org.include) continue;
      const cityId = need(org.cityRef, `organizations.${i}.cityRef`, `the city of «${org.name}»`);
      const id =
        org.chosenId ??
        (
          await createOrganization(trx, actor, {
            cityId,
            name: org.name,
            kind: org.kind,
            sphere: sphereOf(org.kind),
          })
        ).id;
      ids.set(org.ref, { type: 'organization', id });
      await record(org.ref, 'organization', id, org.chosenId ? 'linked' : 'created', org.span, org);
    }
    for (const person of draft.persons) {
      if (!person.include) continue;
      const cityId = optional(person.cityRef);
      const positions = person.position ? [{ title: person.position, cityId }] : [];
      const id =
        person.chosenId ?? (await createPerson(trx, actor, { fullName: person.name, cityId, positions })).id;
      ids.set(person.ref, { type: 'person', id });
      await record(person.ref, 'person', id, person.chosenId ? 'linked' : 'created', person.span, person);
    }
    for (const [i, visit] of draft.visits.entries()) {
      if (!visit.include) continue;
      const path = `visits.${i}`;
      const start = fullDate(visit.start, `${path}.start`);
      const end = fullDate(visit.end, `${path}.end`) ?? start;
      if (!start || !end)
        throw validationFailed(`${path}.start: the visit needs its dates.`, [
          { path: `${path}.start`, message: 'is required' },
        ]);
      const headPersonId = optional(visit.headRef);
      const id =
        visit.chosenId ??
        (
          await createVisit(trx, actor, {
            fromCityId: need(visit.fromCityRef, `${path}.fromCityRef`, 'the city the delegation came from'),
            toCityId: need(visit.toCityRef, `${path}.toCityRef`, 'the city visited'),
            ...{ startDate: start, endDate: end, kind: visit.kind, status: end < today ? 'done' : 'planned' },
            ...{
              headPersonId,
              headPosition: visit.headPosition,
              members: headPersonId ? [{ personId: headPersonId, role: 'руководитель делегации' }] : [],
            },
          })
        ).id;
      ids.set(visit.ref, { type: 'visit', id });
      await record(visit.ref, 'visit', id, visit.chosenId ? 'linked' : 'created', visit.span, visit);
    }
    for (const [i, agreement] of draft.agreements.entries()) {
      if (!agreement.include) continue;
      const parties = agreement.partyRefs.map((ref, k) => party(ref, `agreements.${i}.partyRefs.${k}`));
      const signedOn = fullDate(agreement.signedOn, `agreements.${i}.signedOn`);
      const created = await createAgreement(trx, actor, {
        ...{
          kind: agreement.kind,
          title: agreement.title,
          status: 'in_force',
          signedOn,
          parties,
          documentId,
        },
        signedAtVisitId: optional(agreement.visitRef),
      });
      await record(agreement.ref, 'agreement', created.id, 'created', agreement.span, agreement);
    }
    for (const project of draft.projects) {
      if (!project.include) continue;
      const parties = project.partyRefs.map((ref, k) =>
        party(ref, `projects.${draft.projects.indexOf(project)}.partyRefs.${k}`),
      );
      const created = await createProject(trx, actor, { title: project.title, status: 'active', parties });
      await record(project.ref, 'project', created.id, 'created', project.span, project);
    }
    for (const [i, event] of draft.events.entries()) {
      if (!event.include) continue;
      const cityId = need(event.cityRef, `events.${i}.cityRef`, `the city of «${event.name}»`);
      const startDate = fullDate(event.date, `events.${i}.date`);
      const created = await createEvent(trx, actor, {
        name: event.name,
        kind: event.kind,
        cityId,
        startDate,
        visitId: optional(event.visitRef),
      });
      await record(event.ref, 'event', created.id, 'created', event.span, event);
    }
    for (const city of draft.cities)
      if (city.chosenId && city.include)
        await record(city.ref, 'city', city.chosenId, 'linked', city.span, city);
    return accepted;
  });
}
