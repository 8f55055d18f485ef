import { Button, Fieldset, Group, SegmentedControl, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { CityPicker } from '../../components/Pickers.tsx';
import { useCities } from '../cities/city-cache.ts';
import { OrganizationPicker } from '../organizations/OrganizationPicker.tsx';
import { PersonPicker } from '../visits/PersonPicker.tsx';
import type { EventFormValues, ParticipantValue } from './event-api.ts';
import { RemoveRowButton } from '../../components/record-form/RemoveRowButton.tsx';

function ParticipantRow({ form, index }: { form: UseFormReturnType<EventFormValues>; index: number }) {
  const { t } = useTranslation('events');
  const participant = form.getValues().participants[index]!;
  const city =
    useCities([participant.type === 'city' ? participant.id : null]).get(participant.id ?? -1) ?? null;
  const number = index + 1;
  const picker = {
    label: t('participants.participant', { number }),
    style: { flex: 2, minWidth: 220 },
    value: participant.id,
    error: form.errors[`participants.${index}`] as string | undefined,
    onChange: (id: number | null) => form.setFieldValue(`participants.${index}.id`, id),
  };
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <SegmentedControl
        aria-label={t('participants.type', { number })}
        value={participant.type}
        onChange={(value) =>
          form.setFieldValue(`participants.${index}`, {
            ...participant,
            type: value as ParticipantValue['type'],
            id: null,
          })
        }
        data={[
          { value: 'city', label: t('participants.city') },
          { value: 'organization', label: t('participants.organization') },
          { value: 'person', label: t('participants.person') },
        ]}
      />
      {participant.type === 'city' && <CityPicker {...picker} initial={city} />}
      {participant.type === 'organization' && <OrganizationPicker {...picker} />}
      {participant.type === 'person' && <PersonPicker {...picker} />}
      <TextInput
        label={t('participants.role', { number })}
        style={{ flex: 1, minWidth: 160 }}
        {...form.getInputProps(`participants.${index}.role`)}
      />
      <RemoveRowButton
        label={t('participants.remove', { number })}
        onClick={() => form.removeListItem('participants', index)}
      />
    </Group>
  );
}

/** Who takes part in an event: cities, organizations, persons, each with a role; added and removed. */
export function ParticipantFields({ form }: { form: UseFormReturnType<EventFormValues> }) {
  const { t } = useTranslation('events');
  return (
    <Fieldset legend={t('participants.legend')}>
      <Stack gap="sm">
        {form.getValues().participants.map((_, index) => (
          <ParticipantRow key={form.key(`participants.${index}`)} form={form} index={index} />
        ))}
        <Button
          variant="default"
          w="fit-content"
          onClick={() => form.insertListItem('participants', { type: 'city', id: null, role: '' })}
        >
          {t('participants.add')}
        </Button>
      </Stack>
    </Fieldset>
  );
}
