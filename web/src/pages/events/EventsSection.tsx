import { Route, Routes } from 'react-router';
import NotFoundPage from '../NotFoundPage.tsx';
import { EventCreatePage, EventEditPage } from './EventEditPage.tsx';
import EventPage from './EventPage.tsx';
import EventsListPage from './EventsListPage.tsx';

/** /events/*: the list, a new event, an event and its edit form. */
export default function EventsSection() {
  return (
    <Routes>
      <Route index element={<EventsListPage />} />
      <Route path="new" element={<EventCreatePage />} />
      <Route path=":id" element={<EventPage />} />
      <Route path=":id/edit" element={<EventEditPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
