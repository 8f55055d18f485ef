import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DraftList, Proposal } from './import-api.ts';

/** The city «наш город» stands for, by its Russian name as the extractor reads it. */
export function HomeCityField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (name: string) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation('import');
  return (
    <TextInput
      label={t('source.homeCity')}
      description={t('source.homeCityHint')}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
    />
  );
}

/** Another record of the registry than the matches offered. */
export function OtherRecordPicker(_props: {
  list: DraftList;
  proposal: Proposal;
  onChange: (list: DraftList, ref: string, change: Partial<Proposal>) => void;
}) {
  return null;
}
