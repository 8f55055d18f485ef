import type { Expression, Kysely, SqlBool } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Actor } from '../audit/audit.schema.ts';
import { createAudited, deleteAudited, updateAudited, type AuditedRecord } from '../audit/audited-record.ts';
import { parseInput } from '../audit/audited-write.ts';
import type { Page } from '../audit/cursor-page.ts';
import {
  deleteOrganizationRow,
  findOrganizationById,
  insertOrganization,
  selectOrganizationPage,
  updateOrganizationRow,
} from './organization.repository.ts';
import {
  organizationCreateSchema,
  organizationListQuerySchema,
  organizationUpdateSchema,
  type Organization,
} from './organization.schema.ts';

const ORGANIZATION: AuditedRecord<Organization> = {
  what: 'Organization',
  recordType: 'organization',
  findById: findOrganizationById,
};

/** Creates an organization and records it in the audit trail. */
export async function createOrganization(
  db: Kysely<Database>,
  actor: Actor,
  input: unknown,
): Promise<Organization> {
  return createAudited(
    db,
    actor,
    ORGANIZATION,
    parseInput(organizationCreateSchema, input),
    insertOrganization,
  );
}

/** Changes an organization when the editor saw its current version; a stale version is refused. */
export async function updateOrganization(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  input: unknown,
): Promise<Organization> {
  return updateAudited(
    db,
    actor,
    ORGANIZATION,
    id,
    parseInput(organizationUpdateSchema, input),
    updateOrganizationRow,
  );
}

/** Deletes an organization (refused while agreements or people refer to it); the audit trail keeps it. */
export async function deleteOrganization(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  version: number,
): Promise<void> {
  await deleteAudited(db, actor, ORGANIZATION, id, version, deleteOrganizationRow);
}

/**
 * Lists organizations by city, sphere, kind or name, a page at a time; `restrict` keeps the rows the asker
 * may read.
 */
export async function listOrganizations(
  db: Kysely<Database>,
  query: unknown,
  restrict?: Expression<SqlBool>,
): Promise<Page<Organization>> {
  return selectOrganizationPage(db, parseInput(organizationListQuerySchema, query), restrict);
}
