import { Route, Routes } from 'react-router';
import NotFoundPage from '../NotFoundPage.tsx';
import { VisitCreatePage, VisitEditPage } from './VisitEditPage.tsx';
import VisitPage from './VisitPage.tsx';
import VisitsListPage from './VisitsListPage.tsx';

/** /visits/*: the list, a new visit, a visit and its edit form. */
export default function VisitsSection() {
  return (
    <Routes>
      <Route index element={<VisitsListPage />} />
      <Route path="new" element={<VisitCreatePage />} />
      <Route path=":id" element={<VisitPage />} />
      <Route path=":id/edit" element={<VisitEditPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
