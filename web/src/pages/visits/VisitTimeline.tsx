import { Anchor, Button, Group, Loader, Stack, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Query } from '../../api/client.ts';
import { recordPath } from '../../app/record-paths.ts';
import { useCursorList } from '../../components/RecordTable.tsx';
import { useFormat } from '../../i18n/format.ts';
import { CityName } from '../cities/CityName.tsx';
import type { Visit } from './visit-api.ts';
import { VisitStatusBadge } from './VisitStatusBadge.tsx';

/** The visits of a list query on a timeline, latest first, one section a year. */
export function VisitTimeline({ query }: { query: Query }) {
  const { t } = useTranslation('visits');
  const { t: tc } = useTranslation();
  const format = useFormat();
  const list = useCursorList<Visit>('/visits', { ...query, sort: 'startDate' }, 50);
  const years = new Map<string, Visit[]>();
  for (const visit of list.items) {
    const year = visit.startDate.slice(0, 4);
    years.set(year, [...(years.get(year) ?? []), visit]);
  }
  if (list.loading && list.items.length === 0) return <Loader aria-label={tc('loading')} />;
  if (list.items.length === 0) return <Text c="dimmed">{tc('table.empty')}</Text>;
  return (
    <Stack gap="lg">
      {[...years].map(([year, visits]) => (
        <section key={year} aria-labelledby={`visits-year-${year}`}>
          <Title order={2} size="h3" id={`visits-year-${year}`} mb="sm">
            {year}
          </Title>
          <Timeline bulletSize={14} lineWidth={2}>
            {visits.map((visit) => (
              <Timeline.Item
                key={visit.id}
                title={
                  <Anchor component={Link} to={recordPath('visit', visit.id)} fw={600}>
                    {format.dateRange(visit.startDate, visit.endDate)}
                  </Anchor>
                }
              >
                <Group gap="xs" mt={4}>
                  <Text size="sm">
                    <CityName id={visit.fromCityId} link={false} /> →{' '}
                    <CityName id={visit.toCityId} link={false} />
                  </Text>
                  <VisitStatusBadge status={visit.status} />
                </Group>
                {visit.purpose && (
                  <Text size="sm" c="dimmed" mt={4}>
                    {visit.purpose}
                  </Text>
                )}
              </Timeline.Item>
            ))}
          </Timeline>
        </section>
      ))}
      {list.hasMore && (
        <Button variant="default" onClick={list.loadMore} loading={list.loading} w="fit-content">
          {tc('actions.loadMore')}
        </Button>
      )}
      {list.items.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('list.timelineCount', { count: list.items.length })}
        </Text>
      )}
    </Stack>
  );
}
