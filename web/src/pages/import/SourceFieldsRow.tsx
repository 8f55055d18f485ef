import { SimpleGrid, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/record-form/DateField.tsx';
import type { SourceFields } from './import-api.ts';

interface SourceFieldsRowProps {
  source: SourceFields;
  errors: Partial<Record<keyof SourceFields, string>>;
  onChange: (change: Partial<SourceFields>) => void;
  /** The home city field: the application's city picker, giving the city's Russian name. */
  homeCityField: ReactNode;
}

/** What the reviewer knows about the text: when it was published, whose city «наш город» is, where it came from. */
export function SourceFieldsRow({ source, errors, onChange, homeCityField }: SourceFieldsRowProps) {
  const { t } = useTranslation('import');
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" verticalSpacing="xs">
      <DateField
        label={t('source.publishedOn')}
        description={t('source.publishedOnHint')}
        value={source.publishedOn || null}
        onChange={(day) => onChange({ publishedOn: day ?? '' })}
        error={errors.publishedOn}
      />
      {homeCityField}
      <TextInput
        type="url"
        id="import-source-url"
        label={t('source.sourceUrl')}
        description={t('source.sourceUrlHint')}
        placeholder="https://"
        value={source.sourceUrl}
        onChange={(event) => onChange({ sourceUrl: event.currentTarget.value })}
        error={errors.sourceUrl}
      />
    </SimpleGrid>
  );
}
