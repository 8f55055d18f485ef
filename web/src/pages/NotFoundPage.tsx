import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../components/PageHeader.tsx';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <Text>
        {t('notFound.text')}{' '}
        <Anchor component={Link} to="/">
          {t('notFound.home')}
        </Anchor>
      </Text>
    </>
  );
}
