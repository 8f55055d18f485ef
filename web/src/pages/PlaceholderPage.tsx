import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { navigationItemOf } from '../app/navigation.ts';
import { PageHeader } from '../components/PageHeader.tsx';

/** «Раздел в разработке»: a section whose pages are not built yet. */
export default function PlaceholderPage() {
  const { t } = useTranslation();
  const item = navigationItemOf(useLocation().pathname);
  return (
    <>
      <PageHeader title={item ? t(item.label) : t('placeholder.title')} />
      <Alert color="gray" title={t('placeholder.title')}>
        <Text size="sm">{t('placeholder.text')}</Text>
      </Alert>
    </>
  );
}
