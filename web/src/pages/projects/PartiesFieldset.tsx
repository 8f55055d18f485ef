import { Button, Fieldset, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { CityPicker } from '../../components/Pickers.tsx';
import { RemoveRowButton } from '../../components/record-form/RemoveRowButton.tsx';
import { useCities } from '../cities/city-cache.ts';
import { OrganizationPicker } from '../organizations/OrganizationPicker.tsx';
import type { PartyValue, ProjectFormValues } from './project-api.ts';

function PartyRow({ form, index }: { form: UseFormReturnType<ProjectFormValues>; index: number }) {
  const { t } = useTranslation('projects');
  const party = form.getValues().parties[index]!;
  const city = useCities([party.type === 'city' ? party.id : null]).get(party.id ?? -1) ?? null;
  const label = t('party.label', { number: index + 1 });
  const choose = (id: number | null, name?: string) => {
    form.setFieldValue(`parties.${index}`, { type: party.type, id, name });
    form.validateField('parties');
  };
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <SegmentedControl
        aria-label={t('party.type', { number: index + 1 })}
        value={party.type}
        onChange={(value) =>
          form.setFieldValue(`parties.${index}`, { type: value as PartyValue['type'], id: null })
        }
        data={[
          { value: 'organization', label: t('party.organization') },
          { value: 'city', label: t('party.city') },
        ]}
      />
      {party.type === 'city' ? (
        <CityPicker
          label={label}
          style={{ flex: 1, minWidth: 220 }}
          value={party.id}
          initial={city}
          onChange={(id) => choose(id)}
        />
      ) : (
        <OrganizationPicker
          label={label}
          style={{ flex: 1, minWidth: 220 }}
          value={party.id}
          knownName={party.name}
          onChange={(chosen, record) => choose(chosen, record?.name)}
        />
      )}
      <RemoveRowButton
        label={t('party.remove', { number: index + 1 })}
        onClick={() => form.removeListItem('parties', index)}
      />
    </Group>
  );
}

/** The parties of a project: two or more cities or organizations, each row a city or an organization. */
export function PartiesFieldset({ form }: { form: UseFormReturnType<ProjectFormValues> }) {
  const { t } = useTranslation('projects');
  return (
    <Fieldset legend={t('fields.parties')}>
      <Stack gap="sm">
        {form.getValues().parties.map((_, index) => (
          <PartyRow key={form.key(`parties.${index}`)} form={form} index={index} />
        ))}
        {form.errors.parties && (
          <Text c="red.8" size="sm" role="alert">
            {form.errors.parties}
          </Text>
        )}
        <Button
          variant="default"
          w="fit-content"
          onClick={() => form.insertListItem('parties', { type: 'organization', id: null })}
        >
          {t('party.add')}
        </Button>
      </Stack>
    </Fieldset>
  );
}
