import { Alert, Button, CopyButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../components/errors.ts';

/**
 * «Подписаться на календарь»: POST /api/calendar/feed makes the user's secret iCal address (a
 * new one each time, the old one stops), shown to copy into a calendar program; it can be stopped.
 */
export function CalendarFeedButton() {
  const { t } = useTranslation('calendar');
  const { t: tc } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const make = async () => {
    setBusy(true);
    setProblem(null);
    try {
      setUrl((await api.post<{ url: string }>('/calendar/feed')).url);
    } catch (error) {
      setProblem(errorMessage(tc, error));
    } finally {
      setBusy(false);
    }
  };
  const stop = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await api.delete('/calendar/feed');
      setUrl(null);
      notifications.show({ color: 'green', message: t('feed.stopped') });
    } catch (error) {
      setProblem(errorMessage(tc, error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)}>
        {t('feed.open')}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('feed.title')}
        size="lg"
        closeButtonProps={{ 'aria-label': tc('actions.close') }}
      >
        <Stack>
          <Text size="sm">{t('feed.text')}</Text>
          {problem && (
            <Alert color="red" role="alert">
              {problem}
            </Alert>
          )}
          {url ? (
            <>
              <TextInput
                label={t('feed.url')}
                value={url}
                readOnly
                onFocus={(event) => event.currentTarget.select()}
              />
              <Text size="sm" c="dimmed">
                {t('feed.secret')}
              </Text>
              <Group>
                <CopyButton value={url}>
                  {({ copied, copy }) => (
                    <Button onClick={copy} color={copied ? 'green.9' : undefined}>
                      {copied ? t('feed.copied') : t('feed.copy')}
                    </Button>
                  )}
                </CopyButton>
                <Button variant="default" onClick={() => void make()} loading={busy}>
                  {t('feed.renew')}
                </Button>
                <Button variant="outline" color="red.9" onClick={() => void stop()} disabled={busy}>
                  {t('feed.stop')}
                </Button>
              </Group>
            </>
          ) : (
            <Group>
              <Button onClick={() => void make()} loading={busy}>
                {t('feed.make')}
              </Button>
              <Text size="sm" c="dimmed">
                {t('feed.makeHint')}
              </Text>
            </Group>
          )}
        </Stack>
      </Modal>
    </>
  );
}
