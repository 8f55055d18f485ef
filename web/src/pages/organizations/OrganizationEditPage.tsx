import { Alert, Button, Group, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, useApi } from '../../api/client.ts';
import { useMe } from '../../app/auth.tsx';
import { recordPath } from '../../app/record-paths.ts';
import { useVersionedSave, type ConflictField } from '../../components/ConflictDialog.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { CityPicker } from '../../components/Pickers.tsx';
import { CityName } from '../cities/CityName.tsx';
import { useCities } from '../cities/city-cache.ts';
import { editorCityId, mayCreateForCity } from '../../app/access.ts';
import { changedFields, orNull, useFormSubmit } from './form-submit.ts';
import { ORGANIZATION_KINDS, SPHERES, type Organization } from './organization-api.ts';
import { NotAllowed, RecordLoader } from './RecordLoader.tsx';

interface OrganizationForm {
  cityId: number | null;
  name: string;
  shortName: string;
  kind: string;
  sphere: string;
  address: string;
  website: string;
  notes: string;
}
const FIELDS = ['cityId', 'name', 'shortName', 'kind', 'sphere', 'address', 'website', 'notes'];

function toForm(organization: Organization | null, cityId: number | null): OrganizationForm {
  return {
    cityId: organization?.cityId ?? cityId,
    name: organization?.name ?? '',
    shortName: organization?.shortName ?? '',
    kind: organization?.kind ?? 'other',
    sphere: organization?.sphere ?? 'other',
    address: organization?.address ?? '',
    website: organization?.website ?? '',
    notes: organization?.notes ?? '',
  };
}

function toBody(values: OrganizationForm) {
  return {
    cityId: values.cityId,
    name: values.name.trim(),
    shortName: orNull(values.shortName),
    kind: values.kind,
    sphere: values.sphere,
    address: orNull(values.address),
    website: orNull(values.website),
    notes: orNull(values.notes),
  };
}

function useOrganizationForm(initial: OrganizationForm, t: TFunction) {
  return useForm<OrganizationForm>({
    mode: 'controlled',
    initialValues: initial,
    validateInputOnChange: ['name', 'cityId'],
    validate: {
      cityId: (value) => (value === null ? t('validation.required') : null),
      name: (value) => (value.trim() === '' ? t('validation.required') : null),
    },
  });
}

function OrganizationFields({
  form,
  onSubmit,
  onCancel,
  busy,
  problem,
  submitLabel,
}: {
  form: UseFormReturnType<OrganizationForm>;
  onSubmit: () => void;
  onCancel: () => void;
  busy: boolean;
  problem: string | null;
  submitLabel: string;
}) {
  const { t } = useTranslation('records');
  const { t: tc } = useTranslation();
  const values = form.getValues();
  const city = useCities([values.cityId]).get(values.cityId ?? -1) ?? null;
  return (
    <form noValidate onSubmit={form.onSubmit(onSubmit)}>
      <Stack gap="md" maw={880}>
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        <TextInput label={t('organization.name')} withAsterisk {...form.getInputProps('name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <CityPicker
            label={t('organization.city')}
            withAsterisk
            initial={city}
            {...form.getInputProps('cityId')}
            onChange={(id) => form.setFieldValue('cityId', id)}
          />
          <TextInput label={t('organization.shortName')} {...form.getInputProps('shortName')} />
          <Select
            label={t('organization.kind')}
            withAsterisk
            allowDeselect={false}
            searchable
            data={ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: t(`organizationKind.${kind}`) }))}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('kind')}
          />
          <Select
            label={t('organization.sphere')}
            withAsterisk
            allowDeselect={false}
            data={SPHERES.map((sphere) => ({ value: sphere, label: t(`sphere.${sphere}`) }))}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('sphere')}
          />
          <TextInput label={t('organization.address')} {...form.getInputProps('address')} />
          <TextInput label={t('organization.website')} type="url" {...form.getInputProps('website')} />
        </SimpleGrid>
        <Textarea label={t('organization.notes')} autosize minRows={3} {...form.getInputProps('notes')} />
        <Group>
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
          <Button variant="default" onClick={onCancel} disabled={busy}>
            {tc('actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** /organizations/new: a new organization, in the editor's city unless another is chosen. */
export function OrganizationCreatePage() {
  const me = useMe();
  return mayCreateForCity(me) ? <CreateForm /> : <NotAllowed />;
}

function CreateForm() {
  const { t } = useTranslation('records');
  const { t: tc } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const form = useOrganizationForm(toForm(null, editorCityId(me)), tc);
  const submit = useFormSubmit(form, FIELDS);
  return (
    <>
      <PageHeader title={t('organization.createTitle')} />
      <OrganizationFields
        form={form}
        onSubmit={() =>
          void submit.run(async () => {
            const created = await api.post<Organization>('/organizations', toBody(form.getValues()));
            notifications.show({ color: 'green', message: t('organization.created') });
            void navigate(recordPath('organization', created.id));
          })
        }
        onCancel={() => void navigate('/organizations')}
        busy={submit.busy}
        problem={submit.problem}
        submitLabel={tc('actions.create')}
      />
    </>
  );
}

/** /organizations/:id/edit: a change to an organization; a stale save opens the conflict dialog. */
export function OrganizationEditPage() {
  const { id } = useParams();
  const state = useApi<Organization>(`/organizations/${id}`);
  return (
    <RecordLoader state={state}>{(organization) => <EditForm organization={organization} />}</RecordLoader>
  );
}

function EditForm({ organization }: { organization: Organization }) {
  const { t } = useTranslation('records');
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const initial = useMemo(() => toForm(organization, null), [organization]);
  const form = useOrganizationForm(initial, tc);
  const submit = useFormSubmit(form, FIELDS);
  const fields: ConflictField[] = [
    { key: 'name', label: t('organization.name') },
    {
      key: 'cityId',
      label: t('organization.city'),
      format: (value) => (typeof value === 'number' ? <CityName id={value} link={false} /> : ''),
    },
    { key: 'shortName', label: t('organization.shortName') },
    { key: 'kind', label: t('organization.kind'), format: (value) => t(`organizationKind.${String(value)}`) },
    { key: 'sphere', label: t('organization.sphere'), format: (value) => t(`sphere.${String(value)}`) },
    { key: 'address', label: t('organization.address') },
    { key: 'website', label: t('organization.website') },
    { key: 'notes', label: t('organization.notes') },
  ];
  const versioned = useVersionedSave<Organization>(`/organizations/${organization.id}`, fields, (saved) => {
    notifications.show({ color: 'green', message: tc('saved') });
    void navigate(recordPath('organization', saved.id));
  });
  return (
    <>
      <PageHeader title={t('organization.editTitle', { name: organization.name })} />
      <OrganizationFields
        form={form}
        onSubmit={() =>
          void submit.run(() =>
            versioned.save(changedFields(toBody(initial), toBody(form.getValues())), organization.version),
          )
        }
        onCancel={() => void navigate(recordPath('organization', organization.id))}
        busy={submit.busy}
        problem={submit.problem}
        submitLabel={tc('actions.save')}
      />
      {versioned.dialog}
    </>
  );
}
