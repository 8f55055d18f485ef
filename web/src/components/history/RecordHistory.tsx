import { Alert, Button, Drawer, Skeleton, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/client.ts';
import { useMe } from '../../app/auth.tsx';
import { errorMessage } from '../errors.ts';
import { AuditEntryView, type AuditEntry } from './AuditEntryView.tsx';
import { useUserNames } from './names.ts';

export interface RecordHistoryProps {
  /** The records' API path without /api: «visits», «organizations», «plan-items». */
  records: string;
  /** The record's id. */
  id: number;
  /** The record's name, in the drawer's title. */
  name?: string;
}

/**
 * The history of one record (`GET /api/<records>/:id/history`): every change newest first, who
 * and when, with the fields before and after. Loads only while shown.
 */
export function RecordHistoryList({ records, id }: Pick<RecordHistoryProps, 'records' | 'id'>) {
  const { t } = useTranslation(['admin', 'common']);
  const me = useMe();
  const users = useUserNames(me.roles.some((grant) => grant.role === 'admin'));
  const history = useApi<AuditEntry[]>(`/${records}/${id}/history`);
  if (history.loading && !history.data)
    return (
      <Stack gap="sm" aria-busy="true">
        <Skeleton h={80} />
        <Skeleton h={80} />
      </Stack>
    );
  if (history.error)
    return (
      <Alert color="red" role="alert">
        {history.error.code === 'forbidden' ? t('history.forbidden') : errorMessage(t, history.error)}
      </Alert>
    );
  const entries = [...(history.data ?? [])].sort((a, b) =>
    a.at < b.at ? 1 : a.at > b.at ? -1 : b.id - a.id,
  );
  if (entries.length === 0) return <Text c="dimmed">{t('history.empty')}</Text>;
  return (
    <Stack gap="sm">
      {entries.map((entry) => (
        <AuditEntryView key={entry.id} entry={entry} users={users} meId={me.id} showRecord={false} />
      ))}
    </Stack>
  );
}

/** The history in a drawer from the right (full screen on a phone); `opened` and `onClose` control it. */
export function RecordHistory({
  records,
  id,
  name,
  opened,
  onClose,
}: RecordHistoryProps & { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation(['admin', 'common']);
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="xl"
      title={name ? `${t('history.title')}: ${name}` : t('history.title')}
      closeButtonProps={{ 'aria-label': t('actions.close', { ns: 'common' }) }}
    >
      {opened && <RecordHistoryList records={records} id={id} />}
    </Drawer>
  );
}

/**
 * «История изменений»: a button that opens the record's history in a drawer; one line on a record
 * page: `<RecordHistoryButton records="visits" id={visit.id} name={visit.purpose} />`.
 */
export function RecordHistoryButton(
  props: RecordHistoryProps & {
    variant?: 'default' | 'subtle' | 'light';
    label?: string;
    size?: 'xs' | 'sm' | 'compact-sm';
  },
) {
  const { t } = useTranslation(['admin', 'common']);
  const [opened, setOpened] = useState(false);
  const { variant = 'default', label, size = 'sm', ...rest } = props;
  return (
    <>
      <Button variant={variant} size={size} onClick={() => setOpened(true)}>
        {label ?? t('history.button')}
      </Button>
      <RecordHistory {...rest} opened={opened} onClose={() => setOpened(false)} />
    </>
  );
}

export default RecordHistoryButton;
