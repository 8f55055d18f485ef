import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Shown while a page's code or first data loads. */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center h={200} aria-busy="true">
      <Loader aria-label={t('loading')} />
    </Center>
  );
}
