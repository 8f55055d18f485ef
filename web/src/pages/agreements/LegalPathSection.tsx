import { Alert, Button, Group, Select, SimpleGrid, Stack, Text, TextInput, Timeline } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { DateField } from '../../components/record-form/DateField.tsx';
import { today } from '../../components/record-form/days.ts';
import { orNull, useFormSubmit } from '../../components/record-form/form-submit.ts';
import { useFormat } from '../../i18n/format.ts';
import { Section } from '../organizations/Section.tsx';
import { AGREEMENT_STAGES, END_REASONS, type AgreementStage, type StageEntry } from './agreement-api.ts';

interface MoveValues {
  stage: AgreementStage | null;
  enteredOn: string | null;
  approver: string;
  registrationNumber: string;
  registrationBody: string;
  endReason: string | null;
  note: string;
}
const FIELDS = [
  'stage',
  'enteredOn',
  'approver',
  'registrationNumber',
  'registrationBody',
  'endReason',
  'note',
];

/** The stages that may follow the last one entered: any later stage, «ended» after any but itself. */
function nextStages(last: AgreementStage | null): AgreementStage[] {
  if (last === 'ended') return [];
  const from = last === null ? 0 : AGREEMENT_STAGES.indexOf(last) + 1;
  return AGREEMENT_STAGES.slice(from);
}

/**
 * The agreement's legal path as a timeline (each stage dated, with its number, body, approver or
 * reason), and for its editors a control to move it to a later stage with that stage's fields.
 */
export function LegalPathSection({
  agreementId,
  version,
  stages,
  editable,
  onChanged,
}: {
  agreementId: number;
  version: number;
  stages: StageEntry[];
  editable: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation('records');
  const { t: tc } = useTranslation();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const last = stages.at(-1)?.stage ?? null;
  const choices = nextStages(last);
  const form = useForm<MoveValues>({
    mode: 'controlled',
    initialValues: {
      stage: choices[0] ?? null,
      enteredOn: today(),
      approver: '',
      registrationNumber: '',
      registrationBody: '',
      endReason: null,
      note: '',
    },
    validate: {
      stage: (value) => (value ? null : tc('validation.required')),
      enteredOn: (value) => (value ? null : tc('validation.required')),
      registrationNumber: (value, values) =>
        values.stage === 'registered' && value.trim() === '' ? tc('validation.required') : null,
      registrationBody: (value, values) =>
        values.stage === 'registered' && value.trim() === '' ? tc('validation.required') : null,
      endReason: (value, values) => (values.stage === 'ended' && !value ? tc('validation.required') : null),
    },
  });
  const submit = useFormSubmit(form, FIELDS);
  const stage = form.values.stage;

  const detail = (entry: StageEntry) => {
    if (entry.stage === 'registered')
      return t('stage.registeredDetail', { number: entry.registrationNumber, body: entry.registrationBody });
    if (entry.stage === 'in_approval' && entry.approver)
      return t('stage.approverDetail', { approver: entry.approver });
    if (entry.stage === 'ended' && entry.endReason) return t(`stage.endReason.${entry.endReason}`);
    return null;
  };

  return (
    <Section title={t('stage.title')}>
      <Stack gap="sm">
        {stages.length === 0 ? (
          <Text c="dimmed">{t('stage.none')}</Text>
        ) : (
          <Timeline active={stages.length - 1} bulletSize={18} lineWidth={2} aria-label={t('stage.title')}>
            {stages.map((entry) => (
              <Timeline.Item key={entry.id} title={t(`stage.name.${entry.stage}`)}>
                <Text size="sm">{format.date(entry.enteredOn)}</Text>
                {detail(entry) && (
                  <Text size="sm" c="dimmed">
                    {detail(entry)}
                  </Text>
                )}
                {entry.note && (
                  <Text size="sm" c="dimmed">
                    {entry.note}
                  </Text>
                )}
              </Timeline.Item>
            ))}
          </Timeline>
        )}
        {editable && choices.length > 0 && !open && (
          <Group>
            <Button variant="light" onClick={() => setOpen(true)}>
              {t('stage.move')}
            </Button>
          </Group>
        )}
        {editable && open && (
          <form
            noValidate
            aria-label={t('stage.move')}
            onSubmit={form.onSubmit((values) =>
              submit.run(async () => {
                await api.post(`/agreements/${agreementId}/stages`, {
                  stage: values.stage,
                  enteredOn: values.enteredOn,
                  ...(values.stage === 'in_approval' && { approver: orNull(values.approver) }),
                  ...(values.stage === 'registered' && {
                    registrationNumber: values.registrationNumber.trim(),
                    registrationBody: values.registrationBody.trim(),
                  }),
                  ...(values.stage === 'ended' && { endReason: values.endReason }),
                  note: orNull(values.note),
                  version,
                });
                notifications.show({ color: 'green', message: t('stage.moved') });
                setOpen(false);
                onChanged();
              }),
            )}
          >
            <Stack gap="sm">
              {submit.problem && <Alert color="red">{submit.problem}</Alert>}
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label={t('stage.next')}
                  required
                  data={choices.map((value) => ({ value, label: t(`stage.name.${value}`) }))}
                  allowDeselect={false}
                  {...form.getInputProps('stage')}
                />
                <DateField
                  label={stage === 'registered' ? t('stage.registeredOn') : t('stage.enteredOn')}
                  required
                  {...form.getInputProps('enteredOn')}
                />
                {stage === 'in_approval' && (
                  <TextInput label={t('stage.approver')} {...form.getInputProps('approver')} />
                )}
                {stage === 'registered' && (
                  <>
                    <TextInput
                      label={t('stage.registrationNumber')}
                      required
                      {...form.getInputProps('registrationNumber')}
                    />
                    <TextInput
                      label={t('stage.registrationBody')}
                      required
                      {...form.getInputProps('registrationBody')}
                    />
                  </>
                )}
                {stage === 'ended' && (
                  <Select
                    label={t('stage.endReasonLabel')}
                    required
                    data={END_REASONS.map((value) => ({ value, label: t(`stage.endReason.${value}`) }))}
                    {...form.getInputProps('endReason')}
                  />
                )}
                <TextInput label={t('stage.note')} {...form.getInputProps('note')} />
              </SimpleGrid>
              <Group>
                <Button type="submit" loading={submit.busy}>
                  {t('stage.save')}
                </Button>
                <Button variant="default" onClick={() => setOpen(false)}>
                  {tc('actions.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Section>
  );
}
