import { partyScopeIds } from '../agreements/agreement.record.ts';
import type { PartyInput } from '../agreements/party.schema.ts';
import type { RecordRoutesDefinition } from '../audit/record-definition.ts';
import { resolveScope } from '../auth/record-scope.ts';
import { findProjectById } from './project.repository.ts';
import {
  projectCreateSchema,
  projectListQuerySchema,
  projectSchema,
  projectUpdateSchema,
  type Project,
} from './project.schema.ts';
import { createProject, deleteProject, listProjects, updateProject } from './project.service.ts';

/** /api/projects: like an agreement, a project belongs to its parties. */
export const projectRecord: RecordRoutesDefinition<Project> = {
  path: 'projects',
  what: 'Project',
  recordType: 'project',
  schemas: {
    record: projectSchema,
    create: projectCreateSchema,
    update: projectUpdateSchema,
    list: projectListQuerySchema,
  },
  find: findProjectById,
  list: listProjects,
  create: createProject,
  update: updateProject,
  remove: deleteProject,
  scopeOf: (db, project) => resolveScope(db, partyScopeIds(project.parties), { publishable: true }),
  scopeOfInput: (db, input, stored) =>
    resolveScope(
      db,
      partyScopeIds((input.parties as Array<Partial<PartyInput>> | undefined) ?? stored?.parties ?? []),
    ),
};
