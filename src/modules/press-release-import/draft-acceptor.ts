import type { Kysely } from 'kysely';
import type { Database, RecordType } from '../../db/database.ts';
import { AppError, validationFailed, type FieldProblem } from '../../errors.ts';
import { createAgreement } from '../agreements/agreement.service.ts';
import type { Actor } from '../audit/audit.schema.ts';
import { inTransaction, parseInput } from '../audit/audited-write.ts';
import { linkRecordSources } from '../documents/document.service.ts';
import { createEvent } from '../events/event.service.ts';
import { createOrganization } from '../organizations/organization.service.ts';
import { createPerson } from '../persons/person.service.ts';
import { createProject } from '../projects/project.service.ts';
import { findTwinningByCities } from '../twinnings/twinning.repository.ts';
import { createTwinning } from '../twinnings/twinning.service.ts';
import { findVisitById } from '../visits/visit.repository.ts';
import { createVisit } from '../visits/visit.service.ts';
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

/** The kinds of record an acceptance creates, and those it links as they are. */
export type CreatedKind =
  'twinning' | 'organization' | 'person' | 'visit' | 'agreement' | 'project' | 'event';
export type LinkedKind = 'city' | 'twinning' | 'organization' | 'person' | 'visit';

/**
 * What judges an acceptance record by record, as if each were written on its own: a record is
 * created only where its writer may create it, naming only what they may read, and an existing
 * record is linked only if they may read it. Both see the acceptance's transaction.
 */
export interface DraftGuard {
  creating(trx: Kysely<Database>, kind: CreatedKind, input: Record<string, unknown>): Promise<void>;
  linking(trx: Kysely<Database>, kind: LinkedKind, id: number): Promise<void>;
}

/** Runs a check of the guard, naming the draft's path in a refusal. */
async function judged(path: string, check: Promise<void>): Promise<void> {
  try {
    await check;
  } catch (error) {
    if (error instanceof AppError && (error.code === 'forbidden' || error.code === 'unauthenticated')) {
      throw new AppError(error.code, `${path}: ${error.message}`, [
        { path, message: error.details?.map((problem) => problem.message).join('; ') ?? error.message },
      ]);
    }
    throw error;
  }
}

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
 * or unresolved one is refused with the path of the problem, and nothing is written. Every record
 * created and every one linked passes `guard` (a write is judged by everything it touches).
 */
export async function acceptDraft(
  db: Kysely<Database>,
  actor: Actor,
  documentId: number,
  input: unknown,
  guard: DraftGuard,
  today = new Date().toISOString().slice(0, 10),
): Promise<AcceptedRecord[]> {
  const draft: Draft = parseInput(draftSchema, input);
  const ids = new Map<string, { type: 'city' | 'organization' | 'person' | 'visit'; id: number }>();
  /** The days of each accepted visit, by the draft's reference: what its agreements and events default to. */
  const visitDays = new Map<string, { start: string; end: string }>();
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
    const links: unknown[] = [];
    async function record(
      ref: string,
      type: RecordType,
      id: number,
      action: AcceptedRecord['action'],
      span: [number, number] | null,
      fact: unknown,
    ) {
      accepted.push({ ref, type, id, action });
      // Linked at the end, all at once: the document's scope is then refreshed once (migration 0014).
      links.push({
        documentId,
        recordType: type,
        recordId: id,
        spanStart: span?.[0] ?? null,
        spanEnd: span?.[1] ?? null,
        fact,
      });
    }
    // Twinnings first: a city editor may create a partner's institutions only through an established
    // twinning (keeperCityIds), so the one the release states must exist before them.
    for (const [i, twinning] of draft.twinnings.entries()) {
      if (!twinning.include) continue;
      const path = `twinnings.${i}`;
      const cityIds: [number, number] = [
        need(twinning.cityRefs[0], `${path}.cityRefs.0`, 'the home city of the twinning'),
        need(twinning.cityRefs[1], `${path}.cityRefs.1`, 'the partner city of the twinning'),
      ];
      if (cityIds[0] === cityIds[1])
        throw validationFailed(`${path}.cityRefs: a twinning joins two different cities.`, [
          { path: `${path}.cityRefs`, message: 'names the same city twice' },
        ]);
      // Recorded since the draft was made (or chosen by the reviewer): linked, never doubled.
      const existing = twinning.chosenId ? null : await findTwinningByCities(trx, ...cityIds);
      const linked = twinning.chosenId ?? existing?.id ?? null;
      let id: number;
      if (linked) {
        await judged(`${path}.chosenId`, guard.linking(trx, 'twinning', linked));
        id = linked;
      } else {
        const values = { cityIds, tier: twinning.tier, status: twinning.status };
        await judged(path, guard.creating(trx, 'twinning', values));
        id = (await createTwinning(trx, actor, values, { kind: 'document', ref: `document:${documentId}` }))
          .id;
      }
      await record(twinning.ref, 'twinning', id, linked ? 'linked' : 'created', twinning.span, twinning);
    }
    for (const [i, org] of draft.organizations.entries()) {
      if (!org.include) continue;
      const cityId = need(org.cityRef, `organizations.${i}.cityRef`, `the city of «${org.name}»`);
      let id = org.chosenId;
      if (id) await judged(`organizations.${i}.chosenId`, guard.linking(trx, 'organization', id));
      else {
        const values = { cityId, name: org.name, kind: org.kind, sphere: sphereOf(org.kind) };
        await judged(`organizations.${i}`, guard.creating(trx, 'organization', values));
        id = (await createOrganization(trx, actor, values)).id;
      }
      ids.set(org.ref, { type: 'organization', id });
      await record(org.ref, 'organization', id, org.chosenId ? 'linked' : 'created', org.span, org);
    }
    for (const [i, person] of draft.persons.entries()) {
      if (!person.include) continue;
      const cityId = optional(person.cityRef);
      const positions = person.position ? [{ title: person.position, cityId }] : [];
      let id = person.chosenId;
      if (id) await judged(`persons.${i}.chosenId`, guard.linking(trx, 'person', id));
      else {
        const values = { fullName: person.name, cityId, positions };
        await judged(`persons.${i}`, guard.creating(trx, 'person', values));
        id = (await createPerson(trx, actor, values)).id;
      }
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
      let id = visit.chosenId;
      if (id) await judged(`${path}.chosenId`, guard.linking(trx, 'visit', id));
      else {
        const values = {
          fromCityId: need(visit.fromCityRef, `${path}.fromCityRef`, 'the city the delegation came from'),
          toCityId: need(visit.toCityRef, `${path}.toCityRef`, 'the city visited'),
          ...{ startDate: start, endDate: end, kind: visit.kind, status: end < today ? 'done' : 'planned' },
          ...{
            headPersonId,
            headPosition: visit.headPosition,
            members: headPersonId ? [{ personId: headPersonId, role: 'руководитель делегации' }] : [],
          },
        };
        await judged(path, guard.creating(trx, 'visit', values));
        id = (await createVisit(trx, actor, values)).id;
      }
      ids.set(visit.ref, { type: 'visit', id });
      const stored = visit.chosenId ? await findVisitById(trx, id) : undefined;
      visitDays.set(visit.ref, stored ? { start: stored.startDate, end: stored.endDate } : { start, end });
      await record(visit.ref, 'visit', id, visit.chosenId ? 'linked' : 'created', visit.span, visit);
    }
    for (const [i, agreement] of draft.agreements.entries()) {
      if (!agreement.include) continue;
      const parties = agreement.partyRefs.map((ref, k) => party(ref, `agreements.${i}.partyRefs.${k}`));
      // Signed during the visit and the text gives no day: signed on the visit's first day, stored so.
      const signedOn =
        fullDate(agreement.signedOn, `agreements.${i}.signedOn`) ??
        (agreement.visitRef ? (visitDays.get(agreement.visitRef)?.start ?? null) : null);
      const values = {
        ...{
          kind: agreement.kind,
          title: agreement.title,
          status: 'in_force',
          signedOn,
          parties,
          documentId,
        },
        signedAtVisitId: optional(agreement.visitRef),
      };
      await judged(`agreements.${i}`, guard.creating(trx, 'agreement', values));
      const created = await createAgreement(trx, actor, values);
      await record(agreement.ref, 'agreement', created.id, 'created', agreement.span, agreement);
    }
    for (const [i, project] of draft.projects.entries()) {
      if (!project.include) continue;
      const parties = project.partyRefs.map((ref, k) => party(ref, `projects.${i}.partyRefs.${k}`));
      const values = { title: project.title, status: 'active', parties };
      await judged(`projects.${i}`, guard.creating(trx, 'project', values));
      const created = await createProject(trx, actor, values);
      await record(project.ref, 'project', created.id, 'created', project.span, project);
    }
    for (const [i, event] of draft.events.entries()) {
      if (!event.include) continue;
      const cityId = need(event.cityRef, `events.${i}.cityRef`, `the city of «${event.name}»`);
      const date = fullDate(event.date, `events.${i}.date`);
      // Held during the visit and the text gives no day of its own: the visit's days, stored so.
      const days = !date && event.visitRef ? visitDays.get(event.visitRef) : undefined;
      const values = {
        name: event.name,
        kind: event.kind,
        cityId,
        startDate: date ?? days?.start ?? null,
        ...(days && days.end !== days.start ? { endDate: days.end } : {}),
        visitId: optional(event.visitRef),
      };
      await judged(`events.${i}`, guard.creating(trx, 'event', values));
      const created = await createEvent(trx, actor, values);
      await record(event.ref, 'event', created.id, 'created', event.span, event);
    }
    for (const [i, city] of draft.cities.entries()) {
      if (!city.chosenId || !city.include) continue;
      await judged(`cities.${i}.chosenId`, guard.linking(trx, 'city', city.chosenId));
      await record(city.ref, 'city', city.chosenId, 'linked', city.span, city);
    }
    await linkRecordSources(trx, actor, links);
    return accepted;
  });
}
