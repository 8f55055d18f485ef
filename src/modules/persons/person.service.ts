import type { Expression, Kysely, SqlBool } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Actor } from '../audit/audit.schema.ts';
import { createAudited, deleteAudited, updateAudited, type AuditedRecord } from '../audit/audited-record.ts';
import { parseInput } from '../audit/audited-write.ts';
import type { Page } from '../audit/cursor-page.ts';
import {
  deletePersonRow,
  findPersonById,
  insertPerson,
  selectPersonPage,
  updatePersonRow,
} from './person.repository.ts';
import { splitFullName } from './person-name.ts';
import { replacePositions } from './position.repository.ts';
import {
  personCreateSchema,
  personListQuerySchema,
  personUpdateSchema,
  type Person,
} from './person.schema.ts';

/**
 * The name parts to store: as given, or, when none is given with a full name, read from it (so
 * lists sort by surname whether the editor typed «Вадим Щербаков» or «Щербаков Вадим Николаевич»).
 */
function withNameParts<
  T extends { fullName?: string; firstName?: unknown; patronymic?: unknown; lastName?: unknown },
>(values: T): T {
  const noneGiven =
    values.firstName === undefined && values.patronymic === undefined && values.lastName === undefined;
  return values.fullName !== undefined && noneGiven
    ? { ...values, ...splitFullName(values.fullName) }
    : values;
}

const PERSON: AuditedRecord<Person> = { what: 'Person', recordType: 'person', findById: findPersonById };

/** Creates a person with their positions, in one transaction, and audits it. */
export async function createPerson(db: Kysely<Database>, actor: Actor, input: unknown): Promise<Person> {
  const values = withNameParts(parseInput(personCreateSchema, input));
  return createAudited(db, actor, PERSON, values, async (trx) => {
    const id = await insertPerson(trx, values);
    await replacePositions(trx, id, values.positions);
    return id;
  });
}

/** Changes a person (and replaces their positions when given) if the editor saw the current version. */
export async function updatePerson(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  input: unknown,
): Promise<Person> {
  const change = withNameParts(parseInput(personUpdateSchema, input));
  return updateAudited(db, actor, PERSON, id, change, async (trx) => {
    if (!(await updatePersonRow(trx, id, change))) return false;
    if (change.positions) await replacePositions(trx, id, change.positions);
    return true;
  });
}

/** Deletes a person with their positions (refused while visits or plans name them); audited. */
export async function deletePerson(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  version: number,
): Promise<void> {
  await deleteAudited(db, actor, PERSON, id, version, deletePersonRow);
}

/**
 * Lists people by city, organization or name, a page at a time; `restrict` keeps the rows the asker may read.
 */
export async function listPersons(
  db: Kysely<Database>,
  query: unknown,
  restrict?: Expression<SqlBool>,
): Promise<Page<Person>> {
  return selectPersonPage(db, parseInput(personListQuerySchema, query), restrict);
}
