import { Anchor, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../app/auth.tsx';
import { recordPath } from '../../app/record-paths.ts';
import { FilterBar, SearchFilter, SelectFilter, useUrlFilters } from '../../components/FilterBar.tsx';
import { CityPicker } from '../../components/Pickers.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RecordTable, useUrlSort, type Column } from '../../components/RecordTable.tsx';
import { CityName } from '../cities/CityName.tsx';
import { useCities } from '../cities/city-cache.ts';
import { mayCreateForCity } from '../../app/access.ts';
import { ExportButtons } from './ExportButtons.tsx';
import { ORGANIZATION_KINDS, SPHERES, type Organization } from './organization-api.ts';

const FILTERS = ['q', 'cityId', 'kind', 'sphere'] as const;

/** /organizations: the organizations the user may read, by city, kind and sphere. */
export default function OrganizationsListPage() {
  const { t } = useTranslation('records');
  const { t: tc } = useTranslation();
  const me = useMe();
  const filters = useUrlFilters(FILTERS);
  const cityId = filters.values.cityId ? Number(filters.values.cityId) : null;
  const city = useCities([cityId]).get(cityId ?? -1) ?? null;
  const { sort, order } = useUrlSort('name');
  const query = { ...filters.values };

  const columns: Column<Organization>[] = [
    {
      key: 'name',
      header: t('organization.name'),
      sort: 'name',
      render: (organization) => (
        <Anchor component={Link} to={recordPath('organization', organization.id)}>
          {organization.name}
        </Anchor>
      ),
    },
    {
      key: 'city',
      header: t('organization.city'),
      render: (organization) => <CityName id={organization.cityId} link={false} />,
    },
    {
      key: 'kind',
      header: t('organization.kind'),
      sort: 'kind',
      render: (organization) => t(`organizationKind.${organization.kind}`),
    },
    {
      key: 'sphere',
      header: t('organization.sphere'),
      sort: 'sphere',
      render: (organization) => t(`sphere.${organization.sphere}`),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('organization.listTitle')}
        actions={
          <>
            <ExportButtons kind="organizations" query={{ ...query, sort, order }} />
            {mayCreateForCity(me) && (
              <Button component={Link} to="/organizations/new">
                {t('organization.create')}
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
        <SelectFilter
          label={t('organization.kind')}
          value={filters.values.kind}
          onChange={(value) => filters.set('kind', value)}
          data={ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: t(`organizationKind.${kind}`) }))}
        />
        <SelectFilter
          label={t('organization.sphere')}
          value={filters.values.sphere}
          onChange={(value) => filters.set('sphere', value)}
          data={SPHERES.map((sphere) => ({ value: sphere, label: t(`sphere.${sphere}`) }))}
          width={200}
        />
      </FilterBar>
      <RecordTable<Organization>
        path="/organizations"
        query={query}
        columns={columns}
        defaultSort="name"
        caption={t('organization.listTitle')}
        filtered={filters.active}
      />
    </>
  );
}
