import { Alert, Badge, Code, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { api, useApi } from '../../api/client.ts';
import { ConfirmDelete } from '../../components/ConfirmDelete.tsx';
import { errorMessage } from '../../components/errors.ts';
import { useFormat } from '../../i18n/format.ts';
import type { ApiToken, IssuedApiToken } from './api-tokens.ts';
import { CreateTokenForm } from './CreateTokenForm.tsx';
import { TokenSecretDialog } from './TokenSecretDialog.tsx';

/** One token: its name, when it was made, last used and when it expires, and «Отозвать». */
function TokenItem({ token, onRevoked }: { token: ApiToken; onRevoked: () => void }) {
  const { t } = useTranslation('account');
  const format = useFormat();
  const expired = token.expiresAt !== null && Date.parse(token.expiresAt) <= Date.now();
  return (
    <Paper withBorder p="sm" radius="sm" component="li" style={{ listStyle: 'none' }}>
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Group gap="xs" wrap="wrap">
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {token.name}
            </Text>
            {expired && (
              <Badge color="red.9" variant="outline" size="sm">
                {t('tokens.expired')}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="gray.7">
            {t('tokens.createdOn', { date: format.dateTime(token.createdAt) })}
            {' · '}
            {token.lastUsedAt
              ? t('tokens.lastUsed', { date: format.dateTime(token.lastUsedAt) })
              : t('tokens.neverUsed')}
            {' · '}
            {token.expiresAt
              ? t(expired ? 'tokens.expiredOn' : 'tokens.expiresOn', { date: format.date(token.expiresAt) })
              : t('tokens.noExpiry')}
          </Text>
        </Stack>
        <ConfirmDelete
          name={token.name}
          label={t('tokens.revoke')}
          title={t('tokens.revokeTitle')}
          text={t('tokens.revokeText', { name: token.name })}
          confirmLabel={t('tokens.revoke')}
          doneMessage={t('tokens.revoked', { name: token.name })}
          onDelete={() => api.delete(`/tokens/${token.id}`)}
          onDeleted={onRevoked}
        />
      </Group>
    </Paper>
  );
}

/** The user's API tokens: what they are for, a new one (its secret shown once), the list, revoking. */
export function ApiTokensCard() {
  const { t } = useTranslation(['account', 'common']);
  const tokens = useApi<{ items: ApiToken[] }>('/tokens');
  const [issued, setIssued] = useState<IssuedApiToken | null>(null);
  const items = tokens.data?.items ?? [];
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="account-tokens">
      <Title order={2} size="h4" id="account-tokens" mb="xs">
        {t('tokens.heading')}
      </Title>
      <Text size="sm" mb="md">
        <Trans t={t} i18nKey="tokens.intro" components={{ code: <Code /> }} />
      </Text>
      <CreateTokenForm
        onCreated={(token) => {
          setIssued(token);
          tokens.reload();
        }}
      />
      <Title order={3} size="h5" mt="lg" mb="xs">
        {t('tokens.listHeading')}
      </Title>
      {tokens.error ? (
        <Alert color="red" role="alert">
          {errorMessage(t, tokens.error)}
        </Alert>
      ) : tokens.loading && !tokens.data ? (
        <Skeleton height={60} />
      ) : items.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('tokens.empty')}
        </Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} aria-label={t('tokens.listHeading')}>
          {items.map((token) => (
            <TokenItem key={token.id} token={token} onRevoked={tokens.reload} />
          ))}
        </Stack>
      )}
      <TokenSecretDialog token={issued} onClose={() => setIssued(null)} />
    </Paper>
  );
}
