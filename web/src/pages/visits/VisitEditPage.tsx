import { Alert, Loader } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError, useApi } from '../../api/client.ts';
import { useMe } from '../../app/auth.tsx';
import { recordPath } from '../../app/record-paths.ts';
import { useVersionedSave, type ConflictField } from '../../components/ConflictDialog.tsx';
import { applyFieldErrors, errorMessage } from '../../components/errors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFormat } from '../../i18n/format.ts';
import { CityName } from '../cities/CityName.tsx';
import { editorCityId } from '../../app/access.ts';
import type { Visit } from './visit-api.ts';
import {
  changedFields,
  emptyVisitForm,
  formToBody,
  validateVisitForm,
  visitToForm,
  VISIT_FORM_FIELDS,
  type VisitFormValues,
} from './visit-form-values.ts';
import { VisitForm } from './VisitForm.tsx';

function useVisitForm(initial: VisitFormValues) {
  const { t } = useTranslation();
  return useForm<VisitFormValues>({
    mode: 'controlled',
    initialValues: initial,
    validateInputOnChange: ['fromCityId', 'toCityId', 'startDate', 'endDate'],
    validate: (values) => validateVisitForm(values, t),
  });
}

/** /visits/new: a new visit. */
export function VisitCreatePage() {
  const { t, i18n } = useTranslation('visits');
  const { t: tc } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const form = useVisitForm(emptyVisitForm(editorCityId(me)));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // The API judges every submission, so its message lands on the field even where the
  // as-you-type checks already warned (they mirror the API's and may lag behind it).
  const submit = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const visit = await api.post<Visit>('/visits', formToBody(form.getValues()));
      notifications.show({ color: 'green', message: t('form.created') });
      void navigate(recordPath('visit', visit.id));
    } catch (error) {
      const rest = applyFieldErrors(form, error, tc, i18n.language, VISIT_FORM_FIELDS);
      if (!(error instanceof ApiError) || error.issues.length === 0 || rest.length > 0)
        setProblem(errorMessage(tc, error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <PageHeader title={t('form.createTitle')} />
      <VisitForm
        form={form}
        onSubmit={() => void submit()}
        onCancel={() => void navigate('/visits')}
        busy={busy}
        problem={problem}
        submitLabel={tc('actions.create')}
      />
    </>
  );
}

/** /visits/:id/edit: a change to a visit; a stale save opens the conflict dialog. */
export function VisitEditPage() {
  const { t } = useTranslation('visits');
  const { t: tc } = useTranslation();
  const { id } = useParams();
  const stored = useApi<Visit>(`/visits/${id}`);
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
      <VisitEditForm visit={stored.data} />
    </>
  );
}

function VisitEditForm({ visit }: { visit: Visit }) {
  const { t, i18n } = useTranslation('visits');
  const { t: tc } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const initial = useMemo(() => visitToForm(visit), [visit]);
  const form = useVisitForm(initial);
  const loaded = useRef(initial);
  useEffect(() => {
    loaded.current = initial;
  }, [initial]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const city = (value: unknown) => (typeof value === 'number' ? <CityName id={value} link={false} /> : '');
  const fields: ConflictField[] = [
    { key: 'fromCityId', label: t('fields.fromCity'), format: city },
    { key: 'toCityId', label: t('fields.toCity'), format: city },
    { key: 'startDate', label: t('fields.startDate'), format: (value) => format.date(value as string) },
    { key: 'endDate', label: t('fields.endDate'), format: (value) => format.date(value as string) },
    { key: 'kind', label: t('fields.kind'), format: (value) => t(`kind.${String(value)}`) },
    { key: 'status', label: t('fields.status'), format: (value) => t(`status.${String(value)}`) },
    { key: 'headPersonId', label: t('fields.head') },
    { key: 'headPosition', label: t('fields.headPosition') },
    { key: 'purpose', label: t('fields.purpose') },
    { key: 'outcomes', label: t('fields.outcomes') },
    {
      key: 'members',
      label: t('form.delegation'),
      format: (value) => t('form.memberCount', { count: Array.isArray(value) ? value.length : 0 }),
    },
  ];
  const versioned = useVersionedSave<Visit>(`/visits/${visit.id}`, fields, (saved) => {
    notifications.show({ color: 'green', message: tc('saved') });
    void navigate(recordPath('visit', saved.id));
  });
  const submit = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await versioned.save(changedFields(loaded.current, form.getValues()), visit.version);
    } catch (error) {
      const rest = applyFieldErrors(form, error, tc, i18n.language, VISIT_FORM_FIELDS);
      if (!(error instanceof ApiError) || error.issues.length === 0 || rest.length > 0)
        setProblem(errorMessage(tc, error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <VisitForm
        form={form}
        onSubmit={() => void submit()}
        onCancel={() => void navigate(recordPath('visit', visit.id))}
        busy={busy}
        problem={problem}
        submitLabel={tc('actions.save')}
      />
      {versioned.dialog}
    </>
  );
}
