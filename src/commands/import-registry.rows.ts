import { sql, type InsertObject, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { searchNames } from '../modules/cities/city.names.ts';
import type { RegistryExport } from './export-registry.ts';

type Db = Kysely<Database>;
type Doc = RegistryExport;

/** JSON values go into jsonb columns as text; an absent value stays SQL NULL. */
const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/**
 * An ISO timestamp for an `updated_at` column. Generated<Timestamp> in database.ts types the insert
 * value as the column-type object itself, so a plain string does not type-check; the cast is here.
 */
const at = (iso: string) => sql<never>`${iso}::timestamptz`;

// Below the 65,535 parameters one statement may carry, for the widest table.
const CHUNK = 1000;

async function insertAll<T extends keyof Database>(db: Db, table: T, rows: Array<InsertObject<Database, T>>) {
  for (let start = 0; start < rows.length; start += CHUNK) {
    // Kysely cannot see that a row of table T fits `insertInto(T)` when T is a type parameter.
    await db
      .insertInto(table)
      .values(rows.slice(start, start + CHUNK) as never)
      .execute();
  }
}

/** The columns every versioned record keeps: its id, version and times (made: when the file says). */
const stored = (record: {
  id: number;
  version: number;
  updatedAt: string;
  createdAt?: string | undefined;
}) => ({
  id: record.id,
  version: record.version,
  updated_at: at(record.updatedAt),
  ...(record.createdAt ? { created_at: at(record.createdAt) } : {}),
});

/**
 * The file's cities: a gazetteer place this registry has (GeoNames ids are the same everywhere)
 * takes the file's values, users' founding years and city days included; any other is added with
 * its id. Names that change get their search names anew; unchanged ones keep the gazetteer's.
 */
export async function writeCities(db: Db, cities: Doc['cities']): Promise<void> {
  for (const city of cities) {
    const values = {
      source: city.source,
      name_ru: city.nameRu,
      name_be: city.nameBe,
      name_en: city.nameEn,
      country: city.country,
      admin1: city.admin1,
      latitude: city.latitude,
      longitude: city.longitude,
      population: city.population,
      timezone: city.timezone,
      founded_year: city.foundedYear,
      city_day: city.cityDay,
      ...stored(city),
    };
    const names = { ru: city.nameRu, be: city.nameBe, en: city.nameEn };
    const present = await db
      .selectFrom('city')
      .select(['name_ru', 'name_be', 'name_en'])
      .where('id', '=', city.id)
      .executeTakeFirst();
    if (!present) {
      await db
        .insertInto('city')
        .values({ ...values, search_names: searchNames(names) })
        .execute();
      continue;
    }
    const renamed =
      present.name_ru !== city.nameRu || present.name_be !== city.nameBe || present.name_en !== city.nameEn;
    await db
      .updateTable('city')
      .set({ ...values, ...(renamed ? { search_names: searchNames(names) } : {}) })
      .where('id', '=', city.id)
      .execute();
  }
}

/** Every record of the file but cities and accounts, with its id, in an order that keeps references valid. */
export async function writeRecords(db: Db, doc: Doc): Promise<void> {
  await insertAll(
    db,
    'home_city',
    doc.homeCities.map((home) => ({ city_id: home.cityId, published: home.published })),
  );
  await insertAll(
    db,
    'twinning',
    doc.twinnings.map((t) => ({
      ...stored(t),
      city_a_id: t.cityAId,
      city_b_id: t.cityBId,
      tier: t.tier,
      status: t.status,
      established_on: t.establishedOn,
      established_year: t.establishedYear,
      ended_on: t.endedOn,
      notes: t.notes,
      source: t.source,
      source_ref: t.sourceRef,
    })),
  );
  await insertAll(
    db,
    'organization',
    doc.organizations.map((org) => ({
      ...stored(org),
      city_id: org.cityId,
      name: org.name,
      short_name: org.shortName,
      kind: org.kind,
      sphere: org.sphere,
      address: org.address,
      website: org.website,
      notes: org.notes,
    })),
  );
  await insertAll(
    db,
    'person',
    doc.persons.map((person) => ({
      ...stored(person),
      full_name: person.fullName,
      first_name: person.firstName,
      patronymic: person.patronymic,
      last_name: person.lastName,
      city_id: person.cityId,
      notes: person.notes,
    })),
  );
  await insertAll(
    db,
    'position',
    doc.persons.flatMap((person) =>
      person.positions.map((position) => ({
        id: position.id,
        person_id: person.id,
        title: position.title,
        organization_id: position.organizationId,
        city_id: position.cityId,
        started_on: position.startedOn,
        ended_on: position.endedOn,
      })),
    ),
  );
  await insertAll(
    db,
    'document',
    doc.documents.map((document) => ({
      ...stored(document),
      kind: document.kind,
      title: document.title,
      language: document.language,
      body: document.body,
      content_hash: document.contentHash,
      published_on: document.publishedOn,
      source_url: document.sourceUrl,
      file_name: document.fileName,
      extraction: json(document.extraction),
    })),
  );
  await insertAll(
    db,
    'visit',
    doc.visits.map((visit) => ({
      ...stored(visit),
      from_city_id: visit.fromCityId,
      to_city_id: visit.toCityId,
      start_date: visit.startDate,
      end_date: visit.endDate,
      start_time: visit.startTime,
      end_time: visit.endTime,
      kind: visit.kind,
      status: visit.status,
      head_person_id: visit.headPersonId,
      head_position: visit.headPosition,
      purpose: visit.purpose,
      outcomes: visit.outcomes,
    })),
  );
  await insertAll(
    db,
    'visit_member',
    doc.visits.flatMap((visit) =>
      visit.members.map((member) => ({ visit_id: visit.id, person_id: member.personId, role: member.role })),
    ),
  );
  await insertAll(
    db,
    'event',
    doc.events.map((event) => ({
      ...stored(event),
      name: event.name,
      kind: event.kind,
      city_id: event.cityId,
      start_date: event.startDate,
      end_date: event.endDate,
      start_time: event.startTime,
      end_time: event.endTime,
      visit_id: event.visitId,
      description: event.description,
    })),
  );
  await insertAll(
    db,
    'event_participant',
    doc.events.flatMap((event) =>
      event.participants.map((participant) => ({
        id: participant.id,
        event_id: event.id,
        city_id: participant.cityId,
        organization_id: participant.organizationId,
        person_id: participant.personId,
        role: participant.role,
      })),
    ),
  );
  await insertAll(
    db,
    'agreement',
    doc.agreements.map((agreement) => ({
      ...stored(agreement),
      kind: agreement.kind,
      title: agreement.title,
      status: agreement.status,
      signed_on: agreement.signedOn,
      signed_at_visit_id: agreement.signedAtVisitId,
      valid_from: agreement.validFrom,
      valid_until: agreement.validUntil,
      auto_renew: agreement.autoRenew,
      document_id: agreement.documentId,
      notes: agreement.notes,
    })),
  );
  await insertAll(
    db,
    'agreement_party',
    doc.agreements.flatMap((agreement) =>
      agreement.parties.map((party) => ({
        agreement_id: agreement.id,
        city_id: party.cityId,
        organization_id: party.organizationId,
      })),
    ),
  );
  await insertAll(
    db,
    'project',
    doc.projects.map((project) => ({
      ...stored(project),
      title: project.title,
      sphere: project.sphere,
      status: project.status,
      started_on: project.startedOn,
      ended_on: project.endedOn,
      description: project.description,
    })),
  );
  await insertAll(
    db,
    'project_party',
    doc.projects.flatMap((project) =>
      project.parties.map((party) => ({
        project_id: project.id,
        city_id: party.cityId,
        organization_id: party.organizationId,
      })),
    ),
  );
  await insertAll(
    db,
    'plan_item',
    doc.planItems.map((item) => ({
      ...stored(item),
      agreement_id: item.agreementId,
      title: item.title,
      responsible_organization_id: item.responsibleOrganizationId,
      responsible_person_id: item.responsiblePersonId,
      responsible_text: item.responsibleText,
      due_on: item.dueOn,
      status: item.status,
      done_on: item.doneOn,
      report: item.report,
    })),
  );
  await insertAll(
    db,
    'visit_program_item',
    doc.visitProgramItems.map((item) => ({
      ...stored(item),
      visit_id: item.visitId,
      kind: item.kind,
      title: item.title,
      day: item.day,
      organization_id: item.organizationId,
      event_id: item.eventId,
      agreement_id: item.agreementId,
      notes: item.notes,
      position: item.position,
    })),
  );
  await insertAll(
    db,
    'record_source',
    doc.recordSources.map((source) => ({
      id: source.id,
      document_id: source.documentId,
      record_type: source.recordType,
      record_id: source.recordId,
      span_start: source.spanStart,
      span_end: source.spanEnd,
      fact: json(source.fact),
    })),
  );
}

/**
 * The file's accounts, without passwords (the file never holds them). An e-mail this registry
 * has already (its first administrator) keeps its account as it is; an id taken here gives the
 * imported account a new one, harmless since no record of the file names an account.
 */
export async function writeAccounts(db: Db, users: Doc['users']): Promise<{ kept: string[] }> {
  const kept: string[] = [];
  for (const user of users) {
    const taken = await db
      .selectFrom('app_user')
      .select('id')
      .where(sql<string>`lower(email)`, '=', user.email.toLowerCase())
      .executeTakeFirst();
    if (taken) {
      kept.push(user.email);
      continue;
    }
    const idFree = !(await db
      .selectFrom('app_user')
      .select('id')
      .where('id', '=', user.id)
      .executeTakeFirst());
    const { id, ...columns } = stored(user);
    const row = await db
      .insertInto('app_user')
      .values({
        ...(idFree ? { id } : {}),
        ...columns,
        email: user.email,
        display_name: user.displayName,
        locale: user.locale,
        disabled: user.disabled,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertAll(
      db,
      'user_role',
      user.roles.map((grant) => ({
        user_id: row.id,
        role: grant.role,
        city_id: 'cityId' in grant ? grant.cityId : null,
        organization_id: 'organizationId' in grant ? grant.organizationId : null,
      })),
    );
  }
  return { kept };
}

/** The tables whose ids come from an identity sequence, which must move past the ids written. */
const IDENTITY_TABLES = [
  'twinning',
  'organization',
  'person',
  'position',
  'document',
  'visit',
  'event',
  'event_participant',
  'agreement',
  'agreement_party',
  'project',
  'project_party',
  'plan_item',
  'visit_program_item',
  'record_source',
  'app_user',
  'user_role',
] as const;

/** Moves every id sequence past the largest id now stored, so the next record made here gets a free one. */
export async function advanceSequences(db: Db): Promise<void> {
  for (const table of IDENTITY_TABLES) {
    await sql`
      SELECT setval(pg_get_serial_sequence(${table}, 'id'), coalesce(max(id), 0) + 1, false)
      FROM ${sql.table(table)}
    `.execute(db);
  }
  // Places users add draw ids from 1e9 upwards (GeoNames ids stay below).
  await sql`
    SELECT setval('city_user_id_seq', greatest(coalesce(max(id), 0) + 1, 1000000000), false)
    FROM city WHERE id >= 1000000000
  `.execute(db);
}
