import { Route, Routes } from 'react-router';
import NotFoundPage from '../NotFoundPage.tsx';
import CitiesListPage from './CitiesListPage.tsx';
import CityPage from './CityPage.tsx';

/** /cities/*: the home cities and their twinnings, and a city's page. */
export default function CitiesSection() {
  return (
    <Routes>
      <Route index element={<CitiesListPage />} />
      <Route path=":id" element={<CityPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
