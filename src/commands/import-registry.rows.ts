import { sql, type InsertObject, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { searchNames } from '../modules/cities/city.names.ts';
import type { RegistryExport } from '../reports/exports/export-registry.ts';

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

/** A column name as a field name: `city_a_id` → `cityAId`. */
type FieldName<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<FieldName<Tail>>}`
  : S;
/** A field name as a column name: `cityAId` → `city_a_id`. */
type ColumnName<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${ColumnName<Tail>}`
  : S;

/**
 * The named fields of a record under their column names (`cityAId` → `city_a_id`); the names are
 * checked against the columns of `_table`, so a field with no column is a type error.
 */
function columns<
  Table extends keyof Database,
  T,
  K extends keyof T & FieldName<keyof Database[Table] & string>,
>(_table: Table, record: T, fields: readonly K[]): { [F in K as ColumnName<F>]: T[F] } {
  const entries = fields.map((field) => [
    field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
    record[field],
  ]);
  return Object.fromEntries(entries) as { [F in K as ColumnName<F>]: T[F] };
}

/** Writes a table's rows made from the file. */
const fill =
  <T extends keyof Database>(table: T, rows: (doc: Doc) => Array<InsertObject<Database, T>>) =>
  (db: Db, doc: Doc) =>
    insertAll(db, table, rows(doc));

/** Every table of records but cities and accounts, in an order that keeps references valid. */
const RECORD_TABLES = [
  fill('home_city', (doc) =>
    doc.homeCities.map((home) => columns('home_city', home, ['cityId', 'published'])),
  ),
  fill('twinning', (doc) =>
    doc.twinnings.map((twinning) => ({
      ...stored(twinning),
      ...columns('twinning', twinning, [
        'cityAId',
        'cityBId',
        'tier',
        'status',
        'establishedOn',
        'establishedYear',
        'endedOn',
        'notes',
        'source',
        'sourceRef',
      ]),
    })),
  ),
  fill('organization', (doc) =>
    doc.organizations.map((org) => ({
      ...stored(org),
      ...columns('organization', org, [
        'cityId',
        'name',
        'shortName',
        'kind',
        'sphere',
        'address',
        'website',
        'email',
        'phones',
        'notes',
      ]),
    })),
  ),
  fill('person', (doc) =>
    doc.persons.map((person) => ({
      ...stored(person),
      ...columns('person', person, [
        'fullName',
        'firstName',
        'patronymic',
        'lastName',
        'cityId',
        'notes',
        'email',
        'phones',
        'address',
        'salutation',
        'birthday',
        'languages',
      ]),
    })),
  ),
  fill('position', (doc) =>
    doc.persons.flatMap((person) =>
      person.positions.map((position) => ({
        person_id: person.id,
        ...columns('position', position, [
          'id',
          'title',
          'organizationId',
          'cityId',
          'startedOn',
          'endedOn',
          'headsCity',
        ]),
      })),
    ),
  ),
  fill('document', (doc) =>
    doc.documents.map((document) => ({
      ...stored(document),
      ...columns('document', document, [
        'kind',
        'title',
        'language',
        'body',
        'contentHash',
        'publishedOn',
        'sourceUrl',
        'fileName',
      ]),
      extraction: json(document.extraction),
    })),
  ),
  fill('visit', (doc) =>
    doc.visits.map((visit) => ({
      ...stored(visit),
      ...columns('visit', visit, [
        'fromCityId',
        'toCityId',
        'startDate',
        'endDate',
        'startTime',
        'endTime',
        'kind',
        'status',
        'headPersonId',
        'headPosition',
        'purpose',
        'outcomes',
      ]),
    })),
  ),
  fill('visit_member', (doc) =>
    doc.visits.flatMap((visit) =>
      visit.members.map((member) => ({
        visit_id: visit.id,
        ...columns('visit_member', member, ['personId', 'role']),
      })),
    ),
  ),
  fill('event', (doc) =>
    doc.events.map((event) => ({
      ...stored(event),
      ...columns('event', event, [
        'name',
        'kind',
        'cityId',
        'startDate',
        'endDate',
        'startTime',
        'endTime',
        'visitId',
        'description',
      ]),
    })),
  ),
  fill('event_participant', (doc) =>
    doc.events.flatMap((event) =>
      event.participants.map((participant) => ({
        event_id: event.id,
        ...columns('event_participant', participant, ['id', 'cityId', 'organizationId', 'personId', 'role']),
      })),
    ),
  ),
  fill('agreement', (doc) =>
    doc.agreements.map((agreement) => ({
      ...stored(agreement),
      ...columns('agreement', agreement, [
        'kind',
        'title',
        'status',
        'signedOn',
        'signedAtVisitId',
        'validFrom',
        'validUntil',
        'autoRenew',
        'documentId',
        'notes',
        'stage',
      ]),
    })),
  ),
  fill('agreement_stage', (doc) =>
    doc.agreementStages.map((entry) => ({
      ...columns('agreement_stage', entry, [
        'id',
        'agreementId',
        'stage',
        'enteredOn',
        'approver',
        'registrationNumber',
        'registrationBody',
        'endReason',
        'note',
      ]),
      // Accounts may get new ids on import (writeAccounts); who moved the stage is in the audit trail.
      created_by: null,
      created_at: at(entry.createdAt),
    })),
  ),
  fill('agreement_party', (doc) =>
    doc.agreements.flatMap((agreement) =>
      agreement.parties.map((party) => ({
        agreement_id: agreement.id,
        ...columns('agreement_party', party, ['cityId', 'organizationId']),
      })),
    ),
  ),
  fill('project', (doc) =>
    doc.projects.map((project) => ({
      ...stored(project),
      ...columns('project', project, ['title', 'sphere', 'status', 'startedOn', 'endedOn', 'description']),
    })),
  ),
  fill('project_party', (doc) =>
    doc.projects.flatMap((project) =>
      project.parties.map((party) => ({
        project_id: project.id,
        ...columns('project_party', party, ['cityId', 'organizationId']),
      })),
    ),
  ),
  fill('plan_item', (doc) =>
    doc.planItems.map((item) => ({
      ...stored(item),
      ...columns('plan_item', item, [
        'agreementId',
        'title',
        'responsibleOrganizationId',
        'responsiblePersonId',
        'responsibleText',
        'dueOn',
        'status',
        'doneOn',
        'report',
      ]),
    })),
  ),
  fill('visit_program_item', (doc) =>
    doc.visitProgramItems.map((item) => ({
      ...stored(item),
      ...columns('visit_program_item', item, [
        'visitId',
        'kind',
        'title',
        'day',
        'startTime',
        'endTime',
        'organizationId',
        'eventId',
        'agreementId',
        'notes',
        'position',
      ]),
    })),
  ),
  fill('record_source', (doc) =>
    doc.recordSources.map((source) => ({
      ...columns('record_source', source, [
        'id',
        'documentId',
        'recordType',
        'recordId',
        'spanStart',
        'spanEnd',
      ]),
      fact: json(source.fact),
    })),
  ),
];

/** Every record of the file but cities and accounts, with its id, in an order that keeps references valid. */
export async function writeRecords(db: Db, doc: Doc): Promise<void> {
  for (const write of RECORD_TABLES) await write(db, doc);
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
  'agreement_stage',
  'project',
  'project_party',
  'plan_item',
  'visit_program_item',
  'record_source',
  'app_user',
  'user_role',
  'attached_file',
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
