import { useForm } from '@mantine/form';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useMe } from '../../app/auth.tsx';
import type { ConflictField } from '../../components/ConflictDialog.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { LoadRecord } from '../../components/record-form/LoadRecord.tsx';
import { useRecordSave } from '../../components/record-form/useRecordSave.ts';
import { useFormat } from '../../i18n/format.ts';
import { CityName } from '../cities/CityName.tsx';
import { editorCityId } from '../../app/access.ts';
import type { Visit } from './visit-api.ts';
import {
  emptyVisitForm,
  formToBody,
  validateVisitForm,
  visitToForm,
  VISIT_FORM_FIELDS,
  type VisitFormValues,
} from './visit-form-values.ts';
import { VisitForm } from './VisitForm.tsx';

/** Where the visit form saves, on create and on edit alike. */
const SAVE = {
  kind: 'visit' as const,
  path: '/visits',
  fields: VISIT_FORM_FIELDS,
  toBody: formToBody,
  // The API judges every submission, so its message lands on the field even where the
  // as-you-type checks already warned (they mirror the API's and may lag behind it).
  validateFirst: false,
};

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
  const { t } = useTranslation('visits');
  const me = useMe();
  const form = useVisitForm(emptyVisitForm(editorCityId(me)));
  const save = useRecordSave({
    form,
    ...SAVE,
    editing: null,
    createdMessage: t('form.created'),
  });
  return (
    <>
      <PageHeader title={t('form.createTitle')} />
      <VisitForm form={form} save={save} />
    </>
  );
}

/** /visits/:id/edit: a change to a visit; a stale save opens the conflict dialog. */
export function VisitEditPage() {
  const { id } = useParams();
  return <LoadRecord<Visit> path={`/visits/${id}`}>{(visit) => <VisitEditForm visit={visit} />}</LoadRecord>;
}

function VisitEditForm({ visit }: { visit: Visit }) {
  const { t } = useTranslation('visits');
  const format = useFormat();
  const initial = useMemo(() => visitToForm(visit), [visit]);
  const form = useVisitForm(initial);
  const city = (value: unknown) => (typeof value === 'number' ? <CityName id={value} link={false} /> : '');
  const conflictFields: ConflictField[] = [
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
  const save = useRecordSave({
    form,
    ...SAVE,
    editing: { record: visit, initial },
    conflictFields,
  });
  return (
    <>
      <PageHeader title={t('form.editTitle')} />
      <VisitForm form={form} save={save} />
    </>
  );
}
