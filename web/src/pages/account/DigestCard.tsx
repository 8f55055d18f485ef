import { Alert, Paper, SegmentedControl, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserDigest } from '../../../../src/modules/mail/user-digest.ts';
import { api, useApi } from '../../api/client.ts';
import { errorMessage } from '../../components/errors.ts';

/** The user's digest by e-mail: none, daily or weekly; says so when mail is not set up. */
export function DigestCard() {
  const { t } = useTranslation('account');
  const { t: tc } = useTranslation();
  const digest = useApi<UserDigest>('/mail/digest');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  async function choose(value: string) {
    setError(null);
    setSaved(false);
    try {
      digest.setData(await api.put<UserDigest>('/mail/digest', { digest: value }));
      setSaved(true);
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="account-digest">
      <Title order={2} size="h4" id="account-digest" mb="sm">
        {t('digest.heading')}
      </Title>
      {!digest.data ? (
        <Skeleton h={80} />
      ) : (
        <Stack gap="sm">
          <Text size="sm">{t('digest.intro', { email: digest.data.email })}</Text>
          {!digest.data.mailConfigured && (
            <Alert color="yellow" data-testid="digest-mail-off">
              {t('digest.mailOff')}
            </Alert>
          )}
          <SegmentedControl
            aria-label={t('digest.heading')}
            value={digest.data.digest}
            onChange={(value) => void choose(value)}
            data={(['none', 'daily', 'weekly'] as const).map((value) => ({
              value,
              label: t(`digest.choices.${value}`),
            }))}
            style={{ alignSelf: 'flex-start' }}
          />
          <Text size="sm" c="gray.7">
            {t('digest.when', { hour: `${String(digest.data.digestHour).padStart(2, '0')}:00` })}
          </Text>
          {saved && (
            <Alert color="green" role="status">
              {t(`digest.saved.${digest.data.digest}`)}
            </Alert>
          )}
          {(error !== null || digest.error) && (
            <Alert color="red" role="alert">
              {errorMessage(tc, error ?? digest.error)}
            </Alert>
          )}
        </Stack>
      )}
    </Paper>
  );
}
