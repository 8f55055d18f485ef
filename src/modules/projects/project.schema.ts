import { z } from 'zod';
import type { ProjectStatus } from '../../db/database.ts';
import { partiesSchema, partySchema } from '../agreements/party.schema.ts';
import { pageQuerySchema, sortSchema } from '../audit/cursor-page.ts';
import {
  isoDateSchema,
  optionalTextSchema,
  queryIdSchema,
  storedFields,
  textSchema,
  versionSchema,
} from '../audit/fields.schema.ts';
import { sphereSchema } from '../organizations/organization.schema.ts';

/** Where a project stands. */
export const projectStatusSchema = z.enum([
  'planned',
  'active',
  'completed',
  'stopped',
] as const satisfies readonly ProjectStatus[]);

const projectFields = z.object({
  title: textSchema,
  sphere: sphereSchema,
  status: projectStatusSchema,
  startedOn: isoDateSchema.nullable(),
  endedOn: isoDateSchema.nullable(),
  description: optionalTextSchema,
});

const dateOrder = (project: { startedOn?: string | null; endedOn?: string | null }) =>
  !project.startedOn || !project.endedOn || project.endedOn >= project.startedOn;
const dateOrderProblem = { message: 'A project cannot end before it starts.', path: ['endedOn'] };

/** A new project of ongoing cooperation between two or more parties. */
export const projectCreateSchema = projectFields
  .partial()
  .required({ title: true })
  .extend({ parties: partiesSchema })
  .refine(dateOrder, dateOrderProblem);
export type ProjectCreate = z.infer<typeof projectCreateSchema>;

/** A change to a project; `parties`, when given, replaces them (still two or more). */
export const projectUpdateSchema = projectFields
  .partial()
  .extend({ parties: partiesSchema.optional(), version: versionSchema })
  .refine(dateOrder, dateOrderProblem);
export type ProjectUpdate = z.infer<typeof projectUpdateSchema>;

/** A project with its parties. */
export const projectSchema = projectFields.extend(storedFields).extend({ parties: z.array(partySchema) });
export type Project = z.infer<typeof projectSchema>;

/** The fields a project list can be sorted by (`sort=`). */
export const PROJECT_SORTS = [
  'startedOn',
  'endedOn',
  'title',
  'status',
  'sphere',
  'createdAt',
  'updatedAt',
] as const;

/** Projects by status and sphere, of a city or of an organization. */
export const projectListQuerySchema = pageQuerySchema.extend({
  sort: sortSchema(PROJECT_SORTS),
  status: projectStatusSchema.optional(),
  sphere: sphereSchema.optional(),
  cityId: queryIdSchema.optional(),
  organizationId: queryIdSchema.optional(),
});
export type ProjectListQuery = z.infer<typeof projectListQuerySchema>;
