import { partyValue, type Party, type PartyValue } from '../agreements/agreement-api.ts';
import type { Sphere } from '../organizations/organization-api.ts';

/** The shapes of the project routes the pages read (src/modules/projects/project.schema.ts). */
export const PROJECT_STATUSES = ['planned', 'active', 'completed', 'stopped'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export interface Project {
  id: number;
  version: number;
  updatedAt: string;
  title: string;
  sphere: Sphere;
  status: ProjectStatus;
  startedOn: string | null;
  endedOn: string | null;
  description: string | null;
  parties: Party[];
}

/** What the project form holds while the user types. */
export interface ProjectFormValues {
  title: string;
  sphere: Sphere;
  status: ProjectStatus;
  startedOn: string | null;
  endedOn: string | null;
  description: string;
  parties: PartyValue[];
}

/** The fields the API may report problems on, as the form names them. */
export const PROJECT_FORM_FIELDS = [
  'title',
  'sphere',
  'status',
  'startedOn',
  'endedOn',
  'description',
  'parties',
];

/** The form's values of a stored project, or of a new one between these parties. */
export function projectToForm(project: Project | null, parties: PartyValue[] = []): ProjectFormValues {
  return {
    title: project?.title ?? '',
    sphere: project?.sphere ?? 'other',
    status: project?.status ?? 'active',
    startedOn: project?.startedOn ?? null,
    endedOn: project?.endedOn ?? null,
    description: project?.description ?? '',
    parties: project ? project.parties.map(partyValue) : parties,
  };
}

/** The request body: blank text as null, the parties chosen (rows left empty are dropped). */
export function projectFormToBody(values: ProjectFormValues): Record<string, unknown> {
  const description = values.description.trim();
  return {
    title: values.title.trim(),
    sphere: values.sphere,
    status: values.status,
    startedOn: values.startedOn,
    endedOn: values.endedOn,
    description: description === '' ? null : description,
    parties: values.parties
      .filter((party) => party.id !== null)
      .map((party) =>
        party.type === 'city'
          ? { cityId: party.id, organizationId: null }
          : { cityId: null, organizationId: party.id },
      ),
  };
}

/** The checks the API makes, shown as the user types. */
export function validateProjectForm(values: ProjectFormValues, t: (key: string) => string) {
  return {
    title: values.title.trim() === '' ? t('validation.required') : null,
    endedOn:
      values.endedOn !== null && values.startedOn !== null && values.endedOn < values.startedOn
        ? t('validation.dateOrder')
        : null,
    parties:
      values.parties.filter((party) => party.id !== null).length < 2
        ? t('records:validation.twoParties')
        : null,
  };
}

/** The cities a project's parties belong to (an organization's city for an organization), once each. */
export function partyCityIds(project: Pick<Project, 'parties'>): number[] {
  return [...new Set(project.parties.map((party) => party.homeCityId))];
}
