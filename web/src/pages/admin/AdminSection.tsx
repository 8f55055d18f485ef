import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useMe } from '../../app/auth.tsx';
import NotFoundPage from '../NotFoundPage.tsx';
import AuditPage from './AuditPage.tsx';
import FilesPage from './FilesPage.tsx';
import { NoAccessPage } from './NoAccessPage.tsx';
import PublishingPage from './PublishingPage.tsx';
import UsersPage from './UsersPage.tsx';

const TABS = ['users', 'audit', 'publishing', 'files'] as const;

/** The tabs of the administration section, each its own address. */
function AdminTabs() {
  const { t } = useTranslation(['admin', 'common']);
  const location = useLocation();
  const navigate = useNavigate();
  const current = TABS.find((tab) => location.pathname.startsWith(`/admin/${tab}`)) ?? 'users';
  return (
    <Tabs value={current} onChange={(tab) => tab && navigate(`/admin/${tab}`)} mb="md" keepMounted={false}>
      <Tabs.List aria-label={t('title')} style={{ flexWrap: 'wrap' }}>
        {TABS.map((tab) => (
          <Tabs.Tab key={tab} value={tab}>
            {t(`tabs.${tab}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}

/** /admin/*: users and roles, the audit trail, publishing, the limits on files; administrators only, «Нет доступа» for others. */
export default function AdminSection() {
  const me = useMe();
  if (!me.roles.some((grant) => grant.role === 'admin')) return <NoAccessPage />;
  return (
    <>
      <AdminTabs />
      <Routes>
        <Route index element={<Navigate to="users" replace />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="publishing" element={<PublishingPage />} />
        <Route path="files" element={<FilesPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}
