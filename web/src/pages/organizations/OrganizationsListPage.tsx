import { useTranslation } from 'react-i18next';
import { mayCreateForCity } from '../../app/access.ts';
import { useMe } from '../../app/auth.tsx';
import { SearchFilter, SelectFilter, useUrlFilters } from '../../components/FilterBar.tsx';
import { linkColumn } from '../../components/lists/columns.tsx';
import { bound, CityFilter } from '../../components/lists/filters.tsx';
import { ListPage } from '../../components/lists/ListPage.tsx';
import type { Column } from '../../components/RecordTable.tsx';
import { CityName } from '../cities/CityName.tsx';
import { ORGANIZATION_KINDS, SPHERES, type Organization } from './organization-api.ts';

const FILTERS = ['q', 'cityId', 'kind', 'sphere'] as const;

/** /organizations: the organizations the user may read, by city, kind and sphere. */
export default function OrganizationsListPage() {
  const { t } = useTranslation('records');
  const me = useMe();
  const filters = useUrlFilters(FILTERS);

  const columns: Column<Organization>[] = [
    linkColumn('organization', {
      key: 'name',
      header: t('organization.name'),
      sort: 'name',
      text: (organization) => organization.name,
    }),
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
    <ListPage<Organization>
      title={t('organization.listTitle')}
      exportKind="organizations"
      create={mayCreateForCity(me) && { to: '/organizations/new', label: t('organization.create') }}
      filters={filters}
      path="/organizations"
      query={{ ...filters.values }}
      columns={columns}
      defaultSort="name"
    >
      <SearchFilter {...bound(filters, 'q')} />
      <CityFilter {...bound(filters, 'cityId')} />
      <SelectFilter
        label={t('organization.kind')}
        {...bound(filters, 'kind')}
        data={ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: t(`organizationKind.${kind}`) }))}
      />
      <SelectFilter
        label={t('organization.sphere')}
        {...bound(filters, 'sphere')}
        data={SPHERES.map((sphere) => ({ value: sphere, label: t(`sphere.${sphere}`) }))}
        width={200}
      />
    </ListPage>
  );
}
