import { Alert, Anchor, Card, List, Loader, Stack, Text, Title } from '@mantine/core';
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
import { mayWrite } from '../../app/access.ts';
import type { EventRecord } from './event-api.ts';
import { RecordName } from './RecordName.tsx';
import { FilesSection } from '../../components/files/FilesSection.tsx';

/** /events/:id: the event, where and when, who took part, its visit. */
export default function EventPage() {
  const { t } = useTranslation('events');
  const { t: tc } = useTranslation();
  const { id } = useParams();
  const me = useMe();
  const format = useFormat();
  const loaded = useApi<EventRecord>(`/events/${id}`);
  const event = loaded.data;
  if (loaded.error)
    return (
      <Alert color="red" role="alert">
        {errorMessage(tc, loaded.error)}
      </Alert>
    );
  if (!event) return <Loader aria-label={tc('loading')} />;
  const editable = mayWrite(me, {
    cityIds: [event.cityId, ...event.participants.map((participant) => participant.cityId)],
    organizationIds: event.participants.map((participant) => participant.organizationId),
  });
  return (
    <>
      <PageHeader
        title={event.name}
        subtitle={[
          t(`kind.${event.kind}`),
          event.startDate ? format.dateRange(event.startDate, event.endDate) : '',
        ]
          .filter(Boolean)
          .join(' · ')}
        actions={editable ? <RecordActions path="/events" record={event} name={event.name} /> : undefined}
      />
      <Stack gap="md">
        <Card withBorder component="section" aria-label={t('page.about')}>
          <Title order={2} size="h4" mb="sm">
            {t('page.about')}
          </Title>
          <Stack gap={6}>
            <Text>
              <Text span fw={600}>
                {t('fields.city')}:{' '}
              </Text>
              <CityName id={event.cityId} />
            </Text>
            {event.visitId !== null && (
              <Text>
                <Text span fw={600}>
                  {t('fields.visit')}:{' '}
                </Text>
                <Anchor component={Link} to={recordPath('visit', event.visitId)}>
                  {t('page.openVisit')}
                </Anchor>
              </Text>
            )}
            {event.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{event.description}</Text>}
          </Stack>
        </Card>
        <Card withBorder component="section" aria-label={t('page.participants')}>
          <Title order={2} size="h4" mb="sm">
            {t('page.participants')}
          </Title>
          {event.participants.length === 0 ? (
            <Text c="dimmed">{t('page.noParticipants')}</Text>
          ) : (
            <List spacing={4}>
              {event.participants.map((participant) => (
                <List.Item key={participant.id}>
                  {participant.cityId !== null && <CityName id={participant.cityId} />}
                  {participant.organizationId !== null && (
                    <Anchor component={Link} to={recordPath('organization', participant.organizationId)}>
                      <RecordName path={`/organizations/${participant.organizationId}`} field="name" />
                    </Anchor>
                  )}
                  {participant.personId !== null && (
                    <Anchor component={Link} to={recordPath('person', participant.personId)}>
                      <RecordName path={`/persons/${participant.personId}`} field="fullName" />
                    </Anchor>
                  )}
                  {participant.role ? `, ${participant.role}` : ''}
                </List.Item>
              ))}
            </List>
          )}
        </Card>
        <FilesSection path="/events" recordId={event.id} editable={editable} />
      </Stack>
    </>
  );
}
