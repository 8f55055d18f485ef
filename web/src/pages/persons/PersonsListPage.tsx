import { useTranslation } from 'react-i18next';
import { canWrite, useMe } from '../../app/auth.tsx';
import { SearchFilter, useUrlFilters } from '../../components/FilterBar.tsx';
import { linkColumn } from '../../components/lists/columns.tsx';
import { bound, CityFilter, idOf, idValue } from '../../components/lists/filters.tsx';
import { ListPage } from '../../components/lists/ListPage.tsx';
import type { Column } from '../../components/RecordTable.tsx';
import { CityName } from '../cities/CityName.tsx';
import { OrganizationPicker } from '../organizations/OrganizationPicker.tsx';
import type { Person } from './person-api.ts';

const FILTERS = ['q', 'cityId', 'organizationId'] as const;

/** /persons: the people the user may read, by name, city and organization. */
export default function PersonsListPage() {
  const { t } = useTranslation('records');
  const { t: tc } = useTranslation();
  const me = useMe();
  const filters = useUrlFilters(FILTERS);

  const columns: Column<Person>[] = [
    linkColumn('person', {
      key: 'name',
      header: t('person.fullName'),
      sort: 'name',
      text: (person) => person.fullName,
    }),
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
    <ListPage<Person>
      title={t('person.listTitle')}
      exportKind="persons"
      create={canWrite(me) && { to: '/persons/new', label: t('person.create') }}
      filters={filters}
      path="/persons"
      query={{ ...filters.values }}
      columns={columns}
      defaultSort="name"
    >
      <SearchFilter {...bound(filters, 'q')} />
      <CityFilter {...bound(filters, 'cityId')} />
      <OrganizationPicker
        label={t('person.organization')}
        placeholder={tc('filters.any')}
        value={idOf(filters.values.organizationId)}
        onChange={(id) => filters.set('organizationId', idValue(id))}
        w={280}
      />
    </ListPage>
  );
}
