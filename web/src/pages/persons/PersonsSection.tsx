import { Route, Routes } from 'react-router';
import NotFoundPage from '../NotFoundPage.tsx';
import { PersonCreatePage, PersonEditPage } from './PersonEditPage.tsx';
import PersonPage from './PersonPage.tsx';
import PersonsListPage from './PersonsListPage.tsx';

/** /persons/*: the list, a new person, a person with their positions over time, and the edit form. */
export default function PersonsSection() {
  return (
    <Routes>
      <Route index element={<PersonsListPage />} />
      <Route path="new" element={<PersonCreatePage />} />
      <Route path=":id" element={<PersonPage />} />
      <Route path=":id/edit" element={<PersonEditPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
