import { Anchor, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/client.ts';
import { mayWrite } from '../../app/access.ts';
import { useMe } from '../../app/auth.tsx';
import { recordPath } from '../../app/record-paths.ts';
import { RecordActions } from '../../components/record-form/RecordActions.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RecordLoader } from '../organizations/RecordLoader.tsx';
import { Fact, Section } from '../organizations/Section.tsx';
import { partyCityIds, type Project } from './project-api.ts';
import { ProjectDates } from './ProjectDates.tsx';
import { ProjectStatusBadge } from './ProjectStatusBadge.tsx';
import { ProjectTwinnings } from './ProjectTwinnings.tsx';
import { FilesSection } from '../../components/files/FilesSection.tsx';

/** /projects/:id: the project, its parties and the twinnings it belongs to. */
export default function ProjectPage() {
  const { id } = useParams();
  const state = useApi<Project>(`/projects/${id}`);
  return <RecordLoader state={state}>{(project) => <ProjectView project={project} />}</RecordLoader>;
}

function ProjectView({ project }: { project: Project }) {
  const { t } = useTranslation('projects');
  const { t: tr } = useTranslation('records');
  const me = useMe();
  const editable = mayWrite(me, {
    cityIds: partyCityIds(project),
    organizationIds: project.parties.map((party) => party.organizationId),
  });
  return (
    <>
      <PageHeader
        title={project.title}
        subtitle={
          <>
            {tr(`sphere.${project.sphere}`)} · <ProjectStatusBadge status={project.status} />
          </>
        }
        actions={editable && <RecordActions path="/projects" record={project} name={project.title} />}
      />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Section title={t('page.about')}>
            <Stack gap={6}>
              <Fact label={t('fields.dates')}>
                <ProjectDates project={project} />
              </Fact>
              {project.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{project.description}</Text>}
            </Stack>
          </Section>
          <Section title={t('fields.parties')}>
            <List spacing={4}>
              {project.parties.map((party) => (
                <List.Item key={`${party.cityId}:${party.organizationId}`}>
                  <Anchor
                    component={Link}
                    to={
                      party.organizationId !== null
                        ? recordPath('organization', party.organizationId)
                        : recordPath('city', party.cityId ?? party.homeCityId)
                    }
                  >
                    {party.name}
                  </Anchor>
                  <Text span c="dimmed" size="sm">
                    {' '}
                    — {party.organizationId !== null ? t('party.organization') : t('party.city')}
                  </Text>
                </List.Item>
              ))}
            </List>
          </Section>
        </SimpleGrid>
        <ProjectTwinnings cityIds={partyCityIds(project)} />
        <FilesSection path="/projects" recordId={project.id} editable={editable} />
      </Stack>
    </>
  );
}
