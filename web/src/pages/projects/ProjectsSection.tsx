import { Route, Routes } from 'react-router';
import NotFoundPage from '../NotFoundPage.tsx';
import { ProjectCreatePage, ProjectEditPage } from './ProjectEditPage.tsx';
import ProjectPage from './ProjectPage.tsx';
import ProjectsListPage from './ProjectsListPage.tsx';

/** /projects/*: the list, a new project, a project and its edit form. */
export default function ProjectsSection() {
  return (
    <Routes>
      <Route index element={<ProjectsListPage />} />
      <Route path="new" element={<ProjectCreatePage />} />
      <Route path=":id" element={<ProjectPage />} />
      <Route path=":id/edit" element={<ProjectEditPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
