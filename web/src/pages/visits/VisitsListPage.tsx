import { Anchor, Button, Group, SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../../app/auth.tsx';
import { recordPath } from '../../app/record-paths.ts';
import { CityPicker } from '../../components/Pickers.tsx';
import { FilterBar, SelectFilter } from '../../components/FilterBar.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RecordTable, useUrlSort, type Column } from '../../components/RecordTable.tsx';
import { useFormat } from '../../i18n/format.ts';
import { CityName } from '../cities/CityName.tsx';
import { useCities, useHomeCityIds } from '../cities/city-cache.ts';
import { editorCityId, mayCreateForCity } from '../../app/access.ts';
import { ExportButtons } from './ExportButtons.tsx';
import { VISIT_STATUSES, type Visit } from './visit-api.ts';
import { useVisitFilters, visitQuery } from './visit-filters.ts';
import { VisitStatusBadge } from './VisitStatusBadge.tsx';
import { VisitTimeline } from './VisitTimeline.tsx';

const FIRST_YEAR = 1990;

/** /visits: the visits the user may read, filtered by year, direction, partner city and status. */
export default function VisitsListPage() {
  const { t } = useTranslation('visits');
  const { t: tc } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const filters = useVisitFilters();
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'timeline' ? 'timeline' : 'table';
  const homes = useHomeCityIds();
  const homeCityId = editorCityId(me) ?? homes?.[0];
  const partnerId = filters.values.partner ? Number(filters.values.partner) : null;
  const partner = useCities([partnerId]).get(partnerId ?? -1) ?? null;
  const query = visitQuery(filters.values, homeCityId);
  const { sort, order } = useUrlSort('startDate');
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear + 2 - FIRST_YEAR }, (_, index) => String(thisYear + 1 - index));

  const columns: Column<Visit>[] = [
    {
      key: 'dates',
      header: t('fields.dates'),
      sort: 'startDate',
      defaultOrder: 'desc',
      render: (visit) => (
        <Anchor component={Link} to={recordPath('visit', visit.id)}>
          {format.dateRange(visit.startDate, visit.endDate)}
        </Anchor>
      ),
    },
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

  return (
    <>
      <PageHeader
        title={t('list.title')}
        actions={
          <>
            <ExportButtons kind="visits" query={{ ...query, sort, order }} />
            {mayCreateForCity(me) && (
              <Button component={Link} to="/visits/new">
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
          label={t('filters.direction')}
          value={filters.values.direction}
          onChange={(value) => filters.set('direction', value)}
          data={[
            { value: 'out', label: t('direction.out') },
            { value: 'in', label: t('direction.in') },
          ]}
          width={180}
        />
        <CityPicker
          label={t('filters.partner')}
          placeholder={tc('filters.any')}
          value={partnerId}
          initial={partner}
          onChange={(id) => filters.set('partner', id === null ? null : String(id))}
          w={240}
        />
        <SelectFilter
          label={t('filters.status')}
          value={filters.values.status}
          onChange={(value) => filters.set('status', value)}
          data={VISIT_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
          width={180}
        />
      </FilterBar>
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
      {view === 'table' ? (
        <RecordTable<Visit>
          path="/visits"
          query={query}
          columns={columns}
          defaultSort="startDate"
          caption={t('list.title')}
          filtered={filters.active}
        />
      ) : (
        <VisitTimeline query={{ ...query, ...(order ? { order } : {}) }} />
      )}
    </>
  );
}
