import { Anchor, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../app/auth.tsx';
import { recordPath } from '../../app/record-paths.ts';
import { FilterBar, SelectFilter, useUrlFilters } from '../../components/FilterBar.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { CityPicker } from '../../components/Pickers.tsx';
import { RecordTable, useUrlSort, type Column } from '../../components/RecordTable.tsx';
import { useFormat } from '../../i18n/format.ts';
import { CityName } from '../cities/CityName.tsx';
import { useCities } from '../cities/city-cache.ts';
import { mayCreateForCity } from '../../app/access.ts';
import { ExportButtons } from '../visits/ExportButtons.tsx';
import { EVENT_KINDS, type EventRecord } from './event-api.ts';

const FIRST_YEAR = 1990;

/** /events: events by year, kind and city. */
export default function EventsListPage() {
  const { t } = useTranslation('events');
  const { t: tc } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const filters = useUrlFilters(['year', 'kind', 'cityId'] as const);
  const cityId = filters.values.cityId ? Number(filters.values.cityId) : null;
  const city = useCities([cityId]).get(cityId ?? -1) ?? null;
  const { sort, order } = useUrlSort('startDate');
  const query = { year: filters.values.year, kind: filters.values.kind, cityId: filters.values.cityId };
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear + 2 - FIRST_YEAR }, (_, index) => String(thisYear + 1 - index));
  const columns: Column<EventRecord>[] = [
    {
      key: 'name',
      header: t('fields.name'),
      sort: 'name',
      render: (event) => (
        <Anchor component={Link} to={recordPath('event', event.id)}>
          {event.name}
        </Anchor>
      ),
    },
    {
      key: 'dates',
      header: t('fields.dates'),
      sort: 'startDate',
      render: (event) =>
        event.startDate ? format.dateRange(event.startDate, event.endDate) : t('page.undated'),
    },
    { key: 'kind', header: t('fields.kind'), sort: 'kind', render: (event) => t(`kind.${event.kind}`) },
    { key: 'city', header: t('fields.city'), render: (event) => <CityName id={event.cityId} link={false} /> },
  ];
  return (
    <>
      <PageHeader
        title={t('list.title')}
        actions={
          <>
            <ExportButtons kind="events" query={{ ...query, sort, order }} />
            {mayCreateForCity(me) && (
              <Button component={Link} to="/events/new">
                {t('list.create')}
              </Button>
            )}
          </>
        }
      />
      <FilterBar active={filters.active} onReset={filters.reset}>
        <SelectFilter
          label={t('filters.year')}
          value={filters.values.year}
          onChange={(value) => filters.set('year', value)}
          data={years}
          width={120}
        />
        <SelectFilter
          label={t('fields.kind')}
          value={filters.values.kind}
          onChange={(value) => filters.set('kind', value)}
          data={EVENT_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
        />
        <CityPicker
          label={t('fields.city')}
          value={cityId}
          placeholder={tc('filters.any')}
          initial={city}
          onChange={(id) => filters.set('cityId', id === null ? null : String(id))}
          w={240}
        />
      </FilterBar>
      <RecordTable<EventRecord>
        path="/events"
        query={query}
        columns={columns}
        defaultSort="startDate"
        caption={t('list.title')}
        filtered={filters.active}
      />
    </>
  );
}
