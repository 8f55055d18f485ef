import { Anchor, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canWrite, useMe } from '../../app/auth.tsx';
import { recordPath } from '../../app/record-paths.ts';
import { FilterBar, SearchFilter, useUrlFilters } from '../../components/FilterBar.tsx';
import { CityPicker } from '../../components/Pickers.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RecordTable, useUrlSort, type Column } from '../../components/RecordTable.tsx';
import { CityName } from '../cities/CityName.tsx';
import { useCities } from '../cities/city-cache.ts';
import { ExportButtons } from '../organizations/ExportButtons.tsx';
import { OrganizationPicker } from '../organizations/OrganizationPicker.tsx';
import type { Person } from './person-api.ts';

const FILTERS = ['q', 'cityId', 'organizationId'] as const;

/** /persons: the people the user may read, by name, city and organization. */
export default function PersonsListPage() {
  const { t } = useTranslation('records');
  const { t: tc } = useTranslation();
  const me = useMe();
  const filters = useUrlFilters(FILTERS);
  const cityId = filters.values.cityId ? Number(filters.values.cityId) : null;
  const organizationId = filters.values.organizationId ? Number(filters.values.organizationId) : null;
  const city = useCities([cityId]).get(cityId ?? -1) ?? null;
  const { sort, order } = useUrlSort('name');
  const query = { ...filters.values };

  const columns: Column<Person>[] = [
    {
      key: 'name',
      header: t('person.fullName'),
      sort: 'name',
      render: (person) => (
        <Anchor component={Link} to={recordPath('person', person.id)}>
          {person.fullName}
        </Anchor>
      ),
    },
    {
      key: 'position',
      header: t('person.currentPosition'),
      render: (person) => person.positions.find((position) => !position.endedOn)?.title ?? '',
    },
    {
      key: 'city',
      header: t('person.city'),
      render: (person) => (person.cityId !== null ? <CityName id={person.cityId} link={false} /> : ''),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('person.listTitle')}
        actions={
          <>
            <ExportButtons kind="persons" query={{ ...query, sort, order }} />
            {canWrite(me) && (
              <Button component={Link} to="/persons/new">
                {t('person.create')}
              </Button>
            )}
          </>
        }
      />
      <FilterBar active={filters.active} onReset={filters.reset}>
        <SearchFilter value={filters.values.q} onChange={(value) => filters.set('q', value)} />
        <CityPicker
          placeholder={tc('filters.any')}
          value={cityId}
          initial={city}
          onChange={(id) => filters.set('cityId', id === null ? null : String(id))}
          w={240}
        />
        <OrganizationPicker
          label={t('person.organization')}
          placeholder={tc('filters.any')}
          value={organizationId}
          onChange={(id) => filters.set('organizationId', id === null ? null : String(id))}
          w={280}
        />
      </FilterBar>
      <RecordTable<Person>
        path="/persons"
        query={query}
        columns={columns}
        defaultSort="name"
        caption={t('person.listTitle')}
        filtered={filters.active}
      />
    </>
  );
}
