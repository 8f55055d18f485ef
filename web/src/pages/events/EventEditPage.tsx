import { Alert, Button, Group, Loader, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { api, ApiError, useApi } from '../../api/client.ts';
import { useMe } from '../../app/auth.tsx';
import { recordPath } from '../../app/record-paths.ts';
import { useVersionedSave, type ConflictField } from '../../components/ConflictDialog.tsx';
import { applyFieldErrors, errorMessage } from '../../components/errors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { CityPicker } from '../../components/Pickers.tsx';
import { useFormat } from '../../i18n/format.ts';
import { CityName } from '../cities/CityName.tsx';
import { useCities } from '../cities/city-cache.ts';
import { editorCityId } from '../../app/access.ts';
import { DateField } from '../visits/DateField.tsx';
import {
  EVENT_FORM_FIELDS,
  EVENT_KINDS,
  eventFormToBody,
  eventToForm,
  validateEventForm,
  type EventFormValues,
  type EventRecord,
} from './event-api.ts';

function useEventForm(initial: EventFormValues) {
  const { t } = useTranslation();
  return useForm<EventFormValues>({
    mode: 'controlled',
    initialValues: initial,
    validateInputOnChange: ['name', 'cityId', 'startDate', 'endDate'],
    validate: (values) => validateEventForm(values, t),
  });
}

function EventForm({
  form,
  onSubmit,
  onCancel,
  busy,
  problem,
  submitLabel,
}: {
  form: UseFormReturnType<EventFormValues>;
  onSubmit: () => void;
  onCancel: () => void;
  busy: boolean;
  problem: string | null;
  submitLabel: string;
}) {
  const { t } = useTranslation('events');
  const { t: tc } = useTranslation();
  const values = form.getValues();
  const city = useCities([values.cityId]).get(values.cityId ?? -1) ?? null;
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <Stack gap="md" maw={880}>
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
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
        <Textarea
          label={t('fields.description')}
          autosize
          minRows={3}
          {...form.getInputProps('description')}
        />
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

/** /events/new: a new event (`?visitId=` ties it to a visit). */
export function EventCreatePage() {
  const { t, i18n } = useTranslation('events');
  const { t: tc } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
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
  });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const event = await api.post<EventRecord>('/events', eventFormToBody(form.getValues()));
      notifications.show({ color: 'green', message: t('form.created') });
      void navigate(recordPath('event', event.id));
    } catch (error) {
      const rest = applyFieldErrors(form, error, tc, i18n.language, EVENT_FORM_FIELDS);
      if (!(error instanceof ApiError) || error.issues.length === 0 || rest.length > 0)
        setProblem(errorMessage(tc, error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <PageHeader title={t('form.createTitle')} />
      <EventForm
        form={form}
        onSubmit={() => void submit()}
        onCancel={() => void navigate('/events')}
        busy={busy}
        problem={problem}
        submitLabel={tc('actions.create')}
      />
    </>
  );
}

/** /events/:id/edit. */
export function EventEditPage() {
  const { t } = useTranslation('events');
  const { t: tc } = useTranslation();
  const { id } = useParams();
  const stored = useApi<EventRecord>(`/events/${id}`);
  if (stored.error)
    return (
      <Alert color="red" role="alert">
        {errorMessage(tc, stored.error)}
      </Alert>
    );
  if (!stored.data) return <Loader aria-label={tc('loading')} />;
  return (
    <>
      <PageHeader title={t('form.editTitle')} />
      <EventEditForm event={stored.data} />
    </>
  );
}

function EventEditForm({ event }: { event: EventRecord }) {
  const { t, i18n } = useTranslation('events');
  const { t: tc } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const initial = useMemo(() => eventToForm(event), [event]);
  const form = useEventForm(initial);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const fields: ConflictField[] = [
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
  ];
  const versioned = useVersionedSave<EventRecord>(`/events/${event.id}`, fields, (saved) => {
    notifications.show({ color: 'green', message: tc('saved') });
    void navigate(recordPath('event', saved.id));
  });
  const submit = async () => {
    setBusy(true);
    setProblem(null);
    const before = eventFormToBody(initial);
    const after = eventFormToBody(form.getValues());
    const changed = Object.fromEntries(
      Object.entries(after).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key])),
    );
    try {
      await versioned.save(changed, event.version);
    } catch (error) {
      const rest = applyFieldErrors(form, error, tc, i18n.language, EVENT_FORM_FIELDS);
      if (!(error instanceof ApiError) || error.issues.length === 0 || rest.length > 0)
        setProblem(errorMessage(tc, error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <EventForm
        form={form}
        onSubmit={() => void submit()}
        onCancel={() => void navigate(recordPath('event', event.id))}
        busy={busy}
        problem={problem}
        submitLabel={tc('actions.save')}
      />
      {versioned.dialog}
    </>
  );
}
