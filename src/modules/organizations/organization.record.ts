import type { RecordRoutesDefinition } from '../audit/record-definition.ts';
import { resolveScope } from '../auth/record-scope.ts';
import { findOrganizationById } from './organization.repository.ts';
import {
  organizationCreateSchema,
  organizationListQuerySchema,
  organizationSchema,
  organizationUpdateSchema,
  type Organization,
} from './organization.schema.ts';
import {
  createOrganization,
  deleteOrganization,
  listOrganizations,
  updateOrganization,
} from './organization.service.ts';

/** /api/organizations: an organization belongs to its city, and to its own editors. */
export const organizationRecord: RecordRoutesDefinition<Organization> = {
  path: 'organizations',
  what: 'Organization',
  recordType: 'organization',
  schemas: {
    record: organizationSchema,
    create: organizationCreateSchema,
    update: organizationUpdateSchema,
    list: organizationListQuerySchema,
  },
  find: findOrganizationById,
  list: listOrganizations,
  create: createOrganization,
  update: updateOrganization,
  remove: deleteOrganization,
  scopeOf: (db, organization) =>
    resolveScope(
      db,
      { cityIds: [organization.cityId], organizationIds: [organization.id] },
      { publishable: true, partnerKept: true },
    ),
  // Where the organization would be: its city alone (its own id would bring its current city along,
  // and let a move into another city pass as staying).
  scopeOfInput: (db, input, stored) =>
    resolveScope(
      db,
      { cityIds: [(input.cityId as number | undefined) ?? stored?.cityId] },
      { partnerKept: true },
    ),
};
