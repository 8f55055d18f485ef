import { Alert, Button, CopyButton, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiUrl, useApi } from '../../api/client.ts';
import { errorMessage } from '../../components/errors.ts';
import type { PressRelease } from './visit-api.ts';

/** «Пресс-релиз»: the draft of GET /api/visits/:id/press-release, to copy or download. */
export function PressReleaseButton({ visitId }: { visitId: number }) {
  const { t } = useTranslation('visits');
  const { t: tc } = useTranslation();
  const [opened, setOpened] = useState(false);
  const draft = useApi<PressRelease>(opened ? `/visits/${visitId}/press-release` : null);
  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)}>
        {t('press.open')}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('press.title')}
        size="xl"
        closeButtonProps={{ 'aria-label': tc('actions.close') }}
      >
        {draft.loading && <Loader aria-label={tc('loading')} />}
        {draft.error && (
          <Alert color="red" role="alert">
            {errorMessage(tc, draft.error)}
          </Alert>
        )}
        {draft.data && (
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('press.hint')}
            </Text>
            <article lang="ru" aria-label={t('press.title')}>
              <Title order={2} size="h4" mb="xs">
                {draft.data.title}
              </Title>
              <Text fw={600} mb="xs">
                {draft.data.lead}
              </Text>
              {draft.data.paragraphs.map((paragraph, index) => (
                <Text key={index} mb="xs">
                  {paragraph}
                </Text>
              ))}
            </article>
            <Group>
              <CopyButton value={draft.data.text}>
                {({ copied, copy }) => (
                  <Button onClick={copy} color={copied ? 'green.9' : undefined}>
                    {copied ? t('press.copied') : t('press.copy')}
                  </Button>
                )}
              </CopyButton>
              <Button
                component="a"
                variant="default"
                href={apiUrl(`/visits/${visitId}/press-release`, { format: 'docx' })}
                download
              >
                {t('press.docx')}
              </Button>
              <Button
                component="a"
                variant="default"
                href={apiUrl(`/visits/${visitId}/press-release`, { format: 'text' })}
                download={`press-release-${visitId}.txt`}
              >
                {t('press.txt')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
