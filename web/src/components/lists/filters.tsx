import { useTranslation } from 'react-i18next';
import { SelectFilter, type useUrlFilters } from '../FilterBar.tsx';
import { CityPicker } from '../Pickers.tsx';
import { useCities } from '../../pages/cities/city-cache.ts';

/** The filters a list keeps in its URL, as `useUrlFilters` gives them. */
export type UrlFilters<K extends string> = ReturnType<typeof useUrlFilters<K>>;

/** The value and setter of one URL filter, to spread on its field: `<SelectFilter {...bound(filters, 'kind')} />`. */
export function bound<K extends string>(filters: UrlFilters<K>, key: K) {
  return {
    value: filters.values[key],
    onChange: (value: string | null) => filters.set(key, value),
  };
}

/** The record id a URL filter holds, or null. */
export function idOf(value: string | undefined): number | null {
  return value ? Number(value) : null;
}

/** A URL filter's value for a picked record id (none clears it). */
export function idValue(id: number | null): string | null {
  return id === null ? null : String(id);
}

/** A city filter: any city of the gazetteer, its name shown from the URL's id on a reload. */
export function CityFilter({
  label,
  value,
  onChange,
}: {
  label?: string;
  value: string | undefined;
  onChange: (value: string | null) => void;
}) {
  const { t } = useTranslation();
  const cityId = idOf(value);
  const city = useCities([cityId]).get(cityId ?? -1) ?? null;
  return (
    <CityPicker
      label={label}
      placeholder={t('filters.any')}
      value={cityId}
      initial={city}
      onChange={(id) => onChange(idValue(id))}
      w={240}
    />
  );
}

const FIRST_YEAR = 1990;

/** A year filter: from 1990 to next year, latest first. */
export function YearFilter({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string | undefined;
  onChange: (value: string | null) => void;
}) {
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear + 2 - FIRST_YEAR }, (_, index) => String(thisYear + 1 - index));
  return <SelectFilter label={label} value={value} onChange={onChange} data={years} width={120} />;
}
