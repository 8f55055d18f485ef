import { Route, Routes } from 'react-router';
import NotFoundPage from '../NotFoundPage.tsx';
import DocumentPage from './DocumentPage.tsx';
import DocumentsListPage from './DocumentsListPage.tsx';

/** /documents/*: the imported documents and one document with what it produced. */
export default function DocumentsSection() {
  return (
    <Routes>
      <Route index element={<DocumentsListPage />} />
      <Route path=":id" element={<DocumentPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
