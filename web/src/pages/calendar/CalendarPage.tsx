import { Alert, Anchor, Badge, Box, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { Month, MonthPickerInput } from '@mantine/dates';
import dayjs from 'dayjs';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../components/errors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFormat } from '../../i18n/format.ts';
import { CityName } from '../cities/CityName.tsx';
import { useHomeCityIds } from '../cities/city-cache.ts';
import { reminderText, type Reminder } from '../home/reminder-text.ts';
import { CalendarFeedButton } from './CalendarFeedButton.tsx';
import { entriesOn, isoDay, loadMonth, monthRange, type CalendarEntry } from './calendar-entries.ts';

const COLOR: Record<CalendarEntry['type'], string> = {
  visit: 'blue.8',
  event: 'grape.8',
  deadline: 'orange.9',
  reminder: 'teal.9',
};
const MAX_IN_CELL = 3;
/** The colour's name without its shade, for light badges (their text stays near-black for contrast). */
const hue = (type: CalendarEntry['type']) => COLOR[type].split('.')[0]!;

function shiftMonth(month: string, by: number): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const date = new Date(year, number - 1 + by, 1);
  return isoDay(date).slice(0, 7);
}

/**
 * An entry's words: a visit by its route, the others by their title. In a day cell a visit names
 * only the other side («→ Новокузнецк» away, «← Кутно» home), which fits a narrow cell.
 */
function EntryText({ entry, short, homes }: { entry: CalendarEntry; short?: boolean; homes?: number[] }) {
  const visit = entry.visit;
  if (visit && short) {
    return homes?.includes(visit.toCityId) ? (
      <>
        ← <CityName id={visit.fromCityId} link={false} />
      </>
    ) : (
      <>
        → <CityName id={visit.toCityId} link={false} />
      </>
    );
  }
  if (visit)
    return (
      <>
        <CityName id={visit.fromCityId} link={false} /> → <CityName id={visit.toCityId} link={false} />
      </>
    );
  return <>{entry.title}</>;
}

/** The entry's page; in a cell in the cell's colour, in the agenda as an ordinary link. */
function EntryLink({
  entry,
  children,
  inCell,
}: {
  entry: CalendarEntry;
  children: ReactNode;
  inCell?: boolean;
}) {
  return entry.href ? (
    <Anchor component={Link} to={entry.href} c={inCell ? 'inherit' : undefined} underline="hover">
      {children}
    </Anchor>
  ) : (
    <>{children}</>
  );
}

/** /calendar: a month of visits, events, plan deadlines and reminders, and the iCal subscription. */
export default function CalendarPage() {
  const { t } = useTranslation('calendar');
  const { t: tc } = useTranslation();
  const { t: home } = useTranslation('home');
  const format = useFormat();
  const phone = useMediaQuery('(max-width: 48em)');
  const homes = useHomeCityIds();
  const [params, setParams] = useSearchParams();
  const asked = params.get('month');
  const month = asked && /^\d{4}-(0[1-9]|1[0-2])$/.test(asked) ? asked : isoDay(new Date()).slice(0, 7);
  const [entries, setEntries] = useState<CalendarEntry[] | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const controller = new AbortController();
    setEntries(undefined);
    setError(null);
    const labels = {
      deadline: (title: string) => t('deadline', { title }),
      reminder: (reminder: Reminder) => reminderText(home, format.language, reminder).title,
    };
    loadMonth(month, labels, controller.signal)
      .then(setEntries)
      .catch((caught: unknown) => {
        if (!controller.signal.aborted)
          setError(caught instanceof ApiError ? caught : new ApiError(0, 'network', String(caught)));
      });
    return () => controller.abort();
  }, [month, t, home, format.language]);
  const go = (next: string) => {
    const search = new URLSearchParams(params);
    search.set('month', next);
    setParams(search, { replace: true });
  };
  const { from } = monthRange(month);
  const monthStart = new Date(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1);
  // Belarusian from dayjs: browsers without `be` in Intl would name the month in Russian.
  const title =
    format.language === 'be'
      ? `${dayjs(monthStart).locale('be').format('MMMM YYYY')}\u00a0г.`
      : new Intl.DateTimeFormat(format.language === 'en' ? 'en-GB' : 'ru-RU', {
          month: 'long',
          year: 'numeric',
        }).format(monthStart);
  // «Май 2026 г.»: only the first letter up (CSS capitalize would make it «Май 2026 Г.»).
  const heading = title.charAt(0).toLocaleUpperCase(format.language) + title.slice(1);
  // The agenda names each entry once, on its first day in the month, with its whole date range.
  const firstDay = (entry: CalendarEntry) => (entry.start < from ? from : entry.start);
  const days = entries ? [...new Set(entries.map(firstDay))].sort() : [];

  return (
    <>
      <PageHeader title={t('title')} actions={<CalendarFeedButton />} />
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Group gap="xs">
          <Button variant="default" onClick={() => go(shiftMonth(month, -1))} aria-label={t('previous')}>
            ←
          </Button>
          <Title order={2} size="h3" aria-live="polite" miw={180} ta="center">
            {heading}
          </Title>
          <Button variant="default" onClick={() => go(shiftMonth(month, 1))} aria-label={t('next')}>
            →
          </Button>
          <Button variant="subtle" onClick={() => go(isoDay(new Date()).slice(0, 7))}>
            {t('today')}
          </Button>
          {/* Any month of any year in two clicks: the year's months, the decade's years. */}
          <MonthPickerInput
            // The name holds the visible «05.2026», as a button's must (WCAG 2.5.3).
            aria-label={t('jump.label', { month: `${month.slice(5, 7)}.${month.slice(0, 4)}` })}
            value={`${month}-01`}
            onChange={(value) => value && go(value.slice(0, 7))}
            valueFormat="MM.YYYY"
            monthsListFormat="MMMM"
            ariaLabels={{
              previousYear: t('jump.previousYear'),
              nextYear: t('jump.nextYear'),
              previousDecade: t('jump.previousDecade'),
              nextDecade: t('jump.nextDecade'),
              yearLevelControl: t('jump.decades'),
            }}
            w={120}
          />
        </Group>
        <Group gap={6}>
          {(['visit', 'event', 'deadline', 'reminder'] as const).map((type) => (
            <Badge key={type} color={hue(type)} c="gray.9" variant="light" style={{ textTransform: 'none' }}>
              {t(`legend.${type}`)}
            </Badge>
          ))}
        </Group>
      </Group>
      {error !== null && (
        <Alert color="red" role="alert" mb="md">
          {errorMessage(tc, error)}
        </Alert>
      )}
      {entries === undefined && error === null && <Loader aria-label={tc('loading')} mb="md" />}
      <Card withBorder p={phone ? 4 : 'xs'} mb="lg">
        <Month
          month={from}
          static
          fullWidth
          highlightToday
          hideOutsideDates
          weekendDays={[]}
          withCellSpacing={false}
          weekdayFormat={phone ? 'dd' : 'dddd'}
          styles={{
            day: {
              width: '100%',
              height: phone ? 44 : 112,
              alignItems: 'flex-start',
              justifyContent: 'flex-start',
              padding: phone ? 2 : 4,
              borderRadius: 0,
              borderTop: '1px solid var(--mantine-color-gray-3)',
            },
            weekday: { textTransform: 'capitalize', paddingBottom: 6 },
          }}
          renderDay={(date) => {
            const onDay = entries ? entriesOn(entries, date) : [];
            const outside = date.slice(0, 7) !== month;
            return (
              <Box w="100%" ta="left" style={{ overflow: 'hidden' }}>
                <Text size="sm" fw={600}>
                  {Number(date.slice(8, 10))}
                </Text>
                {!outside && phone && onDay.length > 0 && (
                  <Group gap={2}>
                    {onDay.slice(0, 4).map((entry) => (
                      <Box
                        key={entry.key}
                        w={7}
                        h={7}
                        bg={COLOR[entry.type]}
                        style={{ borderRadius: 7 }}
                        aria-hidden="true"
                      />
                    ))}
                  </Group>
                )}
                {!outside && !phone && (
                  <Stack gap={2}>
                    {onDay.slice(0, MAX_IN_CELL).map((entry) => (
                      <Text
                        key={entry.key}
                        size="xs"
                        lineClamp={1}
                        px={4}
                        bg={`${COLOR[entry.type].split('.')[0]}.0`}
                        c={COLOR[entry.type]}
                        style={{ borderRadius: 4 }}
                      >
                        <EntryLink entry={entry} inCell>
                          <EntryText entry={entry} short homes={homes} />
                        </EntryLink>
                      </Text>
                    ))}
                    {onDay.length > MAX_IN_CELL && (
                      <Text size="xs" c="dimmed">
                        {t('more', { count: onDay.length - MAX_IN_CELL })}
                      </Text>
                    )}
                  </Stack>
                )}
              </Box>
            );
          }}
        />
      </Card>
      <section aria-labelledby="calendar-agenda">
        <Title order={2} size="h3" mb="sm" id="calendar-agenda">
          {t('agenda', { month: title })}
        </Title>
        {entries && entries.length === 0 && <Text c="dimmed">{t('empty')}</Text>}
        <Stack gap="sm">
          {days.map((day) => (
            <div key={day}>
              <Text fw={600} mb={4}>
                {format.date(day)}
              </Text>
              <Stack gap={4} pl="sm">
                {(entries ?? [])
                  .filter((entry) => firstDay(entry) === day)
                  .map((entry) => (
                    <Group key={entry.key} gap="xs" wrap="nowrap" align="flex-start">
                      <Badge
                        color={hue(entry.type)}
                        c="gray.9"
                        variant="light"
                        style={{ textTransform: 'none', flexShrink: 0 }}
                      >
                        {t(`legend.${entry.type}`)}
                      </Badge>
                      <Text size="sm">
                        <EntryLink entry={entry}>
                          <EntryText entry={entry} />
                        </EntryLink>
                        {entry.end !== entry.start ? (
                          <Text span c="dimmed">
                            {' '}
                            ({format.dateRange(entry.start, entry.end)})
                          </Text>
                        ) : null}
                        {entry.visit?.purpose ? (
                          <Text span c="dimmed">
                            {' '}
                            — {entry.visit.purpose}
                          </Text>
                        ) : null}
                        {entry.overdue ? (
                          <Text span c="red.8">
                            {' '}
                            ({t('overdue')})
                          </Text>
                        ) : null}
                      </Text>
                    </Group>
                  ))}
              </Stack>
            </div>
          ))}
        </Stack>
      </section>
    </>
  );
}
