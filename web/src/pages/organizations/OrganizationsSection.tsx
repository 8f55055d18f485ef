import { Route, Routes } from 'react-router';
import NotFoundPage from '../NotFoundPage.tsx';
import { OrganizationCreatePage, OrganizationEditPage } from './OrganizationEditPage.tsx';
import OrganizationPage from './OrganizationPage.tsx';
import OrganizationsListPage from './OrganizationsListPage.tsx';

/** /organizations/*: the list, a new organization, an organization and its edit form. */
export default function OrganizationsSection() {
  return (
    <Routes>
      <Route index element={<OrganizationsListPage />} />
      <Route path="new" element={<OrganizationCreatePage />} />
      <Route path=":id" element={<OrganizationPage />} />
      <Route path=":id/edit" element={<OrganizationEditPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
