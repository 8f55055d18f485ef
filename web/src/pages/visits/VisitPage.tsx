import { Alert, Anchor, Button, Card, List, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/client.ts';
import { useMe } from '../../app/auth.tsx';
import { recordPath } from '../../app/record-paths.ts';
import { RecordActions } from '../../components/record-form/RecordActions.tsx';
import { errorMessage } from '../../components/errors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFormat } from '../../i18n/format.ts';
import { CityName } from '../cities/CityName.tsx';
import { cityName, useCities } from '../cities/city-cache.ts';
import { mayWrite } from '../../app/access.ts';
import { PressReleaseButton } from './PressReleaseButton.tsx';
import { SourceList } from './SourceList.tsx';
import { ProgramSection } from './ProgramSection.tsx';
import type { VisitDetails } from './visit-api.ts';
import { VisitStatusBadge } from './VisitStatusBadge.tsx';
import { FilesSection } from '../../components/files/FilesSection.tsx';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** /visits/:id: the visit with its delegation, program, outcomes, agreements, events and sources. */
export default function VisitPage() {
  const { t, i18n } = useTranslation('visits');
  const { t: tc } = useTranslation();
  const { id } = useParams();
  const me = useMe();
  const format = useFormat();
  const details = useApi<VisitDetails>(`/visits/${id}/details`);
  const visit = details.data;
  const cities = useCities([visit?.fromCityId, visit?.toCityId]);
  if (details.error)
    return (
      <Alert color="red" role="alert">
        {errorMessage(tc, details.error)}
      </Alert>
    );
  if (!visit) return <Loader aria-label={tc('loading')} />;
  const from = cityName(cities.get(visit.fromCityId), i18n.language);
  const to = cityName(cities.get(visit.toCityId), i18n.language);
  const editable = mayWrite(me, { cityIds: [visit.fromCityId, visit.toCityId] });
  const head = visit.delegation.find((member) => member.personId === visit.headPersonId);
  const others = visit.delegation.filter((member) => member.personId !== visit.headPersonId);
  return (
    <>
      <PageHeader
        title={from && to ? t('page.title', { from, to }) : t('page.titleShort')}
        subtitle={
          <>
            {format.dateRange(visit.startDate, visit.endDate)} · <VisitStatusBadge status={visit.status} />
          </>
        }
        actions={
          <>
            <PressReleaseButton visitId={visit.id} />
            {editable && <RecordActions path="/visits" record={visit} name={t('page.title', { from, to })} />}
          </>
        }
      />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Section title={t('page.about')}>
            <Stack gap={6}>
              <Text>
                <Text span fw={600}>
                  {t('fields.route')}:{' '}
                </Text>
                <CityName id={visit.fromCityId} /> → <CityName id={visit.toCityId} />
              </Text>
              {visit.kind && (
                <Text>
                  <Text span fw={600}>
                    {t('fields.kind')}:{' '}
                  </Text>
                  {t(`kind.${visit.kind}`)}
                </Text>
              )}
              <Text>
                <Text span fw={600}>
                  {t('fields.purpose')}:{' '}
                </Text>
                {visit.purpose ?? (
                  <Text span c="dimmed">
                    {t('page.none')}
                  </Text>
                )}
              </Text>
            </Stack>
          </Section>
          <Section title={t('page.delegation')}>
            {!head && !visit.headPosition && others.length === 0 ? (
              <Text c="dimmed">{t('page.noDelegation')}</Text>
            ) : (
              <List spacing={4}>
                {(head || visit.headPosition) && (
                  <List.Item>
                    {head ? (
                      <Anchor component={Link} to={recordPath('person', head.personId)} fw={600}>
                        {head.fullName}
                      </Anchor>
                    ) : null}
                    {head && visit.headPosition ? ', ' : ''}
                    {visit.headPosition}
                    <Text span c="dimmed">
                      {' '}
                      — {t('page.head')}
                    </Text>
                  </List.Item>
                )}
                {others.map((member) => (
                  <List.Item key={member.personId}>
                    <Anchor component={Link} to={recordPath('person', member.personId)}>
                      {member.fullName}
                    </Anchor>
                    {member.role ? `, ${member.role}` : ''}
                  </List.Item>
                ))}
              </List>
            )}
          </Section>
        </SimpleGrid>
        <Section title={t('page.program')}>
          <ProgramSection
            visit={visit}
            editable={editable}
            onChanged={details.reload}
            onReordered={(program) => details.setData({ ...visit, program })}
          />
        </Section>
        <Section title={t('fields.outcomes')}>
          {visit.outcomes ? (
            <Text style={{ whiteSpace: 'pre-wrap' }}>{visit.outcomes}</Text>
          ) : (
            <Text c="dimmed">{t('page.none')}</Text>
          )}
        </Section>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Section title={t('page.agreements')}>
            {visit.agreementsSigned.length === 0 ? (
              <Text c="dimmed">{t('page.noAgreements')}</Text>
            ) : (
              <List spacing={4}>
                {visit.agreementsSigned.map((agreement) => (
                  <List.Item key={agreement.id}>
                    <Anchor component={Link} to={recordPath('agreement', agreement.id)}>
                      {agreement.title}
                    </Anchor>
                    {agreement.signedOn ? ` (${format.date(agreement.signedOn)})` : ''}
                  </List.Item>
                ))}
              </List>
            )}
            {editable && (
              <Button
                component={Link}
                to={`/agreements/new?visitId=${visit.id}&cityIds=${visit.fromCityId},${visit.toCityId}&signedOn=${visit.startDate}`}
                variant="default"
                mt="sm"
                w="fit-content"
              >
                {t('page.addAgreement')}
              </Button>
            )}
          </Section>
          <Section title={t('page.events')}>
            {visit.events.length === 0 ? (
              <Text c="dimmed">{t('page.noEvents')}</Text>
            ) : (
              <List spacing={4}>
                {visit.events.map((event) => (
                  <List.Item key={event.id}>
                    <Anchor component={Link} to={recordPath('event', event.id)}>
                      {event.name}
                    </Anchor>
                    {event.startDate ? ` (${format.dateRange(event.startDate, event.endDate)})` : ''}
                  </List.Item>
                ))}
              </List>
            )}
          </Section>
        </SimpleGrid>
        <Section title={t('page.sources')}>
          <SourceList sources={visit.sources} />
        </Section>
        <FilesSection path="/visits" recordId={visit.id} editable={editable} />
      </Stack>
    </>
  );
}
