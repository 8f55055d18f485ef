import { Route, Routes } from 'react-router';
import NotFoundPage from '../NotFoundPage.tsx';
import { AgreementCreatePage, AgreementEditPage } from './AgreementEditPage.tsx';
import AgreementPage from './AgreementPage.tsx';
import AgreementsListPage from './AgreementsListPage.tsx';

/** /agreements/*: the list, a new agreement, an agreement with its plan, and its edit form. */
export default function AgreementsSection() {
  return (
    <Routes>
      <Route index element={<AgreementsListPage />} />
      <Route path="new" element={<AgreementCreatePage />} />
      <Route path=":id" element={<AgreementPage />} />
      <Route path=":id/edit" element={<AgreementEditPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
