import { useTranslation } from 'react-i18next';
import { canWrite, useMe } from '../../app/auth.tsx';
import { SelectFilter, useUrlFilters } from '../../components/FilterBar.tsx';
import { linkColumn } from '../../components/lists/columns.tsx';
import { bound, CityFilter, idOf, idValue } from '../../components/lists/filters.tsx';
import { ListPage } from '../../components/lists/ListPage.tsx';
import type { Column } from '../../components/RecordTable.tsx';
import { OrganizationPicker } from '../organizations/OrganizationPicker.tsx';
import { SPHERES } from '../organizations/organization-api.ts';
import { PROJECT_STATUSES, type Project } from './project-api.ts';
import { ProjectDates } from './ProjectDates.tsx';
import { ProjectStatusBadge } from './ProjectStatusBadge.tsx';

/** /projects: the projects the user may read, by status, sphere, city and organization. */
export default function ProjectsListPage() {
  const { t } = useTranslation('projects');
  const { t: tr } = useTranslation('records');
  const { t: tc } = useTranslation();
  const me = useMe();
  const filters = useUrlFilters(['status', 'sphere', 'cityId', 'organizationId'] as const);
  const query = { ...filters.values };
  const columns: Column<Project>[] = [
    linkColumn('project', {
      key: 'title',
      header: t('fields.title'),
      sort: 'title',
      text: (project) => project.title,
    }),
    {
      key: 'parties',
      header: t('fields.parties'),
      render: (project) => project.parties.map((party) => party.name).join('; '),
    },
    {
      key: 'dates',
      header: t('fields.dates'),
      sort: 'startedOn',
      defaultOrder: 'desc',
      render: (project) => <ProjectDates project={project} />,
    },
    { key: 'sphere', header: t('fields.sphere'), sort: 'sphere', render: (p) => tr(`sphere.${p.sphere}`) },
    {
      key: 'status',
      header: t('fields.status'),
      sort: 'status',
      render: (project) => <ProjectStatusBadge status={project.status} />,
    },
  ];
  return (
    <ListPage<Project>
      title={t('list.title')}
      exportKind="projects"
      create={canWrite(me) && { to: '/projects/new', label: t('list.create') }}
      filters={filters}
      path="/projects"
      query={query}
      columns={columns}
      defaultSort="startedOn"
    >
      <SelectFilter
        label={t('fields.status')}
        {...bound(filters, 'status')}
        data={PROJECT_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
        width={180}
      />
      <SelectFilter
        label={t('fields.sphere')}
        {...bound(filters, 'sphere')}
        data={SPHERES.map((sphere) => ({ value: sphere, label: tr(`sphere.${sphere}`) }))}
        width={200}
      />
      <CityFilter label={t('fields.city')} {...bound(filters, 'cityId')} />
      <OrganizationPicker
        label={t('fields.organization')}
        placeholder={tc('filters.any')}
        value={idOf(filters.values.organizationId)}
        onChange={(id) => filters.set('organizationId', idValue(id))}
        w={280}
      />
    </ListPage>
  );
}
