import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** A page of the signed-in application; each is its own chunk, loaded when first visited. */
export interface AppRoute {
  /** A react-router path («/visits/:id»). */
  path: string;
  page: LazyExoticComponent<ComponentType>;
}

/** Every page, one line each. A page module default-exports its component. */
export const routes: AppRoute[] = [
  { path: '/', page: lazy(() => import('../pages/home/HomePage.tsx')) },
  { path: '/search', page: lazy(() => import('../pages/search/SearchPage.tsx')) },
  { path: '/map', page: lazy(() => import('../pages/map/MapPage.tsx')) },
  { path: '/cities/*', page: lazy(() => import('../pages/cities/CitiesSection.tsx')) },
  { path: '/organizations/*', page: lazy(() => import('../pages/organizations/OrganizationsSection.tsx')) },
  { path: '/persons/*', page: lazy(() => import('../pages/persons/PersonsSection.tsx')) },
  { path: '/visits/*', page: lazy(() => import('../pages/visits/VisitsSection.tsx')) },
  { path: '/agreements/*', page: lazy(() => import('../pages/agreements/AgreementsSection.tsx')) },
  { path: '/projects/*', page: lazy(() => import('../pages/projects/ProjectsSection.tsx')) },
  { path: '/events/*', page: lazy(() => import('../pages/events/EventsSection.tsx')) },
  { path: '/calendar/*', page: lazy(() => import('../pages/calendar/CalendarPage.tsx')) },
  { path: '/documents/*', page: lazy(() => import('../pages/documents/DocumentsSection.tsx')) },
  { path: '/import', page: lazy(() => import('../pages/import/ImportPage.tsx')) },
  { path: '/reports', page: lazy(() => import('../pages/reports/ReportsPage.tsx')) },
  { path: '/setup', page: lazy(() => import('../pages/setup/SetupPage.tsx')) },
  { path: '/settings/*', page: lazy(() => import('../pages/setup/SettingsPage.tsx')) },
  { path: '/admin/*', page: lazy(() => import('../pages/admin/AdminSection.tsx')) },
  { path: '/account', page: lazy(() => import('../pages/account/AccountPage.tsx')) },
];
