import { Alert, Anchor, Badge, Group, Loader, Stack, Text, Timeline, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { recordPath } from '../../app/record-paths.ts';
import { errorMessage } from '../../components/errors.ts';
import { useFormat } from '../../i18n/format.ts';
import { ProjectDates } from '../projects/ProjectDates.tsx';
import { VisitStatusBadge } from '../visits/VisitStatusBadge.tsx';
import { byYear, loadTwinningTimeline, type TimelineItem } from './timeline-items.ts';
import type { Twinning } from './twinning-api.ts';

const BULLET: Record<TimelineItem['type'], string> = {
  twinning: '★',
  agreement: '§',
  project: '◆',
  visit: '→',
  event: '●',
};

function ItemBody({ item }: { item: TimelineItem }) {
  const { t } = useTranslation('cities');
  const format = useFormat();
  switch (item.type) {
    case 'twinning':
      return (
        <Text fw={600}>
          {t(`timeline.established.${item.twinning.tier}`)}
          {item.twinning.establishedOn ? ` — ${format.date(item.twinning.establishedOn)}` : ''}
        </Text>
      );
    case 'agreement':
      return (
        <>
          <Anchor component={Link} to={recordPath('agreement', item.id)} fw={600}>
            {item.title}
          </Anchor>
          <Text size="sm" c="dimmed">
            {t('timeline.agreement')}
            {item.date ? ` · ${format.date(item.date)}` : ''}
          </Text>
        </>
      );
    case 'project':
      return (
        <>
          <Anchor component={Link} to={recordPath('project', item.id)} fw={600}>
            {item.title}
          </Anchor>
          <Text size="sm" c="dimmed">
            {t('timeline.project')} ·{' '}
            <ProjectDates project={{ startedOn: item.date, endedOn: item.endedOn }} />
          </Text>
        </>
      );
    case 'visit':
      return (
        <>
          <Anchor component={Link} to={recordPath('visit', item.visit.id)} fw={600}>
            {item.outgoing ? t('timeline.visitOut') : t('timeline.visitIn')}
            {item.visit.purpose ? `: ${item.visit.purpose}` : ''}
          </Anchor>
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {format.dateRange(item.visit.startDate, item.visit.endDate)}
            </Text>
            <VisitStatusBadge status={item.visit.status} />
          </Group>
        </>
      );
    case 'event':
      return (
        <>
          <Anchor component={Link} to={recordPath('event', item.event.id)} fw={600}>
            {item.event.name}
          </Anchor>
          <Text size="sm" c="dimmed">
            {t('timeline.event')}
            {item.event.startDate ? ` · ${format.dateRange(item.event.startDate, item.event.endDate)}` : ''}
          </Text>
        </>
      );
    default: {
      const unknown: never = item;
      throw new Error(`Unhandled timeline item ${JSON.stringify(unknown)}`);
    }
  }
}

/** Everything under a twinning on one timeline, newest first, by year. */
export function TwinningTimeline({ twinning, homeCityId }: { twinning: Twinning; homeCityId: number }) {
  const { t } = useTranslation('cities');
  const { t: tc } = useTranslation();
  const [items, setItems] = useState<TimelineItem[] | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const controller = new AbortController();
    loadTwinningTimeline(twinning, homeCityId, controller.signal)
      .then(setItems)
      .catch((caught: unknown) => {
        if (!controller.signal.aborted)
          setError(caught instanceof ApiError ? caught : new ApiError(0, 'network', String(caught)));
      });
    return () => controller.abort();
  }, [twinning, homeCityId]);
  if (error)
    return (
      <Alert color="red" role="alert">
        {errorMessage(tc, error)}
      </Alert>
    );
  if (!items) return <Loader aria-label={tc('loading')} />;
  return (
    <Stack gap="lg">
      {byYear(items).map(([year, entries]) => (
        <section key={year ?? 'undated'} aria-labelledby={`timeline-${twinning.id}-${year ?? 'undated'}`}>
          <Title order={3} size="h4" mb="xs" id={`timeline-${twinning.id}-${year ?? 'undated'}`}>
            {year ?? t('timeline.undated')}
          </Title>
          <Timeline bulletSize={22} lineWidth={2}>
            {entries.map((item, index) => (
              <Timeline.Item
                key={`${item.type}-${index}`}
                bullet={
                  <Text span size="xs" aria-hidden="true">
                    {BULLET[item.type]}
                  </Text>
                }
              >
                <ItemBody item={item} />
              </Timeline.Item>
            ))}
          </Timeline>
        </section>
      ))}
      {items.length === 1 && <Text c="dimmed">{t('timeline.empty')}</Text>}
      <Group gap="xs">
        {(['visit', 'event', 'agreement', 'project'] as const).map((type) => (
          <Badge key={type} variant="outline" color="gray.7" c="gray.8" style={{ textTransform: 'none' }}>
            {BULLET[type]} {t(`timeline.legend.${type}`)}: {items.filter((item) => item.type === type).length}
          </Badge>
        ))}
      </Group>
    </Stack>
  );
}
