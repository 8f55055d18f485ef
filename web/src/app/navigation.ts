import type { Role } from './auth.tsx';

/** One item of the side navigation. */
export interface NavigationItem {
  key: string;
  path: string;
  /** i18n key of the label, in the `common` namespace. */
  label: string;
  /** An optional icon: a short glyph shown before the label. */
  icon?: string;
  /** The roles that see the item; absent: every signed-in user. */
  roles?: Role[];
}

export const navigation: NavigationItem[] = [
  { key: 'home', path: '/', label: 'nav.home' },
  { key: 'cities', path: '/cities', label: 'nav.cities' },
  { key: 'map', path: '/map', label: 'map:nav' },
  { key: 'organizations', path: '/organizations', label: 'nav.organizations' },
  { key: 'persons', path: '/persons', label: 'nav.persons' },
  { key: 'visits', path: '/visits', label: 'nav.visits' },
  { key: 'agreements', path: '/agreements', label: 'nav.agreements' },
  { key: 'projects', path: '/projects', label: 'projects:nav' },
  { key: 'events', path: '/events', label: 'nav.events' },
  { key: 'calendar', path: '/calendar', label: 'nav.calendar' },
  { key: 'documents', path: '/documents', label: 'nav.documents' },
  { key: 'import', path: '/import', label: 'nav.import', roles: ['admin', 'city_editor', 'org_editor'] },
  { key: 'search', path: '/search', label: 'nav.search' },
  { key: 'reports', path: '/reports', label: 'reports:nav' },
  { key: 'settings', path: '/settings', label: 'setup:nav', roles: ['admin'] },
  { key: 'admin', path: '/admin', label: 'nav.admin', roles: ['admin'] },
];

/** The items a user with these roles sees. */
export function visibleNavigation(roles: Role[]): NavigationItem[] {
  return navigation.filter((item) => !item.roles || item.roles.some((role) => roles.includes(role)));
}

/** The navigation item a location belongs to (the longest matching path). */
export function navigationItemOf(pathname: string): NavigationItem | undefined {
  return navigation
    .filter((item) =>
      item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(`${item.path}/`),
    )
    .sort((a, b) => b.path.length - a.path.length)[0];
}
