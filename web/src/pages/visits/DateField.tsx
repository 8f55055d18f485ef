import { DateInput, type DateInputProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';

/**
 * A typed day («17.05.2026», «17/05/2026» or «2026-05-17») as `YYYY-MM-DD`, or null. Mantine's
 * own parser reads only the ISO form and whatever `Date` guesses (which takes 05.06 as 6 May).
 */
export function parseTypedDate(text: string): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const dotted = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(trimmed);
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]]
    : dotted
      ? [dotted[3], dotted[2], dotted[1]]
      : [undefined, undefined, undefined];
  if (!year || !month || !day) return null;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return null;
  return date.toISOString().slice(0, 10);
}

/** A date field in the interface language's order (day first), holding `YYYY-MM-DD`. */
export function DateField(props: Omit<DateInputProps, 'valueFormat' | 'dateParser'>) {
  const { t, i18n } = useTranslation('visits');
  return (
    <DateInput
      valueFormat={i18n.language === 'en' ? 'DD/MM/YYYY' : 'DD.MM.YYYY'}
      dateParser={parseTypedDate}
      placeholder={i18n.language === 'en' ? 'dd/mm/yyyy' : 'дд.мм.гггг'}
      clearable
      clearButtonProps={{ 'aria-label': t('form.clearDate') }}
      popoverProps={{ withinPortal: true }}
      {...props}
    />
  );
}
