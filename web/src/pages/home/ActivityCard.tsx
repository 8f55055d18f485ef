import { Alert, Anchor, List, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../api/client.ts';
import { recordPath, type RecordKind } from '../../app/record-paths.ts';
import { errorMessage } from '../../components/errors.ts';
import { PageLoader } from '../../components/PageLoader.tsx';
import { useFormat } from '../../i18n/format.ts';

/** One change as GET /api/activity answers. */
interface ActivityEntry {
  id: number;
  at: string;
  action: 'create' | 'update' | 'delete';
  recordType: 'visit' | 'agreement' | 'plan_item' | 'event' | 'organization' | 'project';
  recordId: number;
  label: string;
  userName: string | null;
}

/** Where an entry's record is shown: a plan item on its agreement's page is not known here, so none. */
const PAGE_OF: Partial<Record<ActivityEntry['recordType'], RecordKind>> = {
  visit: 'visit',
  agreement: 'agreement',
  project: 'project',
  event: 'event',
  organization: 'organization',
};

/** The latest changes of the city's records: «Добавлен визит Барановичи → Кутно», who, when. */
export function ActivityCard({ cityId }: { cityId: number }) {
  const { t, i18n } = useTranslation('home');
  const { t: common } = useTranslation();
  const format = useFormat();
  const { data, error, loading } = useApi<{ items: ActivityEntry[] }>('/activity', {
    cityId,
    limit: 10,
    language: i18n.language,
  });
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="home-activity">
      <Title order={2} size="h4" id="home-activity" mb="xs">
        {t('activity.title')}
      </Title>
      {loading && <PageLoader />}
      {error && (
        <Alert color="red" role="alert">
          {errorMessage(common, error)}
        </Alert>
      )}
      {data && data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('activity.none')}
        </Text>
      )}
      {data && data.items.length > 0 && (
        <List spacing="sm" listStyleType="none" data-testid="activity-list">
          {data.items.map((entry) => {
            const page = PAGE_OF[entry.recordType];
            // A visit's label is its route («Барановичи → Кутно»); other labels are titles, quoted.
            const label =
              entry.recordType === 'visit' ? entry.label : t('activity.quoted', { label: entry.label });
            return (
              <List.Item key={entry.id}>
                <Text size="sm">
                  {t(`activity.${entry.action}.${entry.recordType}`)}{' '}
                  {page ? (
                    <Anchor component={Link} to={recordPath(page, entry.recordId)} size="sm">
                      {label}
                    </Anchor>
                  ) : (
                    <Text span size="sm">
                      {label}
                    </Text>
                  )}
                </Text>
                <Text size="xs" c="dimmed">
                  {format.dateTime(entry.at)} · {entry.userName ?? t('activity.system')}
                </Text>
              </List.Item>
            );
          })}
        </List>
      )}
    </Paper>
  );
}
