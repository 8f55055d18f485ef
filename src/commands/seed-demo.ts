import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database, RecordType } from '../db/database.ts';
import { validationFailed } from '../errors.ts';
import { createAgreement, listAgreements } from '../modules/agreements/agreement.service.ts';
import { SYSTEM_ACTOR } from '../modules/audit/audit.schema.ts';
import { updateCity } from '../modules/cities/city.service.ts';
import { linkRecordSource, storeDocument } from '../modules/documents/document.service.ts';
import { findRecordSource } from '../modules/documents/record-source.repository.ts';
import { findEventByName } from '../modules/events/event.repository.ts';
import { createEvent } from '../modules/events/event.service.ts';
import { findOrganizationByName } from '../modules/organizations/organization.repository.ts';
import { createOrganization } from '../modules/organizations/organization.service.ts';
import { findPersonsByFullName } from '../modules/persons/person.repository.ts';
import { createPerson } from '../modules/persons/person.service.ts';
import { createProject, listProjects } from '../modules/projects/project.service.ts';
import { findTwinningByCities } from '../modules/twinnings/twinning.repository.ts';
import { createTwinning } from '../modules/twinnings/twinning.service.ts';
import { findVisitByRoute } from '../modules/visits/visit.repository.ts';
import { createVisit } from '../modules/visits/visit.service.ts';
import * as seed from './seed-demo-article.ts';
import { sharedDir } from '../shared-dir.ts';

/** Where the seed article lives: the shared folder's `seed/` (looked up when needed, not at import). */
export function defaultSeedDir(): string {
  return sharedDir('seed');
}

/** What a seed-demo run did: records created and changed (none on a second run), and how many it found. */
export interface SeedDemoResult {
  created: string[];
  updated: string[];
  found: number;
}

async function findGazetteerCity(
  db: Kysely<Database>,
  { nameRu, country }: { nameRu: string; country: string },
) {
  const city = await db
    .selectFrom('city')
    .select(['id', 'founded_year', 'version'])
    .where('name_ru', '=', nameRu)
    .where('country', '=', country)
    .orderBy('population', 'desc')
    .executeTakeFirst();
  if (!city)
    throw validationFailed(
      `The registry has no city ${nameRu} (${country}); run \`pobratim migrate\` first.`,
    );
  return city;
}

/** The seed article's text and its expected extraction (stored with the document). */
export interface SeedArticle {
  body: string;
  extraction: unknown;
}

/** Reads the seed article from its folder; a missing file is named with the option that fixes it. */
export async function readSeedArticle(seedDir = defaultSeedDir()): Promise<SeedArticle> {
  const file = path.join(seedDir, seed.SEED_ARTICLE.file);
  try {
    const body = await readFile(`${file}.txt`, 'utf8');
    const extraction: unknown = JSON.parse(await readFile(`${file}.expected.json`, 'utf8'));
    return { body, extraction };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw validationFailed(`Cannot read the seed article in ${seedDir} (${reason}); pass --seed-dir.`);
  }
}

/**
 * Loads the records of the seed article (a working visit of Baranovichi to Kuznetsk, September
 * 2025) within the caller's transaction. Each record is looked up before it is made and linked to
 * its evidence once, so a second run finds everything and writes nothing.
 */
export async function seedDemo(
  db: Kysely<Database>,
  { body, extraction }: SeedArticle,
): Promise<SeedDemoResult> {
  const result: SeedDemoResult = { created: [], updated: [], found: 0 };
  const actor = SYSTEM_ACTOR;

  const stored = await storeDocument(db, actor, {
    kind: 'press_release',
    title: seed.SEED_ARTICLE.title,
    body,
    fileName: `${seed.SEED_ARTICLE.file}.txt`,
    extraction,
  });
  const documentId = stored.document.id;
  if (stored.duplicate) result.found += 1;
  else result.created.push('document: the seed article');

  async function ensure<T extends { id: number }>(
    type: RecordType,
    label: string,
    evidence: string,
    find: () => Promise<T | undefined>,
    create: () => Promise<T>,
  ): Promise<T> {
    let record = await find();
    if (record) result.found += 1;
    else {
      record = await create();
      result.created.push(`${type}: ${label}`);
    }
    if (!(await findRecordSource(db, documentId, type, record.id))) {
      const span = seed.findEvidence(body, evidence);
      await linkRecordSource(db, actor, {
        documentId,
        recordType: type,
        recordId: record.id,
        ...span,
        fact: { label },
      });
    }
    return record;
  }

  const home = await findGazetteerCity(db, seed.SEED_CITIES.home);
  const partner = await findGazetteerCity(db, seed.SEED_CITIES.partner);
  if (partner.founded_year !== seed.PARTNER_FOUNDED_YEAR) {
    await updateCity(db, actor, partner.id, {
      version: partner.version,
      foundedYear: seed.PARTNER_FOUNDED_YEAR,
    });
    result.updated.push(`city: ${seed.SEED_CITIES.partner.nameRu} founded in ${seed.PARTNER_FOUNDED_YEAR}`);
  }
  const cityIds = { home: home.id, partner: partner.id };
  for (const [side, city] of Object.entries(seed.SEED_CITIES) as [
    keyof typeof cityIds,
    typeof seed.SEED_CITIES.home,
  ][]) {
    const known = async () => ({ id: cityIds[side] });
    await ensure('city', city.nameRu, city.evidence, known, known);
  }
  await ensure(
    'twinning',
    'Барановичи — Кузнецк',
    'город-побратим Кузнецк',
    () => findTwinningByCities(db, home.id, partner.id),
    () => createTwinning(db, actor, { cityIds: [home.id, partner.id], tier: 'twin', status: 'active' }),
  );

  const org: Record<string, number> = {};
  for (const [key, side, name, kind, sphere, evidence] of seed.SEED_ORGANIZATIONS) {
    const cityId = cityIds[side];
    const found = await ensure(
      'organization',
      name,
      evidence,
      () => findOrganizationByName(db, cityId, name),
      () => createOrganization(db, actor, { cityId, name, kind, sphere }),
    );
    org[key] = found.id;
  }

  const people: Record<string, number> = {};
  for (const [key, { fullName, evidence, title }] of Object.entries(seed.SEED_PERSONS)) {
    const positions = title ? [{ title, organizationId: org.committee, cityId: home.id }] : [];
    const found = await ensure(
      'person',
      fullName,
      evidence,
      async () => (await findPersonsByFullName(db, fullName))[0],
      () => createPerson(db, actor, { fullName, cityId: home.id, positions }),
    );
    people[key] = found.id;
  }

  const { evidence: visitEvidence, ...visitFields } = seed.SEED_VISIT;
  const route = { fromCityId: home.id, toCityId: partner.id, startDate: visitFields.startDate };
  const visit = await ensure(
    'visit',
    `${seed.SEED_CITIES.home.nameRu} → ${seed.SEED_CITIES.partner.nameRu}, ${visitFields.startDate}`,
    visitEvidence,
    () => findVisitByRoute(db, route),
    () =>
      createVisit(db, actor, {
        ...visitFields,
        ...route,
        status: 'done',
        headPersonId: people.head,
        headPosition: seed.SEED_PERSONS.head.title,
        members: [{ personId: people.head, role: 'руководитель делегации' }],
      }),
  );

  for (const { title, evidence, parties } of seed.SEED_AGREEMENTS) {
    await ensure(
      'agreement',
      title,
      evidence,
      async () =>
        (await listAgreements(db, { visitId: visit.id, limit: 500 })).items.find((a) => a.title === title),
      () =>
        createAgreement(db, actor, {
          kind: 'cooperation',
          title,
          signedAtVisitId: visit.id,
          // The article gives no day: signed during the visit, on its first day (as an import stores it).
          signedOn: visit.startDate,
          documentId,
          parties: parties.map((key) => ({ organizationId: org[key] })),
        }),
    );
  }
  for (const { title, evidence, sphere, parties } of seed.SEED_PROJECTS) {
    const [first] = parties;
    await ensure(
      'project',
      title,
      evidence,
      async () =>
        (await listProjects(db, { organizationId: org[first!], limit: 500 })).items.find(
          (p) => p.title === title,
        ),
      () =>
        createProject(db, actor, {
          title,
          sphere,
          parties: parties.map((key) => ({ organizationId: org[key] })),
        }),
    );
  }
  for (const { name, kind, evidence, description, delegation, persons } of seed.SEED_EVENTS) {
    const participants = [
      ...(delegation ? [{ cityId: home.id, role: 'делегация' }] : []),
      ...persons.map(([key, role]) => ({ personId: people[key], role })),
    ];
    await ensure(
      'event',
      name,
      evidence,
      () => findEventByName(db, partner.id, name),
      () =>
        createEvent(db, actor, {
          name,
          kind,
          cityId: partner.id,
          visitId: visit.id,
          // Held during the visit, on no day of its own: the visit's days (as an import stores them).
          startDate: visit.startDate,
          endDate: visit.endDate,
          description,
          participants,
        }),
    );
  }
  return result;
}
