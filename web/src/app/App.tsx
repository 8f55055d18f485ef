import { Alert, Loader, MantineProvider, Modal, Notification } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { AppLayout } from '../components/AppLayout.tsx';
import { PageLoader } from '../components/PageLoader.tsx';
import { AuthProvider, useAuth } from './auth.tsx';
import { routes } from './routes.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

const LoginPage = lazy(() => import('../pages/auth/LoginPage.tsx'));
const ChangePasswordPage = lazy(() => import('../pages/auth/ChangePasswordPage.tsx'));
const NotFoundPage = lazy(() => import('../pages/NotFoundPage.tsx'));

/** Lets only a signed-in user through; one who must still change the password goes to that page first. */
function RequireAuth({ children, passwordPage = false }: { children: ReactNode; passwordPage?: boolean }) {
  const { me } = useAuth();
  const location = useLocation();
  if (me === undefined) return <PageLoader />;
  if (me === null) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.mustChangePassword && !passwordPage) return <Navigate to="/setup-password" replace />;
  return children;
}

export function App() {
  const { i18n, t } = useTranslation('common');
  // Close buttons of notifications, alerts and dialogs are named in the user's language everywhere
  // (screen readers announce them; axe reports an unnamed button as critical).
  const close = t('actions.close');
  const dateLabels = useMemo(
    () => ({
      previousMonth: t('datePicker.previousMonth'),
      nextMonth: t('datePicker.nextMonth'),
      previousYear: t('datePicker.previousYear'),
      nextYear: t('datePicker.nextYear'),
      previousDecade: t('datePicker.previousDecade'),
      nextDecade: t('datePicker.nextDecade'),
    }),
    [t],
  );
  const localTheme = useMemo(
    () => ({
      ...theme,
      components: {
        Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': close } } }),
        Alert: Alert.extend({ defaultProps: { closeButtonLabel: close } }),
        Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': close } } }),
        // A spinner is a live status: the role lets its «Загрузка…» label be read (a bare span may
        // not carry aria-label, which axe reports as serious).
        Loader: Loader.extend({ defaultProps: { role: 'status' } }),
        // The calendar's arrows are icon buttons: named, or axe reports them as critical. (Its month
        // heading keeps its visible text as its name.)
        // By name rather than DateInput.extend, which would pull the date pickers into the first screen.
        DateInput: { defaultProps: { ariaLabels: dateLabels } },
      },
    }),
    [close, dateLabels],
  );
  return (
    <MantineProvider
      theme={localTheme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="light"
    >
      <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
        {/* Bottom right: a notice never covers the header's language switch and user menu. */}
        <Notifications position="bottom-right" />
        <BrowserRouter>
          <AuthProvider>
            <Suspense fallback={<PageLoader />}>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                <Route
                  path="/setup-password"
                  element={
                    <RequireAuth passwordPage>
                      <ChangePasswordPage />
                    </RequireAuth>
                  }
                />
                <Route
                  element={
                    <RequireAuth>
                      <AppLayout />
                    </RequireAuth>
                  }
                >
                  {routes.map(({ path, page: Page }) => (
                    <Route key={path} path={path} element={<Page />} />
                  ))}
                  <Route path="*" element={<NotFoundPage />} />
                </Route>
              </Routes>
            </Suspense>
          </AuthProvider>
        </BrowserRouter>
      </DatesProvider>
    </MantineProvider>
  );
}
