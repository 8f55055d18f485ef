import { Button, Group, Paper, Select, TextInput, type ComboboxItem } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { dateInputFormat, parseTypedDate } from './dates/typed-date.ts';

/**
 * List filters kept in the page's URL (`?q=…&cityId=…`), so a reload, the back button and a
 * shared link keep them; setting a filter drops the paging cursor and keeps the sort.
 */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((key) => [key, params.get(key) ?? undefined])) as Record<
    K,
    string | undefined
  >;
  // Updates start from the address bar as it is now, not from the render the callback was made
  // in: a field that keeps an older onChange would otherwise undo a filter set since.
  const set = (key: K, value: string | null | undefined) => {
    const next = new URLSearchParams(window.location.search);
    if (value === undefined || value === null || value === '') next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };
  const reset = () => {
    const next = new URLSearchParams(window.location.search);
    for (const key of keys) next.delete(key);
    setParams(next, { replace: true });
  };
  const active = keys.some((key) => values[key] !== undefined);
  return { values, set, reset, active };
}

/** The row of filters above a list, with «Сбросить фильтры» when any is set. */
export function FilterBar({
  children,
  active,
  onReset,
}: {
  children: ReactNode;
  active?: boolean;
  onReset?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" mb="md" radius="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        {children}
        {active && onReset && (
          <Button variant="subtle" onClick={onReset}>
            {t('filters.clear')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}

/** A text filter that applies as the user types (after a short pause). */
export function SearchFilter({
  value,
  onChange,
  label,
  placeholder,
}: {
  value: string | undefined;
  onChange: (value: string) => void;
  label?: string;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  const apply = useDebouncedCallback((next: string) => onChange(next.trim()), 300);
  return (
    <TextInput
      type="search"
      label={label ?? t('filters.search')}
      placeholder={placeholder}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        apply(event.currentTarget.value);
      }}
      w={260}
    />
  );
}

/** A choice filter («Любой» clears it). */
export function SelectFilter({
  label,
  value,
  onChange,
  data,
  width = 220,
}: {
  label: string;
  value: string | undefined;
  onChange: (value: string | null) => void;
  data: (ComboboxItem | string)[];
  width?: number;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={label}
      placeholder={t('filters.any')}
      data={data}
      value={value ?? null}
      onChange={onChange}
      clearable
      searchable
      w={width}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/**
 * A date filter (`YYYY-MM-DD` in the URL): Mantine's field with its calendar in the interface's
 * language (the DatesProvider's dayjs locale), never the browser's own mm/dd/yyyy.
 */
export function DateFilter({
  label,
  value,
  onChange,
  minDate,
  maxDate,
}: {
  label: string;
  value: string | undefined;
  onChange: (value: string | null) => void;
  minDate?: string;
  maxDate?: string;
}) {
  const { t, i18n } = useTranslation();
  const format = dateInputFormat(i18n.language);
  return (
    <DateInput
      label={label}
      value={value ?? null}
      onChange={onChange}
      valueFormat={format}
      dateParser={parseTypedDate}
      placeholder={t('filters.datePlaceholder')}
      clearable
      w={160}
      minDate={minDate}
      maxDate={maxDate}
      popoverProps={{ withinPortal: true }}
    />
  );
}
