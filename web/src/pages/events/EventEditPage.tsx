import { Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { useMe } from '../../app/auth.tsx';
import type { ConflictField } from '../../components/ConflictDialog.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { DateField } from '../../components/record-form/DateField.tsx';
import { LoadRecord } from '../../components/record-form/LoadRecord.tsx';
import { RecordForm } from '../../components/record-form/RecordForm.tsx';
import { useRecordSave, type RecordSave } from '../../components/record-form/useRecordSave.ts';
import { CityPicker } from '../../components/Pickers.tsx';
import { useFormat } from '../../i18n/format.ts';
import { CityName } from '../cities/CityName.tsx';
import { useCities } from '../cities/city-cache.ts';
import { editorCityId } from '../../app/access.ts';
import {
  EVENT_FORM_FIELDS,
  EVENT_KINDS,
  eventFormToBody,
  eventToForm,
  validateEventForm,
  type EventFormValues,
  type EventRecord,
} from './event-api.ts';
import { ParticipantFields } from './ParticipantFields.tsx';

/** Where the event form saves, on create and on edit alike. */
const SAVE = {
  kind: 'event' as const,
  path: '/events',
  fields: EVENT_FORM_FIELDS,
  toBody: eventFormToBody,
  // The API judges every submission, so its message lands on the field even where the
  // as-you-type checks already warned (they mirror the API's and may lag behind it).
  validateFirst: false,
};

function useEventForm(initial: EventFormValues) {
  const { t } = useTranslation();
  return useForm<EventFormValues>({
    mode: 'controlled',
    initialValues: initial,
    validateInputOnChange: ['name', 'cityId', 'startDate', 'endDate'],
    validate: (values) => validateEventForm(values, t),
  });
}

function EventForm({ form, save }: { form: UseFormReturnType<EventFormValues>; save: RecordSave }) {
  const { t } = useTranslation('events');
  const values = form.getValues();
  const city = useCities([values.cityId]).get(values.cityId ?? -1) ?? null;
  return (
    <RecordForm save={save}>
      <TextInput label={t('fields.name')} withAsterisk {...form.getInputProps('name')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('fields.kind')}
          withAsterisk
          allowDeselect={false}
          data={EVENT_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('kind')}
        />
        <CityPicker
          label={t('fields.city')}
          withAsterisk
          initial={city}
          value={values.cityId}
          error={form.errors.cityId as string | undefined}
          onChange={(id) => form.setFieldValue('cityId', id)}
        />
        <DateField label={t('fields.startDate')} {...form.getInputProps('startDate')} />
        <DateField label={t('fields.endDate')} {...form.getInputProps('endDate')} />
      </SimpleGrid>
      <ParticipantFields form={form} />
      <Textarea label={t('fields.description')} autosize minRows={3} {...form.getInputProps('description')} />
    </RecordForm>
  );
}

/** /events/new: a new event (`?visitId=` ties it to a visit). */
export function EventCreatePage() {
  const { t } = useTranslation('events');
  const me = useMe();
  const [params] = useSearchParams();
  const visitId = params.get('visitId');
  const form = useEventForm({
    name: '',
    kind: 'other',
    cityId: editorCityId(me),
    startDate: null,
    endDate: null,
    visitId: visitId ? Number(visitId) : null,
    description: '',
    participants: [],
  });
  const save = useRecordSave({
    form,
    ...SAVE,
    editing: null,
    createdMessage: t('form.created'),
  });
  return (
    <>
      <PageHeader title={t('form.createTitle')} />
      <EventForm form={form} save={save} />
    </>
  );
}

/** /events/:id/edit: a change to an event; a stale save opens the conflict dialog. */
export function EventEditPage() {
  const { id } = useParams();
  return (
    <LoadRecord<EventRecord> path={`/events/${id}`}>{(event) => <EventEditForm event={event} />}</LoadRecord>
  );
}

function EventEditForm({ event }: { event: EventRecord }) {
  const { t } = useTranslation('events');
  const format = useFormat();
  const initial = useMemo(() => eventToForm(event), [event]);
  const form = useEventForm(initial);
  const conflictFields: ConflictField[] = [
    { key: 'name', label: t('fields.name') },
    { key: 'kind', label: t('fields.kind'), format: (value) => t(`kind.${String(value)}`) },
    {
      key: 'cityId',
      label: t('fields.city'),
      format: (value) => (typeof value === 'number' ? <CityName id={value} link={false} /> : ''),
    },
    { key: 'startDate', label: t('fields.startDate'), format: (value) => format.date(value as string) },
    { key: 'endDate', label: t('fields.endDate'), format: (value) => format.date(value as string) },
    { key: 'description', label: t('fields.description') },
    {
      key: 'participants',
      label: t('participants.legend'),
      format: (value) => t('participants.count', { count: Array.isArray(value) ? value.length : 0 }),
    },
  ];
  const save = useRecordSave({
    form,
    ...SAVE,
    editing: { record: event, initial },
    conflictFields,
  });
  return (
    <>
      <PageHeader title={t('form.editTitle')} />
      <EventForm form={form} save={save} />
    </>
  );
}
