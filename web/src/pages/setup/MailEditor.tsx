import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  PasswordInput,
  Select,
  Skeleton,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailServer } from '../../../../src/modules/mail/mail-server.ts';
import { api, ApiError, useApi } from '../../api/client.ts';
import { errorMessage } from '../../components/errors.ts';

const HOURS = Array.from({ length: 24 }, (_, hour) => ({
  value: String(hour),
  label: `${String(hour).padStart(2, '0')}:00`,
}));

interface Form {
  host: string;
  port: number;
  security: MailServer['security'];
  username: string;
  password: string;
  sender: string;
  siteUrl: string;
  digestHour: number;
}

function formOf(server: MailServer): Form {
  return {
    host: server.host ?? '',
    port: server.port,
    security: server.security,
    username: server.username ?? '',
    password: '',
    sender: server.sender ?? '',
    siteUrl: server.siteUrl ?? window.location.origin,
    digestHour: server.digestHour,
  };
}

/** Settings → mail: the SMTP server letters go through, the sender, the digests' hour, a test letter. */
export function MailEditor() {
  const { t } = useTranslation('setup');
  const { t: tc } = useTranslation();
  const server = useApi<MailServer>('/mail/server');
  const [form, setForm] = useState<Form | null>(null);
  const [busy, setBusy] = useState<'save' | 'test' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    if (server.data) setForm(formOf(server.data));
  }, [server.data]);

  async function save() {
    if (!server.data || !form) return;
    setBusy('save');
    setError(null);
    setNotice(null);
    const blank = (value: string) => (value.trim() === '' ? null : value.trim());
    try {
      const next = await api.put<MailServer>('/mail/server', {
        host: blank(form.host),
        port: form.port,
        security: form.security,
        username: blank(form.username),
        ...(form.password !== '' && { password: form.password }),
        sender: blank(form.sender),
        siteUrl: blank(form.siteUrl),
        digestHour: form.digestHour,
        version: server.data.version,
      });
      server.setData(next);
      setNotice(t('mail.saved'));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  }

  async function sendTest() {
    setBusy('test');
    setError(null);
    setNotice(null);
    try {
      const { to } = await api.post<{ to: string }>('/mail/test', {});
      setNotice(t('mail.testSent', { to }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  }

  if (server.error) {
    return (
      <Alert color="red" role="alert">
        {errorMessage(tc, server.error)}
      </Alert>
    );
  }
  if (!server.data || !form) return <Skeleton h={240} />;
  const set = (change: Partial<Form>) => setForm({ ...form, ...change });
  return (
    <Stack gap="md">
      {!server.data.configured && (
        <Alert color="yellow" data-testid="mail-not-configured">
          {t('mail.notConfigured')}
        </Alert>
      )}
      {error !== null && (
        <Alert color="red" role="alert">
          {errorMessage(tc, error)}
          {error instanceof ApiError && error.code === 'mail_failed' && (
            <Text size="sm" mt={4} style={{ overflowWrap: 'anywhere' }}>
              {error.message}
            </Text>
          )}
        </Alert>
      )}
      {notice && (
        <Alert color="green" role="status">
          {notice}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group gap="md" align="flex-end" wrap="wrap">
            <TextInput
              label={t('mail.host')}
              description={t('mail.hostHint')}
              value={form.host}
              onChange={(event) => set({ host: event.currentTarget.value })}
              w={260}
            />
            <NumberInput
              label={t('mail.port')}
              min={1}
              max={65535}
              value={form.port}
              onChange={(value) => set({ port: typeof value === 'number' ? value : form.port })}
              w={110}
            />
            <Select
              label={t('mail.security')}
              data={(['starttls', 'tls', 'none'] as const).map((value) => ({
                value,
                label: t(`mail.securities.${value}`),
              }))}
              value={form.security}
              onChange={(value) => value && set({ security: value as Form['security'] })}
              allowDeselect={false}
              w={250}
            />
          </Group>
          <Group gap="md" align="flex-end" wrap="wrap">
            <TextInput
              label={t('mail.username')}
              value={form.username}
              onChange={(event) => set({ username: event.currentTarget.value })}
              autoComplete="off"
              w={260}
            />
            <PasswordInput
              label={t('mail.password')}
              description={server.data.passwordSet ? t('mail.passwordKept') : t('mail.passwordNone')}
              value={form.password}
              onChange={(event) => set({ password: event.currentTarget.value })}
              autoComplete="new-password"
              w={260}
            />
          </Group>
          <Group gap="md" align="flex-end" wrap="wrap">
            <TextInput
              label={t('mail.sender')}
              description={t('mail.senderHint')}
              value={form.sender}
              onChange={(event) => set({ sender: event.currentTarget.value })}
              w={340}
            />
            <TextInput
              label={t('mail.siteUrl')}
              description={t('mail.siteUrlHint')}
              value={form.siteUrl}
              onChange={(event) => set({ siteUrl: event.currentTarget.value })}
              w={300}
            />
            <Select
              label={t('mail.digestHour')}
              data={HOURS}
              value={String(form.digestHour)}
              onChange={(value) => value !== null && set({ digestHour: Number(value) })}
              allowDeselect={false}
              w={140}
            />
          </Group>
          <Group gap="sm">
            <Button onClick={() => void save()} loading={busy === 'save'}>
              {t('mail.save')}
            </Button>
            <Button
              variant="default"
              onClick={() => void sendTest()}
              loading={busy === 'test'}
              disabled={!server.data.configured}
            >
              {t('mail.test')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
