import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';

/** The home page; its dashboard (what is coming, the map, counts) replaces this. */
export default function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <PageHeader title={t('home.title')} subtitle={t('home.welcome', { name: me.displayName })} />
      <Text c="dimmed">{t('placeholder.text')}</Text>
    </>
  );
}
