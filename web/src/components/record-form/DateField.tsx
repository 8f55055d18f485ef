import { DateInput, type DateInputProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { dateInputFormat, parseTypedDate } from '../dates/typed-date.ts';

/** A date field in the interface language's order (day first), holding `YYYY-MM-DD`. */
export function DateField(props: Omit<DateInputProps, 'valueFormat' | 'dateParser'>) {
  const { t, i18n } = useTranslation('records');
  return (
    <DateInput
      valueFormat={dateInputFormat(i18n.language)}
      dateParser={parseTypedDate}
      placeholder={i18n.language === 'en' ? 'dd/mm/yyyy' : 'дд.мм.гггг'}
      clearable
      clearButtonProps={{ 'aria-label': t('clearDate') }}
      popoverProps={{ withinPortal: true }}
      {...props}
    />
  );
}
