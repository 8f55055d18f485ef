import { Anchor, Checkbox, Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { canWrite, useMe } from '../../app/auth.tsx';
import { recordPath } from '../../app/record-paths.ts';
import type { ConflictField } from '../../components/ConflictDialog.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFormat } from '../../i18n/format.ts';
import { editorCityId, editorOrganizationId } from '../../app/access.ts';
import { DateField } from '../../components/record-form/DateField.tsx';
import { orNull } from '../../components/record-form/form-submit.ts';
import { LoadRecord } from '../../components/record-form/LoadRecord.tsx';
import { RecordForm } from '../../components/record-form/RecordForm.tsx';
import { useRecordSave, type RecordSave } from '../../components/record-form/useRecordSave.ts';
import { NotAllowed } from '../organizations/RecordLoader.tsx';
import {
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  partyValue,
  type Agreement,
  type PartyValue,
} from './agreement-api.ts';
import { PartiesFieldset } from './PartiesFieldset.tsx';

interface AgreementForm {
  title: string;
  kind: string;
  status: string;
  signedOn: string | null;
  validFrom: string | null;
  validUntil: string | null;
  autoRenew: boolean;
  notes: string;
  parties: PartyValue[];
}
const FIELDS = [
  'title',
  'kind',
  'status',
  'signedOn',
  'validFrom',
  'validUntil',
  'autoRenew',
  'notes',
  'parties',
];

function toForm(agreement: Agreement | null, parties: PartyValue[]): AgreementForm {
  return {
    title: agreement?.title ?? '',
    kind: agreement?.kind ?? 'cooperation',
    status: agreement?.status ?? 'in_force',
    signedOn: agreement?.signedOn ?? null,
    validFrom: agreement?.validFrom ?? null,
    validUntil: agreement?.validUntil ?? null,
    autoRenew: agreement?.autoRenew ?? false,
    notes: agreement?.notes ?? '',
    parties: agreement ? agreement.parties.map(partyValue) : parties,
  };
}

function toBody(values: AgreementForm) {
  return {
    title: values.title.trim(),
    kind: values.kind,
    status: values.status,
    signedOn: values.signedOn,
    validFrom: values.validFrom,
    validUntil: values.validUntil,
    autoRenew: values.autoRenew,
    notes: orNull(values.notes),
    parties: values.parties
      .filter((party) => party.id !== null)
      .map((party) =>
        party.type === 'city'
          ? { cityId: party.id, organizationId: null }
          : { cityId: null, organizationId: party.id },
      ),
  };
}

/** Where the agreement form saves, on create and on edit alike. */
const SAVE = {
  kind: 'agreement' as const,
  path: '/agreements',
  fields: FIELDS,
  toBody,
};

function useAgreementForm(initial: AgreementForm) {
  const { t } = useTranslation();
  return useForm<AgreementForm>({
    mode: 'controlled',
    initialValues: initial,
    validateInputOnChange: ['title', 'validUntil', 'parties'],
    validate: {
      title: (value) => (value.trim() === '' ? t('validation.required') : null),
      validUntil: (value, values) =>
        value && values.validFrom && value < values.validFrom ? t('validation.dateOrder') : null,
      parties: (value) =>
        value.filter((party) => party.id !== null).length < 2
          ? t('validation.twoParties', { ns: 'records' })
          : null,
    },
  });
}

function AgreementFields({ form, save }: { form: UseFormReturnType<AgreementForm>; save: RecordSave }) {
  const { t } = useTranslation('records');
  return (
    <RecordForm save={save}>
      <TextInput label={t('agreement.title')} withAsterisk {...form.getInputProps('title')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('agreement.kind')}
          withAsterisk
          allowDeselect={false}
          data={AGREEMENT_KINDS.map((kind) => ({ value: kind, label: t(`agreementKind.${kind}`) }))}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('kind')}
        />
        <Select
          label={t('agreement.status')}
          withAsterisk
          allowDeselect={false}
          data={AGREEMENT_STATUSES.map((status) => ({
            value: status,
            label: t(`agreementStatus.${status}`),
          }))}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('status')}
        />
        <DateField label={t('agreement.signedOn')} {...form.getInputProps('signedOn')} />
        <div />
        <DateField label={t('agreement.validFrom')} {...form.getInputProps('validFrom')} />
        <DateField label={t('agreement.validUntil')} {...form.getInputProps('validUntil')} />
      </SimpleGrid>
      <Checkbox label={t('agreement.autoRenew')} {...form.getInputProps('autoRenew', { type: 'checkbox' })} />
      <PartiesFieldset
        form={form}
        labels={{
          legend: t('agreement.parties'),
          party: (number) => t('agreement.party', { number }),
          type: (number) => t('agreement.partyType', { number }),
          organization: t('agreement.partyOrganization'),
          city: t('agreement.partyCity'),
          remove: (number) => t('agreement.removeParty', { number }),
          add: t('agreement.addParty'),
        }}
      />
      <Textarea label={t('agreement.notes')} autosize minRows={3} {...form.getInputProps('notes')} />
    </RecordForm>
  );
}

/** /agreements/new: a new agreement; the user's own city or organization is the first party. */
export function AgreementCreatePage() {
  const me = useMe();
  return canWrite(me) ? <CreateForm /> : <NotAllowed />;
}

function CreateForm() {
  const { t } = useTranslation('records');
  const me = useMe();
  const [params] = useSearchParams();
  const fromPage = params.get('organizationId');
  const ownOrganization = fromPage ? Number(fromPage) : editorOrganizationId(me);
  const ownCity = editorCityId(me);
  // From a visit's page: the agreement signed there, between the visit's two cities, on its first day.
  const visitId = Number(params.get('visitId')) || null;
  const visitCities = (params.get('cityIds') ?? '').split(',').map(Number).filter(Boolean);
  const first: PartyValue =
    ownOrganization !== null ? { type: 'organization', id: ownOrganization } : { type: 'city', id: ownCity };
  const parties: PartyValue[] =
    visitId !== null && visitCities.length === 2
      ? visitCities.map((id) => ({ type: 'city', id }))
      : [first, { type: 'organization', id: null }];
  const initial = toForm(null, parties);
  const form = useAgreementForm({ ...initial, signedOn: visitId !== null ? params.get('signedOn') : null });
  const save = useRecordSave({
    form,
    ...SAVE,
    toBody: (values: AgreementForm) => ({ ...toBody(values), signedAtVisitId: visitId }),
    editing: null,
    createdMessage: t('agreement.created'),
  });
  return (
    <>
      <PageHeader
        title={t('agreement.createTitle')}
        subtitle={
          visitId !== null && (
            <Anchor component={Link} to={recordPath('visit', visitId)}>
              {t('agreement.signedAtVisit')}
            </Anchor>
          )
        }
      />
      <AgreementFields form={form} save={save} />
    </>
  );
}

/** /agreements/:id/edit: a change to an agreement; a stale save opens the conflict dialog. */
export function AgreementEditPage() {
  const { id } = useParams();
  return (
    <LoadRecord<Agreement> path={`/agreements/${id}`}>
      {(agreement) => <EditForm agreement={agreement} />}
    </LoadRecord>
  );
}

function EditForm({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation('records');
  const format = useFormat();
  const initial = useMemo(() => toForm(agreement, []), [agreement]);
  const form = useAgreementForm(initial);
  const date = (value: unknown) => format.date(value as string);
  const conflictFields: ConflictField[] = [
    { key: 'title', label: t('agreement.title') },
    { key: 'kind', label: t('agreement.kind'), format: (value) => t(`agreementKind.${String(value)}`) },
    { key: 'status', label: t('agreement.status'), format: (value) => t(`agreementStatus.${String(value)}`) },
    { key: 'signedOn', label: t('agreement.signedOn'), format: date },
    { key: 'validFrom', label: t('agreement.validFrom'), format: date },
    { key: 'validUntil', label: t('agreement.validUntil'), format: date },
    { key: 'autoRenew', label: t('agreement.autoRenew'), format: (value) => (value ? t('yes') : t('no')) },
    { key: 'notes', label: t('agreement.notes') },
    {
      key: 'parties',
      label: t('agreement.parties'),
      format: (value) => t('agreement.partyCount', { count: Array.isArray(value) ? value.length : 0 }),
    },
  ];
  const save = useRecordSave({
    form,
    ...SAVE,
    editing: { record: agreement, initial },
    conflictFields,
  });
  return (
    <>
      <PageHeader title={t('agreement.editTitle')} subtitle={agreement.title} />
      <AgreementFields form={form} save={save} />
    </>
  );
}
