import { readFile, rename, writeFile } from 'node:fs/promises';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { validationFailed } from '../../errors.ts';
import { agreementSchema } from '../../modules/agreements/agreement.schema.ts';
import { toStageEntry } from '../../modules/agreements/agreement-stage.repository.ts';
import { agreementStageEntrySchema } from '../../modules/agreements/agreement-stage.schema.ts';
import { listAgreements } from '../../modules/agreements/agreement.service.ts';
import { parseInput } from '../../modules/audit/audited-write.ts';
import { isoTimestamp } from '../../modules/audit/audit.repository.ts';
import { everyPage } from '../../modules/audit/cursor-page.ts';
import { toCity } from '../../modules/cities/city.repository.ts';
import { citySchema } from '../../modules/cities/city.schema.ts';
import { toDocument } from '../../modules/documents/document.repository.ts';
import { documentSchema, recordSourceSchema } from '../../modules/documents/document.schema.ts';
import { toRecordSource } from '../../modules/documents/record-source.repository.ts';
import { eventSchema } from '../../modules/events/event.schema.ts';
import { listEvents } from '../../modules/events/event.service.ts';
import { organizationSchema } from '../../modules/organizations/organization.schema.ts';
import { listOrganizations } from '../../modules/organizations/organization.service.ts';
import { personSchema } from '../../modules/persons/person.schema.ts';
import { contactEmailSchema, phonesSchema } from '../../modules/persons/contact.schema.ts';
import { listPersons } from '../../modules/persons/person.service.ts';
import { planItemSchema } from '../../modules/plans/plan-item.schema.ts';
import { listPlanItems } from '../../modules/plans/plan-item.service.ts';
import { projectSchema } from '../../modules/projects/project.schema.ts';
import { listProjects } from '../../modules/projects/project.service.ts';
import { toTwinning } from '../../modules/twinnings/twinning.repository.ts';
import { twinningSchema } from '../../modules/twinnings/twinning.schema.ts';
import { userSchema } from '../../modules/users/user.schema.ts';
import { listUsers } from '../../modules/users/user.service.ts';
import { listVisits } from '../../modules/visits/visit.service.ts';
import { visitSchema } from '../../modules/visits/visit.schema.ts';
import { toProgramItem } from '../../modules/visit-program/program-item.repository.ts';
import { programItemSchema } from '../../modules/visit-program/program-item.schema.ts';
import { exportedFileSchema, exportFiles } from '../../modules/files/file.export.ts';

/** The version of the export format; an import reads the versions it knows and refuses the rest. */
export const EXPORT_FORMAT_VERSION = 1;

/**
 * When a record was made: not part of the records' API shapes, but lists sort by it, so an export
 * keeps it (optional: files written before it was kept still read).
 */
const created = { createdAt: z.iso.datetime().optional() };

/** Contacts were added within version 1 (migration 0026): a file written before them reads with none. */
const contactsSince0026 = { email: contactEmailSchema.default(null), phones: phonesSchema.default([]) };
const personContactsSince0026 = {
  ...contactsSince0026,
  address: personSchema.shape.address.default(null),
  salutation: personSchema.shape.salutation.default(null),
  birthday: personSchema.shape.birthday.default(null),
  languages: personSchema.shape.languages.default([]),
};

/**
 * One JSON document with every record users keep: the records in their domain shapes (the same
 * schemas the services return), and only the cities they refer to or that users added, never the
 * whole gazetteer. Accounts come without secrets; the audit trail stays in the database.
 */
export const registryExportSchema = z.object({
  format: z.literal('pobratim-registry'),
  formatVersion: z.literal(EXPORT_FORMAT_VERSION),
  exportedAt: z.iso.datetime(),
  cities: z.array(citySchema.extend(created)),
  homeCities: z.array(z.object({ cityId: z.number().int(), published: z.boolean() })),
  twinnings: z.array(twinningSchema.extend(created)),
  organizations: z.array(organizationSchema.extend(created).extend(contactsSince0026)),
  persons: z.array(personSchema.extend(created).extend(personContactsSince0026)),
  visits: z.array(visitSchema.extend(created)),
  // Added within version 1: a file written before visit programs existed reads with none.
  // Their times were added within version 1 too: an item of an older file has none.
  visitProgramItems: z
    .array(
      programItemSchema.extend({
        ...created,
        startTime: programItemSchema.shape.startTime.default(null),
        endTime: programItemSchema.shape.endTime.default(null),
      }),
    )
    .default([]),
  agreements: z.array(agreementSchema.extend(created)),
  // Added within version 1: the agreements' legal paths (migration 0023); older files have none.
  // Who moved a stage stays in the audit trail, as accounts may get other ids on import.
  agreementStages: z.array(agreementStageEntrySchema.omit({ createdBy: true })).default([]),
  planItems: z.array(planItemSchema.extend(created)),
  projects: z.array(projectSchema.extend(created)),
  events: z.array(eventSchema.extend(created)),
  documents: z.array(documentSchema.extend(created)),
  recordSources: z.array(recordSourceSchema),
  users: z.array(userSchema.extend(created)),
  // Added within version 1: attached files with their bytes (migration 0019); older files have none.
  files: z.array(exportedFileSchema).default([]),
});
export type RegistryExport = z.infer<typeof registryExportSchema>;

/** Every page of a list, one after the other, through its cursor. */
// Every column that refers to a city, and the cities users added themselves.
const REFERENCED_CITY_IDS = sql`
  SELECT city_id FROM organization UNION SELECT city_id FROM person UNION SELECT city_id FROM position
  UNION SELECT from_city_id FROM visit UNION SELECT to_city_id FROM visit
  UNION SELECT city_id FROM event UNION SELECT city_id FROM event_participant
  UNION SELECT city_id FROM agreement_party UNION SELECT city_id FROM project_party
  UNION SELECT city_a_id FROM twinning UNION SELECT city_b_id FROM twinning
  UNION SELECT city_id FROM user_role UNION SELECT city_id FROM home_city
  UNION SELECT record_id FROM record_source WHERE record_type = 'city'
  UNION SELECT id FROM city WHERE source = 'user'
`;

type CreatedTable =
  | 'city'
  | 'twinning'
  | 'organization'
  | 'person'
  | 'visit'
  | 'visit_program_item'
  | 'agreement'
  | 'plan_item'
  | 'project'
  | 'event'
  | 'document'
  | 'app_user';

/** Reads every user record into one export document, from one consistent snapshot when run in one. */
export async function exportRegistry(db: Kysely<Database>): Promise<RegistryExport> {
  const cityRows = await db
    .selectFrom('city')
    .selectAll()
    .where('id', 'in', sql<number>`(${REFERENCED_CITY_IDS})`)
    .orderBy('id')
    .execute();
  const twinnings = await db.selectFrom('twinning').selectAll().orderBy('id').execute();
  const homeCities = await db.selectFrom('home_city').selectAll().orderBy('city_id').execute();
  const documents = await db.selectFrom('document').selectAll().orderBy('id').execute();
  const sources = await db.selectFrom('record_source').selectAll().orderBy('id').execute();
  const programItems = await db.selectFrom('visit_program_item').selectAll().orderBy('id').execute();
  const stamped = async <T extends { id: number }>(table: CreatedTable, records: T[]) => {
    const rows = await sql<{ id: number; created_at: Date | string }>`
      SELECT id, created_at FROM ${sql.table(table)}
    `.execute(db);
    const createdAt = new Map(rows.rows.map((row) => [row.id, isoTimestamp(row.created_at)]));
    return records.map((record) => ({ ...record, createdAt: createdAt.get(record.id) }));
  };
  return {
    format: 'pobratim-registry',
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt: new Date().toISOString(),
    cities: await stamped('city', cityRows.map(toCity)),
    homeCities: homeCities.map((row) => ({ cityId: row.city_id, published: row.published })),
    twinnings: await stamped('twinning', twinnings.map(toTwinning)),
    organizations: await stamped('organization', await everyPage((query) => listOrganizations(db, query))),
    persons: await stamped('person', await everyPage((query) => listPersons(db, query))),
    visits: await stamped('visit', await everyPage((query) => listVisits(db, query))),
    visitProgramItems: await stamped('visit_program_item', programItems.map(toProgramItem)),
    agreements: await stamped('agreement', await everyPage((query) => listAgreements(db, query))),
    agreementStages: (await db.selectFrom('agreement_stage').selectAll().orderBy('id').execute()).map(
      (row) => {
        const { createdBy: _by, ...entry } = toStageEntry(row);
        return entry;
      },
    ),
    planItems: await stamped('plan_item', await everyPage((query) => listPlanItems(db, query))),
    projects: await stamped('project', await everyPage((query) => listProjects(db, query))),
    events: await stamped('event', await everyPage((query) => listEvents(db, query))),
    documents: await stamped('document', documents.map(toDocument)),
    recordSources: sources.map(toRecordSource),
    users: await stamped('app_user', await everyPage((query) => listUsers(db, query))),
    files: await exportFiles(db),
  };
}

/** How many records of each kind an export holds, for the command's summary line. */
export function countExported(document: RegistryExport): Record<string, number> {
  return Object.fromEntries(
    Object.entries(document as Record<string, unknown>)
      .filter((entry): entry is [string, unknown[]] => Array.isArray(entry[1]))
      .map(([kind, records]) => [kind, records.length]),
  );
}

/**
 * Exports from one snapshot (records changed meanwhile are seen all before or all after) into
 * `file`, written beside it and renamed so an interrupted export never leaves half a file.
 */
export async function writeRegistryExport(db: Kysely<Database>, file: string): Promise<RegistryExport> {
  const document = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute((trx) => exportRegistry(trx));
  const partial = `${file}.partial`;
  await writeFile(partial, `${JSON.stringify(document, null, 2)}\n`, 'utf8');
  await rename(partial, file);
  return document;
}

/**
 * Reads an export back, checked against the schema it was written with: what an import starts
 * from. A file of another format or version is refused with what it is, before any record is read.
 */
export async function readRegistryExport(file: string): Promise<RegistryExport> {
  let document: unknown;
  try {
    document = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw validationFailed(
      `${file} is not a readable JSON file: ${error instanceof Error ? error.message : error}`,
    );
  }
  const header = z.object({ format: z.string(), formatVersion: z.number() }).safeParse(document);
  if (!header.success || header.data.format !== 'pobratim-registry') {
    throw validationFailed(`${file} is not a Pobratim registry export.`);
  }
  if (header.data.formatVersion !== EXPORT_FORMAT_VERSION) {
    throw validationFailed(
      `${file} is export format version ${header.data.formatVersion}; this Pobratim reads version ${EXPORT_FORMAT_VERSION}.`,
    );
  }
  return parseInput(registryExportSchema, document);
}
