import { z } from 'zod';
import type { OrganizationKind, Sphere } from '../../db/database.ts';
import {
  optionalTextSchema,
  queryIdSchema,
  recordIdSchema,
  searchTextSchema,
  storedFields,
  textSchema,
  versionSchema,
} from '../audit/fields.schema.ts';
import { pageQuerySchema, sortSchema } from '../audit/cursor-page.ts';
import { nameProblem, normalizeName } from '../auth/email.ts';
import { contactFields } from '../persons/contact.schema.ts';

/** What kind of institution an organization is. */
export const organizationKindSchema = z.enum([
  'school',
  'gymnasium',
  'lyceum',
  'college',
  'university',
  'kindergarten',
  'library',
  'museum',
  'theatre',
  'culture_house',
  'enterprise',
  'hospital',
  'sport_club',
  'administration',
  'council',
  'association',
  'media',
  'other',
] as const satisfies readonly OrganizationKind[]);

/** The sphere of cooperation, shared by organizations and projects. */
export const sphereSchema = z.enum([
  'education',
  'culture',
  'sport',
  'industry',
  'health',
  'business',
  'government',
  'media',
  'science',
  'other',
] as const satisfies readonly Sphere[]);

const organizationFields = z.object({
  cityId: recordIdSchema,
  name: textSchema,
  shortName: optionalTextSchema,
  kind: organizationKindSchema,
  sphere: sphereSchema,
  address: optionalTextSchema,
  website: optionalTextSchema,
  ...contactFields,
  notes: optionalTextSchema,
});

/**
 * An organization's name as written: it identifies the organization in its city (unique there), so
 * look-alikes are normalized or refused (`normalizeName`, `nameProblem`). Only on the way in: a name
 * stored before the check is still shown.
 */
const organizationNameSchema = textSchema.overwrite(normalizeName).superRefine((name, context) => {
  const problem = nameProblem(name);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});

/** A new organization: its city and name; the rest may follow later. */
export const organizationCreateSchema = organizationFields
  .partial()
  .required({ cityId: true })
  .extend({ name: organizationNameSchema });
export type OrganizationCreate = z.infer<typeof organizationCreateSchema>;

/** A change to an organization: the fields to change and the version the editor saw. */
export const organizationUpdateSchema = organizationFields
  .partial()
  .extend({ name: organizationNameSchema.optional(), version: versionSchema });
export type OrganizationUpdate = z.infer<typeof organizationUpdateSchema>;

/** An organization as the registry shows it. */
export const organizationSchema = organizationFields.extend(storedFields);
export type Organization = z.infer<typeof organizationSchema>;

/** The fields an organization list can be sorted by (`sort=`). */
export const ORGANIZATION_SORTS = ['name', 'kind', 'sphere', 'createdAt', 'updatedAt'] as const;

/** The organizations of a city by sphere and kind, or those whose name contains `q`. */
export const organizationListQuerySchema = pageQuerySchema.extend({
  sort: sortSchema(ORGANIZATION_SORTS),
  cityId: queryIdSchema.optional(),
  sphere: sphereSchema.optional(),
  kind: organizationKindSchema.optional(),
  q: searchTextSchema.optional(),
});
export type OrganizationListQuery = z.infer<typeof organizationListQuerySchema>;
