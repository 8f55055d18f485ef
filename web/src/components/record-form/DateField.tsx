import { DateInput, type DateInputProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';

/**
 * A typed day («17.05.2026», «17/05/2026» or «2026-05-17») as `YYYY-MM-DD`, or null: Mantine's
 * own parser reads only the ISO form and whatever `Date` guesses (which takes 05.06 as 6 May).
 */
export function parseTypedDate(text: string): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const dotted = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(trimmed);
  const parts = iso ? [iso[1], iso[2], iso[3]] : dotted ? [dotted[3], dotted[2], dotted[1]] : null;
  if (!parts) return null;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** A date field in the interface language's order (day first), holding `YYYY-MM-DD`. */
export function DateField(props: Omit<DateInputProps, 'valueFormat' | 'dateParser'>) {
  const { t, i18n } = useTranslation('records');
  return (
    <DateInput
      valueFormat={i18n.language === 'en' ? 'DD/MM/YYYY' : 'DD.MM.YYYY'}
      dateParser={parseTypedDate}
      placeholder={i18n.language === 'en' ? 'dd/mm/yyyy' : 'дд.мм.гггг'}
      clearable
      clearButtonProps={{ 'aria-label': t('clearDate') }}
      popoverProps={{ withinPortal: true }}
      {...props}
    />
  );
}
