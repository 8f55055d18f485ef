import { Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { editorCityId, editorOrganizationId } from '../../app/access.ts';
import { canWrite, useMe } from '../../app/auth.tsx';
import type { ConflictField } from '../../components/ConflictDialog.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { DateField } from '../../components/record-form/DateField.tsx';
import { LoadRecord } from '../../components/record-form/LoadRecord.tsx';
import { RecordForm } from '../../components/record-form/RecordForm.tsx';
import { useRecordSave, type RecordSave } from '../../components/record-form/useRecordSave.ts';
import { useFormat } from '../../i18n/format.ts';
import { SPHERES } from '../organizations/organization-api.ts';
import { NotAllowed } from '../organizations/RecordLoader.tsx';
import { type PartyValue } from '../agreements/agreement-api.ts';
import { PartiesFieldset } from '../agreements/PartiesFieldset.tsx';
import {
  PROJECT_FORM_FIELDS,
  PROJECT_STATUSES,
  projectFormToBody,
  projectToForm,
  validateProjectForm,
  type Project,
  type ProjectFormValues,
} from './project-api.ts';

function useProjectForm(initial: ProjectFormValues) {
  const { t } = useTranslation();
  return useForm<ProjectFormValues>({
    mode: 'controlled',
    initialValues: initial,
    validateInputOnChange: ['title', 'startedOn', 'endedOn'],
    validate: (values) => validateProjectForm(values, t),
  });
}

function ProjectForm({ form, save }: { form: UseFormReturnType<ProjectFormValues>; save: RecordSave }) {
  const { t } = useTranslation('projects');
  const { t: tr } = useTranslation('records');
  return (
    <RecordForm save={save}>
      <TextInput label={t('fields.title')} withAsterisk {...form.getInputProps('title')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('fields.status')}
          withAsterisk
          allowDeselect={false}
          data={PROJECT_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('status')}
        />
        <Select
          label={t('fields.sphere')}
          withAsterisk
          allowDeselect={false}
          data={SPHERES.map((sphere) => ({ value: sphere, label: tr(`sphere.${sphere}`) }))}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('sphere')}
        />
        <DateField label={t('fields.startedOn')} {...form.getInputProps('startedOn')} />
        <DateField label={t('fields.endedOn')} {...form.getInputProps('endedOn')} />
      </SimpleGrid>
      <PartiesFieldset
        form={form}
        labels={{
          legend: t('fields.parties'),
          party: (number) => t('party.label', { number }),
          type: (number) => t('party.type', { number }),
          organization: t('party.organization'),
          city: t('party.city'),
          remove: (number) => t('party.remove', { number }),
          add: t('party.add'),
        }}
      />
      <Textarea label={t('fields.description')} autosize minRows={3} {...form.getInputProps('description')} />
    </RecordForm>
  );
}

/** The parties a new project starts with: the cities of `?cityIds=` (a twinning's), else the user's own. */
function firstParties(params: URLSearchParams, own: PartyValue): PartyValue[] {
  const cityIds = (params.get('cityIds') ?? '')
    .split(',')
    .map(Number)
    .filter((id) => Number.isInteger(id) && id > 0);
  if (cityIds.length > 0) return cityIds.map((id) => ({ type: 'city', id }));
  return [own, { type: 'organization', id: null }];
}

/** /projects/new: a new project; `?cityIds=1,2` starts it between a twinning's two cities. */
export function ProjectCreatePage() {
  const me = useMe();
  return canWrite(me) ? <CreateForm /> : <NotAllowed />;
}

function CreateForm() {
  const { t } = useTranslation('projects');
  const me = useMe();
  const [params] = useSearchParams();
  const organizationId = editorOrganizationId(me);
  const own: PartyValue =
    organizationId !== null
      ? { type: 'organization', id: organizationId }
      : { type: 'city', id: editorCityId(me) };
  const form = useProjectForm(projectToForm(null, firstParties(params, own)));
  const save = useRecordSave({
    form,
    kind: 'project',
    path: '/projects',
    fields: PROJECT_FORM_FIELDS,
    toBody: projectFormToBody,
    editing: null,
    createdMessage: t('form.created'),
  });
  return (
    <>
      <PageHeader title={t('form.createTitle')} />
      <ProjectForm form={form} save={save} />
    </>
  );
}

/** /projects/:id/edit: a change to a project; a stale save opens the conflict dialog. */
export function ProjectEditPage() {
  const { id } = useParams();
  return (
    <LoadRecord<Project> path={`/projects/${id}`}>{(project) => <EditForm project={project} />}</LoadRecord>
  );
}

function EditForm({ project }: { project: Project }) {
  const { t } = useTranslation('projects');
  const { t: tr } = useTranslation('records');
  const format = useFormat();
  const initial = useMemo(() => projectToForm(project), [project]);
  const form = useProjectForm(initial);
  const date = (value: unknown) => format.date(value as string);
  const conflictFields: ConflictField[] = [
    { key: 'title', label: t('fields.title') },
    { key: 'status', label: t('fields.status'), format: (value) => t(`status.${String(value)}`) },
    { key: 'sphere', label: t('fields.sphere'), format: (value) => tr(`sphere.${String(value)}`) },
    { key: 'startedOn', label: t('fields.startedOn'), format: date },
    { key: 'endedOn', label: t('fields.endedOn'), format: date },
    { key: 'description', label: t('fields.description') },
    {
      key: 'parties',
      label: t('fields.parties'),
      format: (value) => t('party.count', { count: Array.isArray(value) ? value.length : 0 }),
    },
  ];
  const save = useRecordSave({
    form,
    kind: 'project',
    path: '/projects',
    fields: PROJECT_FORM_FIELDS,
    toBody: projectFormToBody,
    editing: { record: project, initial },
    conflictFields,
  });
  return (
    <>
      <PageHeader title={t('form.editTitle')} subtitle={project.title} />
      <ProjectForm form={form} save={save} />
    </>
  );
}
