import { Alert, Button, Group, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/client.ts';
import { DateField } from '../../components/record-form/DateField.tsx';
import { today } from '../../components/record-form/days.ts';
import { orNull, useFormSubmit } from '../../components/record-form/form-submit.ts';
import { PLAN_STATUSES, type PlanItem, type PlanItemStatus } from './agreement-api.ts';

export interface PlanItemValues {
  title: string;
  dueOn: string | null;
  status: PlanItemStatus;
  doneOn: string | null;
  responsibleText: string;
  report: string;
  /** The user the item is assigned to (told by mail), as the Select's value: an id or null. */
  assigneeUserId: string | null;
}
const FIELDS = ['title', 'dueOn', 'status', 'doneOn', 'responsibleText', 'report', 'assigneeUserId'];

/** The form's values of a stored item, or of a new one. */
export function planItemValues(item: PlanItem | null): PlanItemValues {
  return {
    title: item?.title ?? '',
    dueOn: item?.dueOn ?? null,
    status: item?.status ?? 'planned',
    doneOn: item?.doneOn ?? null,
    responsibleText: item?.responsibleText ?? '',
    report: item?.report ?? '',
    assigneeUserId: item?.assigneeUserId ? String(item.assigneeUserId) : null,
  };
}

/** The request body of the values, empty texts as null. */
export function planItemBody(values: PlanItemValues) {
  return {
    title: values.title.trim(),
    dueOn: values.dueOn,
    status: values.status,
    doneOn: values.doneOn,
    responsibleText: orNull(values.responsibleText),
    report: orNull(values.report),
    assigneeUserId: values.assigneeUserId === null ? null : Number(values.assigneeUserId),
  };
}

function validate(t: TFunction) {
  return {
    title: (value: string) => (value.trim() === '' ? t('validation.required') : null),
    // The API's own rule: an item marked done says when.
    doneOn: (value: string | null, values: PlanItemValues) =>
      values.status === 'done' && !value ? t('validation.required') : null,
  };
}

/**
 * A plan item's fields inline in the plan: add a new one, or change one. Marking it done fills in
 * today as the date done (the user may change it).
 */
export function PlanItemForm({
  item,
  onSave,
  onCancel,
  submitLabel,
}: {
  item: PlanItem | null;
  /** Saves the values; throws the API's error for the fields. */
  onSave: (values: PlanItemValues) => Promise<unknown>;
  onCancel?: () => void;
  submitLabel: string;
}) {
  const { t } = useTranslation('records');
  const { t: tc } = useTranslation();
  const form = useForm<PlanItemValues>({
    mode: 'controlled',
    initialValues: planItemValues(item),
    validateInputOnChange: ['title', 'doneOn'],
    validate: validate(tc),
  });
  const submit = useFormSubmit(form, FIELDS);
  const assignees = useApi<Array<{ id: number; displayName: string }>>('/mail/assignees');
  return (
    <form
      noValidate
      aria-label={item ? t('plan.editItem', { title: item.title }) : t('plan.newItem')}
      onSubmit={form.onSubmit(
        (values) =>
          void submit.run(async () => {
            await onSave(values);
            if (!item) form.reset();
          }),
      )}
    >
      <Stack gap="sm">
        {submit.problem && (
          <Alert color="red" role="alert">
            {submit.problem}
          </Alert>
        )}
        <TextInput label={t('plan.title')} withAsterisk {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateField label={t('plan.dueOn')} {...form.getInputProps('dueOn')} />
          <Select
            label={t('plan.status')}
            allowDeselect={false}
            data={PLAN_STATUSES.map((status) => ({ value: status, label: t(`planStatus.${status}`) }))}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('status')}
            onChange={(value) => {
              const status = (value ?? 'planned') as PlanItemStatus;
              form.setFieldValue('status', status);
              if (status === 'done' && !form.getValues().doneOn) form.setFieldValue('doneOn', today());
            }}
          />
          <DateField label={t('plan.doneOn')} {...form.getInputProps('doneOn')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('plan.responsible')} {...form.getInputProps('responsibleText')} />
          <Select
            label={t('plan.assignee')}
            description={t('plan.assigneeHint')}
            clearable
            searchable
            data={(assignees.data ?? []).map((user) => ({ value: String(user.id), label: user.displayName }))}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('assigneeUserId')}
          />
        </SimpleGrid>
        {item && <Textarea label={t('plan.report')} autosize minRows={2} {...form.getInputProps('report')} />}
        <Group>
          <Button type="submit" loading={submit.busy}>
            {submitLabel}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel} disabled={submit.busy}>
              {tc('actions.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
