import { Button, Fieldset, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { CityPicker } from '../../components/Pickers.tsx';
import { RemoveRowButton } from '../../components/record-form/RemoveRowButton.tsx';
import { useCities } from '../cities/city-cache.ts';
import { OrganizationPicker } from '../organizations/OrganizationPicker.tsx';
import type { PartyValue } from './agreement-api.ts';

/** A form with parties: an agreement's or a project's. */
interface PartiesForm {
  parties: PartyValue[];
}

/** What the fieldset says, in the namespace of the record it belongs to. */
export interface PartyLabels {
  legend: string;
  party: (number: number) => string;
  type: (number: number) => string;
  organization: string;
  city: string;
  remove: (number: number) => string;
  add: string;
}

function PartyRow({
  form,
  index,
  labels,
}: {
  form: UseFormReturnType<PartiesForm>;
  index: number;
  labels: PartyLabels;
}) {
  const party = form.getValues().parties[index]!;
  const city = useCities([party.type === 'city' ? party.id : null]).get(party.id ?? -1) ?? null;
  const label = labels.party(index + 1);
  const choose = (id: number | null, name?: string) => {
    form.setFieldValue(`parties.${index}`, { type: party.type, id, name });
    form.validateField('parties');
  };
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <SegmentedControl
        aria-label={labels.type(index + 1)}
        value={party.type}
        onChange={(value) =>
          form.setFieldValue(`parties.${index}`, { type: value as PartyValue['type'], id: null })
        }
        data={[
          { value: 'organization', label: labels.organization },
          { value: 'city', label: labels.city },
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
        label={labels.remove(index + 1)}
        onClick={() => form.removeListItem('parties', index)}
      />
    </Group>
  );
}

/**
 * The parties of an agreement or a project: two or more rows, each a city or an organization. The
 * form is any form whose values hold `parties`; the rows touch that field only.
 */
export function PartiesFieldset<Values extends PartiesForm>({
  form,
  labels,
}: {
  form: UseFormReturnType<Values>;
  labels: PartyLabels;
}) {
  // Mantine's form type is invariant in its values; the rows read and write `parties` alone.
  const parties = form as unknown as UseFormReturnType<PartiesForm>;
  return (
    <Fieldset legend={labels.legend}>
      <Stack gap="sm">
        {parties.getValues().parties.map((_, index) => (
          <PartyRow key={parties.key(`parties.${index}`)} form={parties} index={index} labels={labels} />
        ))}
        {parties.errors.parties && (
          <Text c="red.8" size="sm" role="alert">
            {parties.errors.parties}
          </Text>
        )}
        <Button
          variant="default"
          w="fit-content"
          onClick={() => parties.insertListItem('parties', { type: 'organization', id: null })}
        >
          {labels.add}
        </Button>
      </Stack>
    </Fieldset>
  );
}
