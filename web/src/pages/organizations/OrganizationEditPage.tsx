import { Select, SimpleGrid, TagsInput, TextInput, Textarea } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useMe } from '../../app/auth.tsx';
import type { ConflictField } from '../../components/ConflictDialog.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { CityPicker } from '../../components/Pickers.tsx';
import { CityName } from '../cities/CityName.tsx';
import { useCities } from '../cities/city-cache.ts';
import { editorCityId, mayCreateForCity } from '../../app/access.ts';
import { orNull } from '../../components/record-form/form-submit.ts';
import { LoadRecord } from '../../components/record-form/LoadRecord.tsx';
import { RecordForm } from '../../components/record-form/RecordForm.tsx';
import { useRecordSave, type RecordSave } from '../../components/record-form/useRecordSave.ts';
import { ORGANIZATION_KINDS, SPHERES, type Organization } from './organization-api.ts';
import { NotAllowed } from './RecordLoader.tsx';

interface OrganizationForm {
  cityId: number | null;
  name: string;
  shortName: string;
  kind: string;
  sphere: string;
  address: string;
  website: string;
  email: string;
  phones: string[];
  notes: string;
}
const FIELDS = [
  'cityId',
  'name',
  'shortName',
  'kind',
  'sphere',
  'address',
  'website',
  'email',
  'phones',
  'notes',
];

function toForm(organization: Organization | null, cityId: number | null): OrganizationForm {
  return {
    cityId: organization?.cityId ?? cityId,
    name: organization?.name ?? '',
    shortName: organization?.shortName ?? '',
    kind: organization?.kind ?? 'other',
    sphere: organization?.sphere ?? 'other',
    address: organization?.address ?? '',
    website: organization?.website ?? '',
    email: organization?.email ?? '',
    phones: organization?.phones ?? [],
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
    email: orNull(values.email),
    phones: values.phones.map((phone) => phone.trim()).filter((phone) => phone !== ''),
    notes: orNull(values.notes),
  };
}

/** Where the organization form saves, on create and on edit alike. */
const SAVE = {
  kind: 'organization' as const,
  path: '/organizations',
  fields: FIELDS,
  toBody,
};

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

function OrganizationFields({ form, save }: { form: UseFormReturnType<OrganizationForm>; save: RecordSave }) {
  const { t } = useTranslation('records');
  const values = form.getValues();
  const city = useCities([values.cityId]).get(values.cityId ?? -1) ?? null;
  return (
    <RecordForm save={save}>
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
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('person.email')} type="email" {...form.getInputProps('email')} />
          <TagsInput
            label={t('person.phones')}
            description={t('person.phonesHint')}
            {...form.getInputProps('phones')}
          />
        </SimpleGrid>
      </SimpleGrid>
      <Textarea label={t('organization.notes')} autosize minRows={3} {...form.getInputProps('notes')} />
    </RecordForm>
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
  const form = useOrganizationForm(toForm(null, editorCityId(me)), tc);
  const save = useRecordSave({
    form,
    ...SAVE,
    editing: null,
    createdMessage: t('organization.created'),
  });
  return (
    <>
      <PageHeader title={t('organization.createTitle')} />
      <OrganizationFields form={form} save={save} />
    </>
  );
}

/** /organizations/:id/edit: a change to an organization; a stale save opens the conflict dialog. */
export function OrganizationEditPage() {
  const { id } = useParams();
  return (
    <LoadRecord<Organization> path={`/organizations/${id}`}>
      {(organization) => <EditForm organization={organization} />}
    </LoadRecord>
  );
}

function EditForm({ organization }: { organization: Organization }) {
  const { t } = useTranslation('records');
  const { t: tc } = useTranslation();
  const initial = useMemo(() => toForm(organization, null), [organization]);
  const form = useOrganizationForm(initial, tc);
  const conflictFields: ConflictField[] = [
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
    { key: 'email', label: t('person.email') },
    {
      key: 'phones',
      label: t('person.phones'),
      format: (value) => (Array.isArray(value) ? value.join(', ') : ''),
    },
    { key: 'notes', label: t('organization.notes') },
  ];
  const save = useRecordSave({
    form,
    ...SAVE,
    editing: { record: organization, initial },
    conflictFields,
  });
  return (
    <>
      <PageHeader title={t('organization.editTitle', { name: organization.name })} />
      <OrganizationFields form={form} save={save} />
    </>
  );
}
