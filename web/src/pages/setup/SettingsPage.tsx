import { Anchor, Stack, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useApi } from '../../api/client.ts';
import { useMe } from '../../app/auth.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { NoAccessPage } from '../admin/NoAccessPage.tsx';
import { BackupsEditor } from './BackupsEditor.tsx';
import { ColleaguesEditor } from './ColleaguesEditor.tsx';
import { HomeCitiesEditor, type HomeCity } from './HomeCitiesEditor.tsx';
import { MailEditor } from './MailEditor.tsx';
import { isAdministrator } from './setup-progress.ts';
import { TwinningsEditor } from './TwinningsEditor.tsx';

const TABS = ['cities', 'twinnings', 'users', 'backups', 'mail'] as const;

function TwinningsTab() {
  const homes = useApi<HomeCity[]>('/home-cities');
  if (!homes.data) return null;
  return <TwinningsEditor homeCityIds={homes.data.map((home) => home.cityId)} />;
}

/** /settings/*: the setup's steps, later: home cities, twinnings, colleagues, and backups (administrators). */
export default function SettingsPage() {
  const { t } = useTranslation('setup');
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  if (!isAdministrator(me)) return <NoAccessPage />;
  const current = TABS.find((tab) => location.pathname.startsWith(`/settings/${tab}`)) ?? 'cities';
  return (
    <>
      <PageHeader
        title={t('settings.title')}
        subtitle={
          <>
            {t('settings.subtitle')}{' '}
            <Anchor component={Link} to="/setup" size="sm">
              {t('settings.wizard')}
            </Anchor>
          </>
        }
      />
      <Tabs
        value={current}
        onChange={(tab) => tab && navigate(`/settings/${tab}`)}
        mb="md"
        keepMounted={false}
      >
        <Tabs.List aria-label={t('settings.title')} style={{ flexWrap: 'wrap' }}>
          {TABS.map((tab) => (
            <Tabs.Tab key={tab} value={tab}>
              {t(`settings.tabs.${tab}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Stack gap="md" maw={860}>
        <Text c="gray.7" size="sm">
          {t(`settings.intro.${current}`)}
        </Text>
        <Routes>
          <Route index element={<Navigate to="cities" replace />} />
          <Route path="cities" element={<HomeCitiesEditor />} />
          <Route path="twinnings" element={<TwinningsTab />} />
          <Route path="users" element={<ColleaguesEditor />} />
          <Route path="backups" element={<BackupsEditor />} />
          <Route path="mail" element={<MailEditor />} />
        </Routes>
      </Stack>
    </>
  );
}
