import { Button, Fieldset, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { CityPicker } from '../../components/Pickers.tsx';
import { DateField } from '../../components/record-form/DateField.tsx';
import { RecordForm } from '../../components/record-form/RecordForm.tsx';
import type { RecordSave } from '../../components/record-form/useRecordSave.ts';
import { useCities } from '../cities/city-cache.ts';
import { PersonPicker } from './PersonPicker.tsx';
import { VISIT_KINDS, VISIT_STATUSES } from './visit-api.ts';
import type { VisitFormValues } from './visit-form-values.ts';
import { RemoveRowButton } from '../../components/record-form/RemoveRowButton.tsx';

/** The fields of a visit, for the create and edit pages. */
export function VisitForm({ form, save }: { form: UseFormReturnType<VisitFormValues>; save: RecordSave }) {
  const { t } = useTranslation('visits');
  const values = form.getValues();
  const cities = useCities([values.fromCityId, values.toCityId]);
  // A picker answers the id and the record; the form keeps the id.
  const picked = (path: string) => {
    const props = form.getInputProps(path);
    return {
      value: (props.value as number | null) ?? null,
      error: props.error as string | undefined,
      onBlur: props.onBlur as () => void,
      onChange: (id: number | null) => form.setFieldValue(path, id),
    };
  };
  return (
    <RecordForm save={save}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <CityPicker
          label={t('fields.fromCity')}
          withAsterisk
          initial={values.fromCityId !== null ? (cities.get(values.fromCityId) ?? null) : null}
          {...picked('fromCityId')}
        />
        <CityPicker
          label={t('fields.toCity')}
          withAsterisk
          initial={values.toCityId !== null ? (cities.get(values.toCityId) ?? null) : null}
          {...picked('toCityId')}
        />
        <DateField label={t('fields.startDate')} withAsterisk {...form.getInputProps('startDate')} />
        <DateField label={t('fields.endDate')} withAsterisk {...form.getInputProps('endDate')} />
        <Select
          label={t('fields.kind')}
          data={VISIT_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
          clearable
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('kind')}
        />
        <Select
          label={t('fields.status')}
          withAsterisk
          allowDeselect={false}
          data={VISIT_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('status')}
        />
      </SimpleGrid>
      <Fieldset legend={t('form.delegation')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <PersonPicker label={t('fields.head')} {...picked('headPersonId')} />
            <TextInput label={t('fields.headPosition')} {...form.getInputProps('headPosition')} />
          </SimpleGrid>
          {values.members.map((member, index) => (
            <Group key={form.key(`members.${index}`)} align="flex-end" gap="sm" wrap="nowrap">
              <PersonPicker
                label={t('form.member', { number: index + 1 })}
                style={{ flex: 1 }}
                {...picked(`members.${index}.personId`)}
              />
              <TextInput
                label={t('form.memberRole')}
                style={{ flex: 1 }}
                {...form.getInputProps(`members.${index}.role`)}
              />
              <RemoveRowButton
                label={t('form.removeMember', { number: index + 1 })}
                onClick={() => form.removeListItem('members', index)}
              />
            </Group>
          ))}
          {form.errors.members && (
            <Text c="red.8" size="sm">
              {form.errors.members}
            </Text>
          )}
          <Button
            variant="default"
            w="fit-content"
            onClick={() => form.insertListItem('members', { personId: null, role: '' })}
          >
            {t('form.addMember')}
          </Button>
        </Stack>
      </Fieldset>
      <TextInput label={t('fields.purpose')} {...form.getInputProps('purpose')} />
      <Textarea label={t('fields.outcomes')} autosize minRows={3} {...form.getInputProps('outcomes')} />
    </RecordForm>
  );
}
