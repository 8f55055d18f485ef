import type { Expression, Kysely, SqlBool } from 'kysely';
import type { Database } from '../../db/database.ts';
import { replaceParties } from '../agreements/party.repository.ts';
import type { Actor } from '../audit/audit.schema.ts';
import { createAudited, deleteAudited, updateAudited, type AuditedRecord } from '../audit/audited-record.ts';
import { parseInput } from '../audit/audited-write.ts';
import type { Page } from '../audit/cursor-page.ts';
import { recordIdSchema } from '../audit/fields.schema.ts';
import {
  deleteProjectRow,
  findProjectById,
  insertProject,
  selectProjectPage,
  selectProjectsBetweenCities,
  updateProjectRow,
} from './project.repository.ts';
import {
  projectCreateSchema,
  projectListQuerySchema,
  projectUpdateSchema,
  type Project,
} from './project.schema.ts';

const PROJECT: AuditedRecord<Project> = { what: 'Project', recordType: 'project', findById: findProjectById };

/** Records a project with its parties in one transaction, audited; fewer than two parties is refused. */
export async function createProject(db: Kysely<Database>, actor: Actor, input: unknown): Promise<Project> {
  const values = parseInput(projectCreateSchema, input);
  return createAudited(db, actor, PROJECT, values, async (trx) => {
    const id = await insertProject(trx, values);
    await replaceParties(trx, 'project_party', id, values.parties);
    return id;
  });
}

/** Changes a project (and its parties when given) if the editor saw the current version. */
export async function updateProject(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  input: unknown,
): Promise<Project> {
  const change = parseInput(projectUpdateSchema, input);
  return updateAudited(db, actor, PROJECT, id, change, async (trx) => {
    if (!(await updateProjectRow(trx, id, change))) return false;
    if (change.parties) await replaceParties(trx, 'project_party', id, change.parties);
    return true;
  });
}

/** Deletes a project with its parties; the audit trail keeps what it was. */
export async function deleteProject(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  version: number,
): Promise<void> {
  await deleteAudited(db, actor, PROJECT, id, version, deleteProjectRow);
}

/**
 * Lists projects by status, sphere, city or organization, a page at a time; `restrict` keeps the rows the
 * asker may read.
 */
export async function listProjects(
  db: Kysely<Database>,
  query: unknown,
  restrict?: Expression<SqlBool>,
): Promise<Page<Project>> {
  return selectProjectPage(db, parseInput(projectListQuerySchema, query), restrict);
}

/** The projects under the twinning of two cities: theirs and their institutions' (a query, no copies). */
export async function listProjectsUnderTwinning(
  db: Kysely<Database>,
  cityAId: number,
  cityBId: number,
): Promise<Project[]> {
  return selectProjectsBetweenCities(
    db,
    parseInput(recordIdSchema, cityAId),
    parseInput(recordIdSchema, cityBId),
  );
}
