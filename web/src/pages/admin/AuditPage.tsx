import { Alert, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth.tsx';
import { errorMessage } from '../../components/errors.ts';
import { DateFilter, FilterBar, SelectFilter, useUrlFilters } from '../../components/FilterBar.tsx';
import {
  AuditEntryView,
  labelOfSnapshot,
  type AuditEntry,
} from '../../components/history/AuditEntryView.tsx';
import { RecordHistoryButton } from '../../components/history/RecordHistory.tsx';
import { useUserNames } from '../../components/history/names.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useCursorList } from '../../components/RecordTable.tsx';
import { useFormat } from '../../i18n/format.ts';

/** The kinds of record the audit trail keeps (auditedRecordTypeSchema of the API). */
const RECORD_TYPES = [
  'city',
  'twinning',
  'organization',
  'person',
  'visit',
  'visit_program_item',
  'agreement',
  'plan_item',
  'project',
  'event',
  'document',
  'record_source',
  'user',
  'user_role',
  'attached_file',
] as const;

/** The API paths of the records that have a history route (GET /api/<path>/:id/history). */
const HISTORY_PATHS: Record<string, string> = {
  organization: 'organizations',
  person: 'persons',
  visit: 'visits',
  visit_program_item: 'visit-program-items',
  agreement: 'agreements',
  plan_item: 'plan-items',
  project: 'projects',
  event: 'events',
};

/** A «YYYY-MM-DD» day as the instant its local midnight is, `days` later. */
function localMidnight(day: string, days = 0): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days).toISOString();
}

/** /admin/audit: the whole trail, newest first, by kind of record, user, action and dates. */
export default function AuditPage() {
  const { t } = useTranslation(['admin', 'common']);
  const me = useMe();
  const format = useFormat();
  const users = useUserNames(true);
  const filters = useUrlFilters(['recordType', 'userId', 'action', 'from', 'to'] as const);
  const { recordType, userId, action, from, to } = filters.values;
  const list = useCursorList<AuditEntry>(
    '/audit',
    {
      recordType,
      userId,
      action,
      from: from ? localMidnight(from) : undefined,
      // «По дату» includes the whole day: entries before the next local midnight.
      to: to ? localMidnight(to, 1) : undefined,
    },
    30,
  );
  const userOptions = [...users.values()]
    .sort((a, b) => a.displayName.localeCompare(b.displayName, format.language))
    .map((user) => ({ value: String(user.id), label: `${user.displayName} (${user.email})` }));
  const initialLoading = list.loading && list.items.length === 0;

  return (
    <>
      <PageHeader title={t('tabs.audit')} subtitle={t('audit.subtitle')} />
      <FilterBar active={filters.active} onReset={filters.reset}>
        <SelectFilter
          label={t('audit.kind')}
          value={recordType}
          onChange={(value) => filters.set('recordType', value)}
          data={RECORD_TYPES.map((type) => ({ value: type, label: t(`kinds.${type}`) }))}
        />
        <SelectFilter
          label={t('audit.user')}
          value={userId}
          onChange={(value) => filters.set('userId', value)}
          data={userOptions}
          width={280}
        />
        <SelectFilter
          label={t('audit.action')}
          value={action}
          onChange={(value) => filters.set('action', value)}
          data={(['create', 'update', 'delete'] as const).map((value) => ({
            value,
            label: t(`entry.action_${value}`),
          }))}
          width={180}
        />
        <DateFilter
          label={t('audit.from')}
          value={from}
          onChange={(value) => filters.set('from', value)}
          maxDate={to}
        />
        <DateFilter
          label={t('audit.to')}
          value={to}
          onChange={(value) => filters.set('to', value)}
          minDate={from}
        />
      </FilterBar>

      <Stack gap="sm" aria-busy={list.loading} aria-label={t('tabs.audit')} component="section">
        {initialLoading && Array.from({ length: 3 }, (_, index) => <Skeleton key={index} h={110} />)}
        {list.items.map((entry) => (
          <AuditEntryView
            key={entry.id}
            entry={entry}
            users={users}
            meId={me.id}
            extra={
              HISTORY_PATHS[entry.recordType] && (
                <RecordHistoryButton
                  records={HISTORY_PATHS[entry.recordType]!}
                  id={entry.recordId}
                  name={labelOfSnapshot(entry.after) ?? labelOfSnapshot(entry.before) ?? undefined}
                  variant="subtle"
                  label={t('history.ofRecord')}
                  size="compact-sm"
                />
              )
            }
          />
        ))}
      </Stack>
      {!list.loading && !list.error && list.items.length === 0 && (
        <Text c="gray.7" ta="center" py="xl">
          {filters.active ? t('audit.emptyFiltered') : t('audit.empty')}
        </Text>
      )}
      {list.error && (
        <Alert color="red" role="alert" mt="sm">
          <Group justify="space-between">
            <span>{errorMessage(t, list.error)}</span>
            <Button size="xs" variant="default" onClick={list.reload}>
              {t('actions.retry', { ns: 'common' })}
            </Button>
          </Group>
        </Alert>
      )}
      {list.hasMore && (
        <Group justify="center" mt="md">
          <Button variant="default" onClick={list.loadMore} loading={list.loading && !initialLoading}>
            {t('actions.loadMore', { ns: 'common' })}
          </Button>
        </Group>
      )}
    </>
  );
}
