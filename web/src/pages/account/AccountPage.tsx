import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ApiTokensCard } from './ApiTokensCard.tsx';
import { DigestCard } from './DigestCard.tsx';
import { ProfileCard } from './ProfileCard.tsx';

/** /account: who the user is, their roles, the password, and the API tokens of their scripts. */
export default function AccountPage() {
  const { t } = useTranslation('account');
  return (
    <>
      <PageHeader title={t('title')} />
      <Stack gap="lg" maw={900}>
        <ProfileCard />
        <DigestCard />
        <ApiTokensCard />
      </Stack>
    </>
  );
}
