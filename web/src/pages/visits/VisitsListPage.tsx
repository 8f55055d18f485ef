import { Group, SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { editorCityId, mayCreateForCity } from '../../app/access.ts';
import { useMe } from '../../app/auth.tsx';
import { SelectFilter } from '../../components/FilterBar.tsx';
import { linkColumn } from '../../components/lists/columns.tsx';
import { bound, CityFilter, YearFilter } from '../../components/lists/filters.tsx';
import { ListPage } from '../../components/lists/ListPage.tsx';
import { useUrlSort, type Column } from '../../components/RecordTable.tsx';
import { useFormat } from '../../i18n/format.ts';
import { CityName } from '../cities/CityName.tsx';
import { useHomeCityIds } from '../cities/city-cache.ts';
import { VISIT_STATUSES, type Visit } from './visit-api.ts';
import { useVisitFilters, visitQuery } from './visit-filters.ts';
import { VisitStatusBadge } from './VisitStatusBadge.tsx';
import { VisitTimeline } from './VisitTimeline.tsx';

/** /visits: the visits the user may read, filtered by year, direction, partner city and status. */
export default function VisitsListPage() {
  const { t } = useTranslation('visits');
  const me = useMe();
  const format = useFormat();
  const filters = useVisitFilters();
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'timeline' ? 'timeline' : 'table';
  const homes = useHomeCityIds();
  const homeCityId = editorCityId(me) ?? homes?.[0];
  const query = visitQuery(filters.values, homeCityId);
  const { order } = useUrlSort('startDate');

  const columns: Column<Visit>[] = [
    linkColumn('visit', {
      key: 'dates',
      header: t('fields.dates'),
      sort: 'startDate',
      defaultOrder: 'desc',
      text: (visit) => format.dateRange(visit.startDate, visit.endDate),
    }),
    {
      key: 'route',
      header: t('fields.route'),
      render: (visit) => (
        <span>
          <CityName id={visit.fromCityId} link={false} /> → <CityName id={visit.toCityId} link={false} />
        </span>
      ),
    },
    { key: 'purpose', header: t('fields.purpose'), sort: 'purpose', render: (visit) => visit.purpose ?? '' },
    { key: 'kind', header: t('fields.kind'), render: (visit) => (visit.kind ? t(`kind.${visit.kind}`) : '') },
    {
      key: 'status',
      header: t('fields.status'),
      sort: 'status',
      render: (visit) => <VisitStatusBadge status={visit.status} />,
    },
  ];

  const viewSwitch = (
    <Group justify="flex-end" mb="sm">
      <SegmentedControl
        aria-label={t('list.view')}
        value={view}
        onChange={(value) => {
          const next = new URLSearchParams(params);
          if (value === 'timeline') next.set('view', 'timeline');
          else next.delete('view');
          setParams(next, { replace: true });
        }}
        data={[
          { value: 'table', label: t('list.viewTable') },
          { value: 'timeline', label: t('list.viewTimeline') },
        ]}
      />
    </Group>
  );

  return (
    <ListPage<Visit>
      title={t('list.title')}
      exportKind="visits"
      create={mayCreateForCity(me) && { to: '/visits/new', label: t('list.create') }}
      filters={filters}
      path="/visits"
      query={query}
      columns={columns}
      defaultSort="startDate"
      toolbar={viewSwitch}
      view={
        view === 'timeline' ? <VisitTimeline query={{ ...query, ...(order ? { order } : {}) }} /> : undefined
      }
    >
      <YearFilter label={t('filters.year')} {...bound(filters, 'year')} />
      <SelectFilter
        label={t('filters.direction')}
        {...bound(filters, 'direction')}
        data={[
          { value: 'out', label: t('direction.out') },
          { value: 'in', label: t('direction.in') },
        ]}
        width={180}
      />
      <CityFilter label={t('filters.partner')} {...bound(filters, 'partner')} />
      <SelectFilter
        label={t('filters.status')}
        {...bound(filters, 'status')}
        data={VISIT_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
        width={180}
      />
    </ListPage>
  );
}
