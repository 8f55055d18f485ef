import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  TagsInput,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { canWrite, useMe } from '../../app/auth.tsx';
import type { ConflictField } from '../../components/ConflictDialog.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { CityPicker } from '../../components/Pickers.tsx';
import { CityName } from '../cities/CityName.tsx';
import { useCities } from '../cities/city-cache.ts';
import { editorCityId, editorOrganizationId } from '../../app/access.ts';
import { DateField } from '../../components/record-form/DateField.tsx';
import { orNull } from '../../components/record-form/form-submit.ts';
import { LoadRecord } from '../../components/record-form/LoadRecord.tsx';
import { RecordForm } from '../../components/record-form/RecordForm.tsx';
import { useRecordSave, type RecordSave } from '../../components/record-form/useRecordSave.ts';
import { OrganizationPicker } from '../organizations/OrganizationPicker.tsx';
import { NotAllowed } from '../organizations/RecordLoader.tsx';
import type { Person } from './person-api.ts';
import { RemoveRowButton } from '../../components/record-form/RemoveRowButton.tsx';

interface PositionValue {
  title: string;
  organizationId: number | null;
  cityId: number | null;
  startedOn: string | null;
  endedOn: string | null;
  headsCity: boolean;
}
interface PersonForm {
  fullName: string;
  lastName: string;
  firstName: string;
  patronymic: string;
  cityId: number | null;
  notes: string;
  email: string;
  phones: string[];
  address: string;
  salutation: string;
  birthday: string | null;
  languages: string[];
  positions: PositionValue[];
}
const FIELDS = [
  'fullName',
  'lastName',
  'firstName',
  'patronymic',
  'cityId',
  'notes',
  'email',
  'phones',
  'address',
  'salutation',
  'birthday',
  'languages',
  'positions',
];

function toForm(person: Person | null, cityId: number | null, organizationId: number | null): PersonForm {
  return {
    fullName: person?.fullName ?? '',
    lastName: person?.lastName ?? '',
    firstName: person?.firstName ?? '',
    patronymic: person?.patronymic ?? '',
    cityId: person ? person.cityId : cityId,
    notes: person?.notes ?? '',
    email: person?.email ?? '',
    phones: person?.phones ?? [],
    address: person?.address ?? '',
    salutation: person?.salutation ?? '',
    birthday: person?.birthday ?? null,
    languages: person?.languages ?? [],
    positions: person
      ? person.positions.map(
          ({ title, organizationId: org, cityId: city, startedOn, endedOn, headsCity }) => ({
            title,
            organizationId: org,
            cityId: city,
            startedOn,
            endedOn,
            headsCity,
          }),
        )
      : organizationId !== null
        ? [{ title: '', organizationId, cityId: null, startedOn: null, endedOn: null, headsCity: false }]
        : [],
  };
}

function toBody(values: PersonForm) {
  return {
    fullName: values.fullName.trim(),
    lastName: orNull(values.lastName),
    firstName: orNull(values.firstName),
    patronymic: orNull(values.patronymic),
    cityId: values.cityId,
    notes: orNull(values.notes),
    email: orNull(values.email),
    phones: values.phones.map((phone) => phone.trim()).filter((phone) => phone !== ''),
    address: orNull(values.address),
    salutation: orNull(values.salutation),
    birthday: values.birthday,
    languages: values.languages.map((language) => language.trim()).filter((language) => language !== ''),
    positions: values.positions.map((position) => ({ ...position, title: position.title.trim() })),
  };
}

/** Where the person form saves, on create and on edit alike. */
const SAVE = {
  kind: 'person' as const,
  path: '/persons',
  fields: FIELDS,
  toBody,
};

function usePersonForm(initial: PersonForm) {
  const { t } = useTranslation();
  return useForm<PersonForm>({
    mode: 'controlled',
    initialValues: initial,
    validateInputOnChange: true,
    validate: {
      fullName: (value) => (value.trim() === '' ? t('validation.required') : null),
      positions: {
        title: (value) => (value.trim() === '' ? t('validation.required') : null),
        endedOn: (value, values, path) => {
          const index = Number(path.split('.')[1]);
          const startedOn = values.positions[index]?.startedOn;
          return value && startedOn && value < startedOn ? t('validation.dateOrder') : null;
        },
        headsCity: (value, values, path) => {
          const position = values.positions[Number(path.split('.')[1])];
          return value && position && position.organizationId === null && position.cityId === null
            ? t('records:person.headNeedsPlace')
            : null;
        },
      },
    },
  });
}

function PersonFields({ form, save }: { form: UseFormReturnType<PersonForm>; save: RecordSave }) {
  const { t } = useTranslation('records');
  const values = form.getValues();
  const city = useCities([values.cityId]).get(values.cityId ?? -1) ?? null;
  return (
    <RecordForm save={save}>
      <TextInput label={t('person.fullName')} withAsterisk {...form.getInputProps('fullName')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t('person.lastName')} {...form.getInputProps('lastName')} />
        <TextInput label={t('person.firstName')} {...form.getInputProps('firstName')} />
        <TextInput label={t('person.patronymic')} {...form.getInputProps('patronymic')} />
      </SimpleGrid>
      <CityPicker
        label={t('person.city')}
        initial={city}
        {...form.getInputProps('cityId')}
        onChange={(id) => form.setFieldValue('cityId', id)}
      />
      <Fieldset legend={t('person.contacts')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('person.email')} type="email" {...form.getInputProps('email')} />
            <TagsInput
              label={t('person.phones')}
              description={t('person.phonesHint')}
              {...form.getInputProps('phones')}
            />
          </SimpleGrid>
          <TextInput label={t('person.address')} {...form.getInputProps('address')} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('person.salutation')}
              placeholder={t('person.salutationExample')}
              {...form.getInputProps('salutation')}
            />
            <DateField label={t('person.birthday')} {...form.getInputProps('birthday')} />
            <TagsInput
              label={t('person.languages')}
              description={t('person.phonesHint')}
              {...form.getInputProps('languages')}
            />
          </SimpleGrid>
        </Stack>
      </Fieldset>
      <Fieldset legend={t('person.positions')}>
        <Stack gap="md">
          {values.positions.map((_, index) => (
            <Paper key={form.key(`positions.${index}`)} withBorder p="sm" radius="sm">
              <Stack gap="xs">
                <Group align="flex-end" gap="sm" wrap="nowrap">
                  <TextInput
                    label={t('person.positionTitle', { number: index + 1 })}
                    withAsterisk
                    style={{ flex: 1 }}
                    {...form.getInputProps(`positions.${index}.title`)}
                  />
                  <RemoveRowButton
                    label={t('person.removePosition', { number: index + 1 })}
                    onClick={() => form.removeListItem('positions', index)}
                  />
                </Group>
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <OrganizationPicker
                    label={t('person.organization')}
                    {...form.getInputProps(`positions.${index}.organizationId`)}
                    onChange={(id) => form.setFieldValue(`positions.${index}.organizationId`, id)}
                  />
                  <DateField
                    label={t('person.startedOn')}
                    {...form.getInputProps(`positions.${index}.startedOn`)}
                  />
                  <DateField
                    label={t('person.endedOn')}
                    {...form.getInputProps(`positions.${index}.endedOn`)}
                  />
                </SimpleGrid>
                <Checkbox
                  label={t('person.headsCity')}
                  {...form.getInputProps(`positions.${index}.headsCity`, { type: 'checkbox' })}
                />
              </Stack>
            </Paper>
          ))}
          <Button
            variant="default"
            w="fit-content"
            onClick={() =>
              form.insertListItem('positions', {
                title: '',
                organizationId: null,
                cityId: null,
                startedOn: null,
                endedOn: null,
                headsCity: false,
              })
            }
          >
            {t('person.addPosition')}
          </Button>
        </Stack>
      </Fieldset>
      <Textarea label={t('person.notes')} autosize minRows={3} {...form.getInputProps('notes')} />
    </RecordForm>
  );
}

/** /persons/new: a new person; an organization editor starts with a position at their organization. */
export function PersonCreatePage() {
  const me = useMe();
  return canWrite(me) ? <CreateForm /> : <NotAllowed />;
}

function CreateForm() {
  const { t } = useTranslation('records');
  const me = useMe();
  const form = usePersonForm(toForm(null, editorCityId(me), editorOrganizationId(me)));
  const save = useRecordSave({
    form,
    ...SAVE,
    editing: null,
    createdMessage: t('person.created'),
  });
  return (
    <>
      <PageHeader title={t('person.createTitle')} />
      <PersonFields form={form} save={save} />
    </>
  );
}

/** /persons/:id/edit: a change to a person and their positions; a stale save opens the conflict dialog. */
export function PersonEditPage() {
  const { id } = useParams();
  return <LoadRecord<Person> path={`/persons/${id}`}>{(person) => <EditForm person={person} />}</LoadRecord>;
}

function EditForm({ person }: { person: Person }) {
  const { t } = useTranslation('records');
  const initial = useMemo(() => toForm(person, null, null), [person]);
  const form = usePersonForm(initial);
  const conflictFields: ConflictField[] = [
    { key: 'fullName', label: t('person.fullName') },
    { key: 'lastName', label: t('person.lastName') },
    { key: 'firstName', label: t('person.firstName') },
    { key: 'patronymic', label: t('person.patronymic') },
    {
      key: 'cityId',
      label: t('person.city'),
      format: (value) => (typeof value === 'number' ? <CityName id={value} link={false} /> : ''),
    },
    { key: 'notes', label: t('person.notes') },
    { key: 'email', label: t('person.email') },
    {
      key: 'phones',
      label: t('person.phones'),
      format: (value) => (Array.isArray(value) ? value.join(', ') : ''),
    },
    { key: 'address', label: t('person.address') },
    { key: 'salutation', label: t('person.salutation') },
    { key: 'birthday', label: t('person.birthday') },
    {
      key: 'languages',
      label: t('person.languages'),
      format: (value) => (Array.isArray(value) ? value.join(', ') : ''),
    },
    {
      key: 'positions',
      label: t('person.positions'),
      format: (value) =>
        Array.isArray(value)
          ? (value as { title: string }[]).map((position) => position.title).join('; ')
          : '',
    },
  ];
  const save = useRecordSave({
    form,
    ...SAVE,
    editing: { record: person, initial },
    conflictFields,
  });
  return (
    <>
      <PageHeader title={t('person.editTitle')} subtitle={person.fullName} />
      <PersonFields form={form} save={save} />
    </>
  );
}
