import { Alert, Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';

/** What a signed-in user without the administrator role sees at /admin: a clear refusal and a way back. */
export function NoAccessPage() {
  const { t } = useTranslation(['admin', 'common']);
  return (
    <>
      <PageHeader title={t('noAccess.title')} />
      <Alert color="gray" variant="light" title={t('title')} role="alert">
        <Text size="sm" mb="sm">
          {t('noAccess.text')}
        </Text>
        <Anchor component={Link} to="/" size="sm">
          {t('noAccess.home')}
        </Anchor>
      </Alert>
    </>
  );
}
