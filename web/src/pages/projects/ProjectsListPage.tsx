import { Anchor, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canWrite, useMe } from '../../app/auth.tsx';
import { recordPath } from '../../app/record-paths.ts';
import { FilterBar, SelectFilter, useUrlFilters } from '../../components/FilterBar.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { CityPicker } from '../../components/Pickers.tsx';
import { RecordTable, type Column } from '../../components/RecordTable.tsx';
import { useCities } from '../cities/city-cache.ts';
import { OrganizationPicker } from '../organizations/OrganizationPicker.tsx';
import { SPHERES } from '../organizations/organization-api.ts';
import { PROJECT_STATUSES, type Project } from './project-api.ts';
import { ProjectDates } from './ProjectDates.tsx';
import { ProjectStatusBadge } from './ProjectStatusBadge.tsx';

const idOf = (value: string | undefined) => (value ? Number(value) : null);
const idValue = (id: number | null) => (id === null ? null : String(id));

/** /projects: the projects the user may read, by status, sphere, city and organization. */
export default function ProjectsListPage() {
  const { t } = useTranslation('projects');
  const { t: tr } = useTranslation('records');
  const { t: tc } = useTranslation();
  const me = useMe();
  const filters = useUrlFilters(['status', 'sphere', 'cityId', 'organizationId'] as const);
  const cityId = idOf(filters.values.cityId);
  const city = useCities([cityId]).get(cityId ?? -1) ?? null;
  const columns: Column<Project>[] = [
    {
      key: 'title',
      header: t('fields.title'),
      sort: 'title',
      render: (project) => (
        <Anchor component={Link} to={recordPath('project', project.id)}>
          {project.title}
        </Anchor>
      ),
    },
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
    <>
      <PageHeader
        title={t('list.title')}
        actions={
          canWrite(me) && (
            <Button component={Link} to="/projects/new">
              {t('list.create')}
            </Button>
          )
        }
      />
      <FilterBar active={filters.active} onReset={filters.reset}>
        <SelectFilter
          label={t('fields.status')}
          value={filters.values.status}
          onChange={(value) => filters.set('status', value)}
          data={PROJECT_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
          width={180}
        />
        <SelectFilter
          label={t('fields.sphere')}
          value={filters.values.sphere}
          onChange={(value) => filters.set('sphere', value)}
          data={SPHERES.map((sphere) => ({ value: sphere, label: tr(`sphere.${sphere}`) }))}
          width={200}
        />
        <CityPicker
          label={t('fields.city')}
          placeholder={tc('filters.any')}
          value={cityId}
          initial={city}
          onChange={(id) => filters.set('cityId', idValue(id))}
          w={240}
        />
        <OrganizationPicker
          label={t('fields.organization')}
          placeholder={tc('filters.any')}
          value={idOf(filters.values.organizationId)}
          onChange={(id) => filters.set('organizationId', idValue(id))}
          w={280}
        />
      </FilterBar>
      <RecordTable<Project>
        path="/projects"
        query={filters.values}
        columns={columns}
        defaultSort="startedOn"
        caption={t('list.title')}
        filtered={filters.active}
      />
    </>
  );
}
