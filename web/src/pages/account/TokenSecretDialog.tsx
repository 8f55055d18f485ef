import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IssuedApiToken } from './api-tokens.ts';

/**
 * The secret of a token just created, shown this once: large, with a copy button, a warning that
 * it will not be shown again and an example request; closing the dialog forgets it.
 */
export function TokenSecretDialog({ token, onClose }: { token: IssuedApiToken | null; onClose: () => void }) {
  const { t } = useTranslation(['account', 'common']);
  const example = token
    ? `curl -H "Authorization: Bearer ${token.token}" ${window.location.origin}/api/visits`
    : '';
  return (
    <Modal
      opened={token !== null}
      onClose={onClose}
      title={t('tokens.secretTitle', { name: token?.name ?? '' })}
      centered
      size="lg"
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': t('actions.close', { ns: 'common' }) }}
    >
      {token && (
        <Stack gap="md">
          <Alert
            color="orange"
            variant="light"
            title={t('tokens.secretWarningTitle')}
            // Mantine's orange title, and even its darkest orange, is under 4.5:1 on the light background.
            styles={{ title: { color: 'var(--mantine-color-red-9)' } }}
          >
            {t('tokens.secretWarning')}
          </Alert>
          <Text size="sm" fw={500} mb={-8}>
            {t('tokens.secretLabel')}
          </Text>
          <Group gap="sm" wrap="wrap" align="center">
            <Code
              block
              fz="md"
              fw={700}
              data-testid="api-token-secret"
              // Broken anywhere, evenly: a break after «pbt_-» would look like two pieces.
              style={{ userSelect: 'all', wordBreak: 'break-all', whiteSpace: 'pre-wrap', flex: '1 1 240px' }}
            >
              {token.token}
            </Code>
            <CopyButton value={token.token}>
              {({ copied, copy }) => (
                <Button
                  variant={copied ? 'light' : 'filled'}
                  color={copied ? 'teal.9' : 'blue.8'}
                  onClick={copy}
                  style={{ flexShrink: 0 }}
                  data-autofocus
                >
                  {copied ? t('tokens.copied') : t('tokens.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('tokens.example')}
            </Text>
            <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
              {example}
            </Code>
          </Stack>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('tokens.done')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
