import { Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/record-form/DateField.tsx';
import type { Draft, DraftList, Proposal } from './import-api.ts';

const ORGANIZATION_KINDS = [
  'school',
  'gymnasium',
  'lyceum',
  'college',
  'university',
  'kindergarten',
  'library',
  'museum',
  'theatre',
  'culture_house',
  'enterprise',
  'hospital',
  'sport_club',
  'administration',
  'council',
  'association',
  'media',
  'other',
] as const satisfies readonly Draft['organizations'][number]['kind'][];
const VISIT_KINDS = ['official', 'working', 'business', 'other'] as const satisfies readonly NonNullable<
  Draft['visits'][number]['kind']
>[];
const AGREEMENT_KINDS = [
  'twinning',
  'cooperation',
  'memorandum',
  'plan',
  'protocol',
  'other',
] as const satisfies readonly Draft['agreements'][number]['kind'][];
const EVENT_KINDS = [
  'city_day',
  'anniversary',
  'festival',
  'forum',
  'concert',
  'exhibition',
  'competition',
  'conference',
  'other',
] as const satisfies readonly Draft['events'][number]['kind'][];

interface ProposalFieldsProps {
  list: DraftList;
  proposal: Proposal;
  /** The draft's cities, for the city of an organization or event. */
  cities: { value: string; label: string }[];
  onChange: (list: DraftList, ref: string, change: Partial<Proposal>) => void;
}

/** A full date for a date input; a date without a year («--09-18») shows empty until one is entered. */
function dateValue(value: string | null): string | null {
  return value && !value.startsWith('--') ? value : null;
}

/** The fields of a new record that the reviewer may correct before accepting. */
export function ProposalFields({ list, proposal, cities, onChange }: ProposalFieldsProps) {
  const { t } = useTranslation('import');
  const set = (change: Record<string, unknown>) => onChange(list, proposal.ref, change as Partial<Proposal>);
  const kinds = (prefix: string, values: readonly string[]) =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  const input =
    (field: string, nullable = false) =>
    (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      set({ [field]: nullable && !value.trim() ? null : value });
    };

  const cityField = (cityRef: string | null, field = 'cityRef', label = t('field.city')) => (
    <Select
      label={label}
      data={cities}
      value={cityRef}
      onChange={(ref) => set({ [field]: ref })}
      allowDeselect={false}
    />
  );

  switch (list) {
    case 'organizations': {
      const org = proposal as Draft['organizations'][number];
      return (
        <Stack gap="xs">
          <TextInput label={t('field.name')} value={org.name} onChange={input('name')} required />
          <Select
            label={t('field.kind')}
            data={kinds('organizationKind', ORGANIZATION_KINDS)}
            value={org.kind}
            onChange={(kind) => kind && set({ kind })}
            allowDeselect={false}
          />
          {cityField(org.cityRef)}
        </Stack>
      );
    }
    case 'persons': {
      const person = proposal as Draft['persons'][number];
      return (
        <Stack gap="xs">
          <TextInput label={t('field.fullName')} value={person.name} onChange={input('name')} required />
          <TextInput
            label={t('field.position')}
            value={person.position ?? ''}
            onChange={input('position', true)}
          />
        </Stack>
      );
    }
    case 'visits': {
      const visit = proposal as Draft['visits'][number];
      return (
        <Stack gap="xs">
          <SimpleGrid cols={2} spacing="xs">
            {cityField(visit.fromCityRef, 'fromCityRef', t('field.fromCity'))}
            {cityField(visit.toCityRef, 'toCityRef', t('field.toCity'))}
          </SimpleGrid>
          <SimpleGrid cols={2} spacing="xs">
            <DateField
              label={t('field.start')}
              value={dateValue(visit.start)}
              onChange={(day) => set({ start: day || null })}
              required
            />
            <DateField
              label={t('field.end')}
              value={dateValue(visit.end)}
              onChange={(day) => set({ end: day || null })}
            />
          </SimpleGrid>
          <Select
            label={t('field.visitKind')}
            data={kinds('visitKind', VISIT_KINDS)}
            value={visit.kind}
            onChange={(kind) => set({ kind })}
            clearable
          />
          <TextInput
            label={t('field.headPosition')}
            value={visit.headPosition ?? ''}
            onChange={input('headPosition', true)}
          />
        </Stack>
      );
    }
    case 'agreements': {
      const agreement = proposal as Draft['agreements'][number];
      return (
        <Stack gap="xs">
          <Textarea
            label={t('field.title')}
            value={agreement.title}
            autosize
            minRows={2}
            onChange={input('title')}
            required
          />
          <SimpleGrid cols={2} spacing="xs">
            <Select
              label={t('field.agreementKind')}
              data={kinds('agreementKind', AGREEMENT_KINDS)}
              value={agreement.kind}
              onChange={(kind) => kind && set({ kind })}
              allowDeselect={false}
            />
            <DateField
              label={t('field.signedOn')}
              value={dateValue(agreement.signedOn)}
              onChange={(day) => set({ signedOn: day || null })}
            />
          </SimpleGrid>
        </Stack>
      );
    }
    case 'projects': {
      const project = proposal as Draft['projects'][number];
      return (
        <Textarea
          label={t('field.title')}
          value={project.title}
          autosize
          minRows={2}
          onChange={input('title')}
          required
        />
      );
    }
    case 'events': {
      const event = proposal as Draft['events'][number];
      return (
        <Stack gap="xs">
          <TextInput label={t('field.name')} value={event.name} onChange={input('name')} required />
          <SimpleGrid cols={2} spacing="xs">
            <Select
              label={t('field.eventKind')}
              data={kinds('eventKind', EVENT_KINDS)}
              value={event.kind}
              onChange={(kind) => kind && set({ kind })}
              allowDeselect={false}
            />
            <DateField
              label={t('field.date')}
              value={dateValue(event.date)}
              onChange={(day) => set({ date: day || null })}
            />
          </SimpleGrid>
          {cityField(event.cityRef)}
        </Stack>
      );
    }
    case 'cities':
    case 'twinnings':
      return null;
  }
}
