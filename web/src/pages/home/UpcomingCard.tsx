import { Alert, Anchor, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi, type Page } from '../../api/client.ts';
import { recordPath } from '../../app/record-paths.ts';
import { errorMessage } from '../../components/errors.ts';
import { PageLoader } from '../../components/PageLoader.tsx';
import { useFormat } from '../../i18n/format.ts';
import { cityName, today, useCities } from './home-data.ts';
import { useReminderText, type Reminder } from './reminder-text.ts';

interface PlannedVisit {
  id: number;
  fromCityId: number;
  toCityId: number;
  startDate: string;
  endDate: string;
  status: 'planned' | 'done' | 'cancelled';
  purpose: string | null;
}

/** One line of «what is coming» or «overdue». */
interface Item {
  key: string;
  date: string;
  endDate?: string;
  kind: string;
  title: string;
  detail: string | null;
  href: string | undefined;
  severity: Reminder['severity'];
}

/** Where a reminder leads: its agreement (a plan item's too) or person, else the partner city. */
function reminderHref(reminder: Reminder): string | undefined {
  const agreement = reminder.records.find((record) => record.type === 'agreement');
  if (agreement) return recordPath('agreement', agreement.id);
  const person = reminder.records.find((record) => record.type === 'person');
  if (person) return recordPath('person', person.id);
  const city = reminder.records.find((record) => record.type === 'city');
  const cityId = city?.id ?? reminder.partnerCityId;
  return cityId ? recordPath('city', cityId) : undefined;
}

/** The colour of a line's badge by how pressing it is. */
const TONE: Record<Reminder['severity'], string> = { overdue: 'red', warning: 'orange', info: 'blue' };
/**
 * Its text: the light variant's own colours are too pale on their tint for WCAG AA (4.5:1 at badge
 * size); red and blue in their darkest shades pass, orange in none, so it is written in dark grey.
 */
const TONE_TEXT: Record<Reminder['severity'], string> = {
  overdue: 'var(--mantine-color-red-9)',
  warning: 'var(--mantine-color-dark-7)',
  info: 'var(--mantine-color-blue-9)',
};

/** How many days ahead planned visits are shown, as far as agreements ending are. */
const VISIT_DAYS = 90;

function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

/** What is coming for the city (occasions, visits, deadlines, agreements to renew) and what is overdue. */
export function UpcomingCard({ cityId }: { cityId: number }) {
  const { t, i18n } = useTranslation('home');
  const { t: common } = useTranslation();
  const format = useFormat();
  const reminderText = useReminderText();
  const from = today();
  const reminders = useApi<{ items: Reminder[] }>('/reminders', { cityId, from, days: 60 });
  // The latest visits first: those ahead are among them whatever their status says (a visit entered
  // ahead of time may keep the default «done»); cancelled ones are left out.
  const visits = useApi<Page<PlannedVisit>>('/visits', {
    cityId,
    sort: 'startDate',
    order: 'desc',
    limit: 50,
  });
  const upcomingVisits = (visits.data?.items ?? [])
    .filter((visit) => visit.status !== 'cancelled')
    .filter((visit) => visit.endDate >= from && visit.startDate <= addDays(from, VISIT_DAYS));
  const cities = useCities(upcomingVisits.flatMap((visit) => [visit.fromCityId, visit.toCityId]));

  if (reminders.loading || visits.loading) return <PageLoader />;
  const error = reminders.error ?? visits.error;

  const items: Item[] = [
    ...(reminders.data?.items ?? []).map((reminder, index) => ({
      key: `r${index}`,
      date: reminder.date,
      kind: t(`kind.${reminder.kind}`),
      ...reminderText(reminder),
      href: reminderHref(reminder),
      severity: reminder.severity,
    })),
    ...upcomingVisits.map((visit) => ({
      key: `v${visit.id}`,
      date: visit.startDate,
      endDate: visit.endDate,
      kind: t(visit.toCityId === cityId ? 'kind.visit_in' : 'kind.visit_out'),
      title: t('visitTitle', {
        from: cityName(cities.get(visit.fromCityId), i18n.language) || '…',
        to: cityName(cities.get(visit.toCityId), i18n.language) || '…',
      }),
      detail: visit.purpose,
      href: recordPath('visit', visit.id),
      severity: 'info' as const,
    })),
  ];
  const overdue = items.filter((item) => item.severity === 'overdue');
  const coming = items
    .filter((item) => item.severity !== 'overdue')
    .sort((a, b) => a.date.localeCompare(b.date));

  const line = (item: Item) => (
    <List.Item key={item.key}>
      <Group gap={6} wrap="wrap" align="baseline">
        <Text size="sm" fw={600} component="span">
          {item.endDate ? format.dateRange(item.date, item.endDate) : format.date(item.date)}
        </Text>
        <Badge
          size="sm"
          variant="light"
          color={TONE[item.severity]}
          style={{ '--badge-color': TONE_TEXT[item.severity] }}
          tt="none"
        >
          {item.kind}
        </Badge>
      </Group>
      <Text size="sm">
        {item.href ? (
          <Anchor component={Link} to={item.href} size="sm">
            {item.title}
          </Anchor>
        ) : (
          item.title
        )}
      </Text>
      {item.detail && (
        <Text size="xs" c="dimmed">
          {item.detail}
        </Text>
      )}
    </List.Item>
  );

  return (
    <Stack gap="md">
      {error && (
        <Alert color="red" role="alert">
          {errorMessage(common, error)}
        </Alert>
      )}
      {overdue.length > 0 && (
        <Paper
          withBorder
          p="md"
          radius="sm"
          component="section"
          aria-labelledby="home-overdue"
          style={{ borderColor: 'var(--mantine-color-red-6)', borderLeftWidth: 4 }}
          bg="red.0"
        >
          <Title order={2} size="h4" id="home-overdue" c="red.9" mb="xs">
            {t('overdue', { count: overdue.length })}
          </Title>
          <List spacing="sm" listStyleType="none" data-testid="overdue-list">
            {overdue.map(line)}
          </List>
        </Paper>
      )}
      <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="home-coming">
        <Title order={2} size="h4" id="home-coming" mb="xs">
          {t('coming')}
        </Title>
        {coming.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('nothingComing')}
          </Text>
        ) : (
          <List spacing="sm" listStyleType="none" data-testid="coming-list">
            {coming.map(line)}
          </List>
        )}
      </Paper>
    </Stack>
  );
}
