import {
  Alert,
  Anchor,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Skeleton,
  Stack,
  Switch,
  Text,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupSchedule } from '../../../../src/modules/backup/backup-schedule.ts';
import { api, apiUrl, useApi } from '../../api/client.ts';
import { errorMessage } from '../../components/errors.ts';
import { useFormat } from '../../i18n/format.ts';

const HOURS = Array.from({ length: 24 }, (_, hour) => ({
  value: String(hour),
  label: `${String(hour).padStart(2, '0')}:00`,
}));

/** Settings → backups: the daily backup's switch, hour and files kept, «back up now», the last one, a download. */
export function BackupsEditor() {
  const { t } = useTranslation('setup');
  const { t: tc } = useTranslation();
  const format = useFormat();
  const schedule = useApi<BackupSchedule>('/backup/schedule');
  const [form, setForm] = useState({ enabled: false, hour: 3, keep: 7 });
  const [busy, setBusy] = useState<'save' | 'run' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (schedule.data)
      setForm({ enabled: schedule.data.enabled, hour: schedule.data.hour, keep: schedule.data.keep });
  }, [schedule.data]);

  async function act(kind: 'save' | 'run') {
    if (!schedule.data) return;
    setBusy(kind);
    setError(null);
    setSaved(false);
    try {
      const next =
        kind === 'save'
          ? await api.put<BackupSchedule>('/backup/schedule', { ...form, version: schedule.data.version })
          : await api.post<BackupSchedule>('/backup/run');
      schedule.setData(next);
      setSaved(kind === 'save');
    } catch (caught) {
      setError(caught);
      if (kind === 'save') schedule.reload();
    } finally {
      setBusy(null);
    }
  }

  if (schedule.error) {
    return (
      <Alert color="red" role="alert">
        {errorMessage(tc, schedule.error)}
      </Alert>
    );
  }
  if (!schedule.data) return <Skeleton h={160} />;
  const last = schedule.data.last;
  return (
    <Stack gap="md">
      {error !== null && (
        <Alert color="red" role="alert">
          {errorMessage(tc, error)}
        </Alert>
      )}
      {saved && (
        <Alert color="green" role="status">
          {t('backups.saved')}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Switch
            label={t('backups.enabled')}
            checked={form.enabled}
            onChange={(event) => setForm({ ...form, enabled: event.currentTarget.checked })}
          />
          <Group gap="md" align="flex-end" wrap="wrap">
            <Select
              label={t('backups.hour')}
              data={HOURS}
              value={String(form.hour)}
              onChange={(value) => value !== null && setForm({ ...form, hour: Number(value) })}
              allowDeselect={false}
              w={140}
            />
            <NumberInput
              label={t('backups.keep')}
              min={1}
              max={366}
              value={form.keep}
              onChange={(value) => setForm({ ...form, keep: typeof value === 'number' ? value : form.keep })}
              w={180}
            />
            <Button onClick={() => void act('save')} loading={busy === 'save'}>
              {t('backups.save')}
            </Button>
          </Group>
          <Text size="sm" c="gray.7" style={{ overflowWrap: 'anywhere' }}>
            {t('backups.directory', { directory: schedule.data.directory })}
          </Text>
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Text fw={600}>{t('backups.last')}</Text>
          {last.finishedAt ? (
            <Text size="sm" data-testid="last-backup">
              {t('backups.lastDone', {
                when: format.dateTime(last.finishedAt),
                size: format.number(Math.max(1, Math.round((last.bytes ?? 0) / 1024 / 1024))),
              })}
            </Text>
          ) : (
            <Text size="sm" c="gray.7" data-testid="last-backup">
              {t('backups.none')}
            </Text>
          )}
          {last.error && (
            <Alert color="red" role="alert">
              {t('backups.failed', { error: last.error })}
            </Alert>
          )}
          <Group gap="sm">
            <Button variant="light" onClick={() => void act('run')} loading={busy === 'run'}>
              {t('backups.runNow')}
            </Button>
            <Anchor href={apiUrl('/backup')} download>
              {t('backups.download')}
            </Anchor>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
