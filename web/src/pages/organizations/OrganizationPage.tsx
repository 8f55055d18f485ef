import { Anchor, Button, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApi, type Page } from '../../api/client.ts';
import { useMe } from '../../app/auth.tsx';
import { recordPath } from '../../app/record-paths.ts';
import { RecordActions } from '../../components/record-form/RecordActions.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFormat } from '../../i18n/format.ts';
import type { Agreement } from '../agreements/agreement-api.ts';
import { AgreementStatusBadge } from '../agreements/AgreementStatusBadge.tsx';
import { CityName } from '../cities/CityName.tsx';
import type { Person } from '../persons/person-api.ts';
import type { Project } from '../projects/project-api.ts';
import { ProjectStatusBadge } from '../projects/ProjectStatusBadge.tsx';
import { VisitsOfPersons } from '../persons/VisitsOfPersons.tsx';
import { mayWrite } from '../../app/access.ts';
import type { Organization } from './organization-api.ts';
import { RecordLoader } from './RecordLoader.tsx';
import { Fact, Section } from './Section.tsx';
import { FilesSection } from '../../components/files/FilesSection.tsx';

/** /organizations/:id: the organization, its agreements and partnerships, its people and their visits. */
export default function OrganizationPage() {
  const { id } = useParams();
  const state = useApi<Organization>(`/organizations/${id}`);
  return (
    <RecordLoader state={state}>
      {(organization) => <OrganizationView organization={organization} />}
    </RecordLoader>
  );
}

function OrganizationView({ organization }: { organization: Organization }) {
  const { t } = useTranslation('records');
  const me = useMe();
  const format = useFormat();
  const agreements = useApi<Page<Agreement>>('/agreements', { organizationId: organization.id, limit: 100 });
  const people = useApi<Page<Person>>('/persons', { organizationId: organization.id, limit: 100 });
  const projects = useApi<Page<Project>>('/projects', { organizationId: organization.id, limit: 100 });
  const editable = mayWrite(me, {
    cityIds: [organization.cityId],
    organizationIds: [organization.id],
    partnerKept: true,
  });
  return (
    <>
      <PageHeader
        title={organization.name}
        subtitle={
          <>
            {t(`organizationKind.${organization.kind}`)} · <CityName id={organization.cityId} link={false} />
          </>
        }
        actions={
          editable && <RecordActions path="/organizations" record={organization} name={organization.name} />
        }
      />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Section title={t('organization.about')}>
            <Stack gap={6}>
              <Fact label={t('organization.city')}>
                <CityName id={organization.cityId} />
              </Fact>
              <Fact label={t('organization.shortName')}>{organization.shortName}</Fact>
              <Fact label={t('organization.sphere')}>{t(`sphere.${organization.sphere}`)}</Fact>
              <Fact label={t('organization.address')}>{organization.address}</Fact>
              <Fact label={t('organization.website')}>
                {organization.website && (
                  <Anchor href={organization.website} target="_blank" rel="noreferrer">
                    {organization.website}
                  </Anchor>
                )}
              </Fact>
              <Fact label={t('person.email')}>
                {organization.email && (
                  <Anchor href={`mailto:${organization.email}`}>{organization.email}</Anchor>
                )}
              </Fact>
              <Fact label={t('person.phones')}>
                {organization.phones.length > 0 && organization.phones.join(', ')}
              </Fact>
              <Fact label={t('organization.notes')}>{organization.notes}</Fact>
            </Stack>
          </Section>
          <Section title={t('organization.people')}>
            {people.data && people.data.items.length === 0 && (
              <Text c="dimmed">{t('organization.noPeople')}</Text>
            )}
            <List spacing={4}>
              {people.data?.items.map((person) => {
                const position = person.positions.find((item) => item.organizationId === organization.id);
                return (
                  <List.Item key={person.id}>
                    <Anchor component={Link} to={recordPath('person', person.id)}>
                      {person.fullName}
                    </Anchor>
                    {position ? `, ${position.title}` : ''}
                    {position?.endedOn ? (
                      <Text span c="dimmed">
                        {' '}
                        ({t('person.until', { date: format.date(position.endedOn) })})
                      </Text>
                    ) : null}
                  </List.Item>
                );
              })}
            </List>
          </Section>
        </SimpleGrid>
        <Section title={t('organization.agreements')}>
          {agreements.data && agreements.data.items.length === 0 && (
            <Text c="dimmed">{t('organization.noAgreements')}</Text>
          )}
          <Stack gap="xs">
            {agreements.data?.items.map((agreement) => (
              <Group key={agreement.id} gap="xs" wrap="wrap">
                <Anchor component={Link} to={recordPath('agreement', agreement.id)}>
                  {agreement.title}
                </Anchor>
                <AgreementStatusBadge status={agreement.status} />
                <Text size="sm" c="dimmed">
                  {agreement.parties
                    .filter((party) => party.organizationId !== organization.id)
                    .map((party) => party.name)
                    .join(', ')}
                  {agreement.signedOn ? ` · ${format.date(agreement.signedOn)}` : ''}
                </Text>
              </Group>
            ))}
          </Stack>
          {editable && (
            <Button
              component={Link}
              to={`/agreements/new?organizationId=${organization.id}`}
              variant="default"
              mt="sm"
            >
              {t('agreement.create')}
            </Button>
          )}
        </Section>
        <Section title={t('organization.projects')}>
          {projects.data && projects.data.items.length === 0 && (
            <Text c="dimmed">{t('organization.noProjects')}</Text>
          )}
          <Stack gap="xs">
            {projects.data?.items.map((project) => (
              <Group key={project.id} gap="xs" wrap="wrap">
                <Anchor component={Link} to={recordPath('project', project.id)}>
                  {project.title}
                </Anchor>
                <ProjectStatusBadge status={project.status} />
                <Text size="sm" c="dimmed">
                  {project.parties
                    .filter((party) => party.organizationId !== organization.id)
                    .map((party) => party.name)
                    .join(', ')}
                </Text>
              </Group>
            ))}
          </Stack>
        </Section>
        <Section title={t('organization.visits')}>
          <VisitsOfPersons personIds={people.data?.items.map((person) => person.id)} />
        </Section>
        <FilesSection path="/organizations" recordId={organization.id} editable={editable} />
      </Stack>
    </>
  );
}
