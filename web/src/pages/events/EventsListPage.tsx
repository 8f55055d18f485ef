import { useTranslation } from 'react-i18next';
import { mayCreateForCity } from '../../app/access.ts';
import { useMe } from '../../app/auth.tsx';
import { SelectFilter, useUrlFilters } from '../../components/FilterBar.tsx';
import { linkColumn } from '../../components/lists/columns.tsx';
import { bound, CityFilter, YearFilter } from '../../components/lists/filters.tsx';
import { ListPage } from '../../components/lists/ListPage.tsx';
import type { Column } from '../../components/RecordTable.tsx';
import { useFormat } from '../../i18n/format.ts';
import { CityName } from '../cities/CityName.tsx';
import { EVENT_KINDS, type EventRecord } from './event-api.ts';

/** /events: events by year, kind and city. */
export default function EventsListPage() {
  const { t } = useTranslation('events');
  const me = useMe();
  const format = useFormat();
  const filters = useUrlFilters(['year', 'kind', 'cityId'] as const);
  const query = { year: filters.values.year, kind: filters.values.kind, cityId: filters.values.cityId };
  const columns: Column<EventRecord>[] = [
    linkColumn('event', { key: 'name', header: t('fields.name'), sort: 'name', text: (event) => event.name }),
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
    <ListPage<EventRecord>
      title={t('list.title')}
      exportKind="events"
      create={mayCreateForCity(me) && { to: '/events/new', label: t('list.create') }}
      filters={filters}
      path="/events"
      query={query}
      columns={columns}
      defaultSort="startDate"
    >
      <YearFilter label={t('filters.year')} {...bound(filters, 'year')} />
      <SelectFilter
        label={t('fields.kind')}
        {...bound(filters, 'kind')}
        data={EVENT_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
      />
      <CityFilter label={t('fields.city')} {...bound(filters, 'cityId')} />
    </ListPage>
  );
}
