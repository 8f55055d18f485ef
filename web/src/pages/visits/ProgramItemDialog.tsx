import { Modal, Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictField } from '../../components/ConflictDialog.tsx';
import { DateField } from '../../components/record-form/DateField.tsx';
import { orNull } from '../../components/record-form/form-submit.ts';
import { RecordForm } from '../../components/record-form/RecordForm.tsx';
import { useRecordSave } from '../../components/record-form/useRecordSave.ts';
import { useApi } from '../../api/client.ts';
import { RecordPicker } from '../../components/Pickers.tsx';
import { useFormat } from '../../i18n/format.ts';
import { RecordName } from '../events/RecordName.tsx';
import { OrganizationName } from '../organizations/OrganizationName.tsx';
import { OrganizationPicker } from '../organizations/OrganizationPicker.tsx';
import { PROGRAM_ITEM_KINDS, type ProgramItem, type ProgramItemKind, type Visit } from './visit-api.ts';

interface ProgramItemForm {
  day: string | null;
  /** «10:00», or empty when the program gives no time. */
  startTime: string;
  endTime: string;
  kind: ProgramItemKind;
  title: string;
  organizationId: number | null;
  /** The event attended (kind «event») or the agreement signed (kind «signing»). */
  eventId: number | null;
  agreementId: number | null;
  notes: string;
}
const FIELDS = [
  'day',
  'startTime',
  'endTime',
  'kind',
  'title',
  'organizationId',
  'eventId',
  'agreementId',
  'notes',
];

/** A picker of events or agreements by name, showing the chosen one's name once read. */
function LinkedRecordPicker({
  path,
  field,
  label,
  value,
  onChange,
}: {
  path: '/events' | '/agreements';
  field: 'name' | 'title';
  label: string;
  value: number | null;
  onChange: (id: number | null) => void;
}) {
  const known = useApi<Record<string, unknown> & { id: number }>(value === null ? null : `${path}/${value}`);
  return (
    <RecordPicker<Record<string, unknown> & { id: number }>
      path={path}
      label={label}
      labelOf={(record) => String(record[field] ?? '')}
      initial={known.data ?? null}
      value={value}
      onChange={(id) => onChange(id)}
    />
  );
}

function toForm(item: ProgramItem | null, visit: Visit): ProgramItemForm {
  return {
    day: item ? item.day : visit.startDate,
    startTime: item?.startTime ?? '',
    endTime: item?.endTime ?? '',
    kind: item?.kind ?? 'meeting',
    title: item?.title ?? '',
    organizationId: item?.organizationId ?? null,
    eventId: item?.eventId ?? null,
    agreementId: item?.agreementId ?? null,
    notes: item?.notes ?? '',
  };
}

/**
 * Adds an item to a visit's program (`item` null) or changes one, in a dialog; the day must fall
 * within the visit's dates (the API does not check it), a stale save opens the conflict dialog.
 */
export function ProgramItemDialog({
  visit,
  item,
  position,
  onClose,
  onSaved,
}: {
  visit: Visit;
  item: ProgramItem | null;
  /** Where a new item goes in the program. */
  position: number;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('visits');
  const { t: tc } = useTranslation();
  const format = useFormat();
  const initial = useMemo(() => toForm(item, visit), [item, visit]);
  const form = useForm<ProgramItemForm>({
    mode: 'controlled',
    initialValues: initial,
    validateInputOnChange: ['title', 'day', 'endTime'],
    validate: {
      title: (value) => (value.trim() === '' ? tc('validation.required') : null),
      day: (value) =>
        value !== null && (value < visit.startDate || value > visit.endDate)
          ? t('program.dayOutside', { dates: format.dateRange(visit.startDate, visit.endDate) })
          : null,
      endTime: (value, values) =>
        value && values.startTime && value < values.startTime ? t('program.endBeforeStart') : null,
    },
  });
  const conflictFields: ConflictField[] = [
    { key: 'day', label: t('program.day'), format: (value) => format.date(value as string) },
    { key: 'startTime', label: t('program.startTime') },
    { key: 'endTime', label: t('program.endTime') },
    { key: 'kind', label: t('program.kind'), format: (value) => t(`programKind.${String(value)}`) },
    { key: 'title', label: t('program.title') },
    {
      key: 'organizationId',
      label: t('program.organization'),
      format: (value) => (typeof value === 'number' ? <OrganizationName id={value} link={false} /> : ''),
    },
    {
      key: 'eventId',
      label: t('program.event'),
      format: (value) =>
        typeof value === 'number' ? <RecordName path={`/events/${value}`} field="name" /> : '',
    },
    {
      key: 'agreementId',
      label: t('program.agreement'),
      format: (value) =>
        typeof value === 'number' ? <RecordName path={`/agreements/${value}`} field="title" /> : '',
    },
    { key: 'notes', label: t('program.notes') },
  ];
  const kind = form.getValues().kind;
  const save = useRecordSave<ProgramItemForm, ProgramItem>({
    form,
    kind: 'visit',
    path: '/visit-program-items',
    fields: FIELDS,
    toBody: (values) => ({
      visitId: visit.id,
      position,
      day: values.day,
      startTime: orNull(values.startTime),
      endTime: orNull(values.endTime),
      kind: values.kind,
      title: values.title.trim(),
      organizationId: values.organizationId,
      // Only what the kind names is kept: a meeting changed from a signing drops its agreement.
      eventId: values.kind === 'event' ? values.eventId : null,
      agreementId: values.kind === 'signing' ? values.agreementId : null,
      notes: orNull(values.notes),
    }),
    editing: item ? { record: item, initial } : null,
    conflictFields,
    createdMessage: t('program.added'),
    onSaved,
    onCancel: onClose,
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={item ? t('program.editTitle') : t('program.addTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': tc('actions.close') }}
    >
      <RecordForm save={save}>
        <TextInput label={t('program.title')} withAsterisk data-autofocus {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField label={t('program.day')} defaultDate={visit.startDate} {...form.getInputProps('day')} />
          <Select
            label={t('program.kind')}
            withAsterisk
            allowDeselect={false}
            data={PROGRAM_ITEM_KINDS.map((kind) => ({ value: kind, label: t(`programKind.${kind}`) }))}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('kind')}
          />
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <TimeInput label={t('program.startTime')} {...form.getInputProps('startTime')} />
          <TimeInput label={t('program.endTime')} {...form.getInputProps('endTime')} />
        </SimpleGrid>
        <OrganizationPicker
          label={t('program.organization')}
          value={form.getValues().organizationId}
          error={form.errors.organizationId as string | undefined}
          onChange={(id) => form.setFieldValue('organizationId', id)}
        />
        {kind === 'event' && (
          <LinkedRecordPicker
            path="/events"
            field="name"
            label={t('program.event')}
            value={form.getValues().eventId}
            onChange={(id) => form.setFieldValue('eventId', id)}
          />
        )}
        {kind === 'signing' && (
          <LinkedRecordPicker
            path="/agreements"
            field="title"
            label={t('program.agreement')}
            value={form.getValues().agreementId}
            onChange={(id) => form.setFieldValue('agreementId', id)}
          />
        )}
        <Textarea label={t('program.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
      </RecordForm>
    </Modal>
  );
}
