import { Loader, Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Query } from '../api/client.ts';

/** A city as GET /api/cities answers. */
export interface CityOption {
  id: number;
  nameRu: string | null;
  nameBe: string | null;
  nameEn: string;
  country: string;
  admin1?: string;
}

/** A city's name in the interface language (Russian, else English), with its country code. */
export function cityLabel(city: CityOption, language: string): string {
  const name =
    language === 'en'
      ? city.nameEn
      : language === 'be'
        ? (city.nameBe ?? city.nameRu ?? city.nameEn)
        : (city.nameRu ?? city.nameEn);
  return `${name} (${city.country})`;
}

export interface RecordPickerProps<T extends { id: number }> extends Omit<
  SelectProps,
  'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'
> {
  /** The route that finds records by `q` (GET path?q=…); answers an array or a page `{ items }`. */
  path: string;
  /** Other query parameters of the route. */
  query?: Query;
  /** The chosen id (none when absent, so the props of a form field spread in directly). */
  value?: number | null;
  onChange: (id: number | null, record: T | null) => void;
  /** The record's label in the list and in the field. */
  labelOf: (record: T) => string;
  /** The chosen record when known (so its label shows before any search). */
  initial?: T | null;
  /** Characters to type before searching (two unless told). */
  minChars?: number;
}

/**
 * A searchable select over an API route: searches as the user types (debounced), keeps the chosen
 * record's label, and answers the id and the record.
 */
export function RecordPicker<T extends { id: number }>({
  path,
  query,
  value = null,
  onChange,
  labelOf,
  initial = null,
  minChars = 2,
  ...props
}: RecordPickerProps<T>) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [found, setFound] = useState<T[]>([]);
  const [chosen, setChosen] = useState<T | null>(initial);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    if (initial) setChosen(initial);
  }, [initial]);
  const queryKey = JSON.stringify(query ?? {});
  useEffect(() => {
    const text = debounced.trim();
    if (text.length < minChars || (chosen && text === labelOf(chosen))) {
      setFound([]);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    api
      .get<T[] | { items: T[] }>(path, { ...(JSON.parse(queryKey) as Query), q: text }, controller.signal)
      .then((answer) => {
        setFound(Array.isArray(answer) ? answer : answer.items);
        setLoading(false);
      })
      .catch(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
    // labelOf and chosen are read only to skip searching for the chosen label.
  }, [debounced, path, queryKey, minChars]);
  const records = useMemo(() => {
    const all = [...found];
    if (chosen && !all.some((record) => record.id === chosen.id)) all.unshift(chosen);
    return all;
  }, [found, chosen]);
  const text = search.trim();
  return (
    <Select
      searchable
      clearable
      filter={({ options }) => options}
      data={records.map((record) => ({ value: String(record.id), label: labelOf(record) }))}
      value={value === null ? null : String(value)}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => {
        const record = records.find((candidate) => String(candidate.id) === id) ?? null;
        setChosen(record);
        onChange(record ? record.id : null, record);
      }}
      nothingFoundMessage={
        text.length < minChars ? t('picker.typeMore') : loading ? t('loading') : t('picker.nothing')
      }
      rightSection={loading ? <Loader size="xs" /> : undefined}
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}

/** Picks a city of the gazetteer by name in any language (GET /api/cities?q=). */
export function CityPicker(
  props: Omit<RecordPickerProps<CityOption>, 'path' | 'labelOf'> & { label?: string; countries?: string[] },
) {
  const { t, i18n } = useTranslation();
  const { countries, label, ...rest } = props;
  return (
    <RecordPicker<CityOption>
      path="/cities"
      query={countries ? { countries } : {}}
      labelOf={(city) => cityLabel(city, i18n.language)}
      label={label ?? t('picker.city')}
      placeholder={t('picker.cityPlaceholder')}
      {...rest}
    />
  );
}
