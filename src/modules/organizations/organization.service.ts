import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { insertAuditEntry } from '../audit/audit.repository.ts';
import type { Actor } from '../audit/audit.schema.ts';
import { assertVersion, inTransaction, parseInput, updateVersioned } from '../audit/audited-write.ts';
import type { Page } from '../audit/cursor-page.ts';
import {
  deleteOrganizationRow,
  findOrganizationById,
  findOrganizationByIdOrThrow,
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

/** Creates an organization and records it in the audit trail. */
export async function createOrganization(
  db: Kysely<Database>,
  actor: Actor,
  input: unknown,
): Promise<Organization> {
  const values = parseInput(organizationCreateSchema, input);
  return inTransaction(db, async (trx) => {
    const created = await findOrganizationByIdOrThrow(trx, await insertOrganization(trx, values));
    await insertAuditEntry(trx, {
      actor,
      action: 'create',
      recordType: 'organization',
      recordId: created.id,
      after: created,
    });
    return created;
  });
}

/** Changes an organization when the editor saw its current version; a stale version is refused. */
export async function updateOrganization(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  input: unknown,
): Promise<Organization> {
  const change = parseInput(organizationUpdateSchema, input);
  return inTransaction(db, async (trx) => {
    const { before, after } = await updateVersioned({
      what: 'Organization',
      id,
      expectedVersion: change.version,
      load: () => findOrganizationById(trx, id),
      update: () => updateOrganizationRow(trx, id, change),
    });
    await insertAuditEntry(trx, {
      actor,
      action: 'update',
      recordType: 'organization',
      recordId: id,
      before,
      after,
    });
    return after;
  });
}

/** Deletes an organization (refused while agreements or people refer to it); the audit trail keeps it. */
export async function deleteOrganization(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  version: number,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const before = await findOrganizationById(trx, id);
    assertVersion('Organization', id, before, version);
    await deleteOrganizationRow(trx, id);
    await insertAuditEntry(trx, {
      actor,
      action: 'delete',
      recordType: 'organization',
      recordId: id,
      before,
    });
  });
}

/** Lists organizations by city, sphere, kind or name, a page at a time. */
export async function listOrganizations(db: Kysely<Database>, query: unknown): Promise<Page<Organization>> {
  return selectOrganizationPage(db, parseInput(organizationListQuerySchema, query));
}
