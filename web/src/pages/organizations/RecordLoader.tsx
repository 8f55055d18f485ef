import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiState } from '../../api/client.ts';
import { errorMessage } from '../../components/errors.ts';
import { PageLoader } from '../../components/PageLoader.tsx';

/**
 * A record's page while its record loads: the loader, the API's refusal in words (a 403 says the
 * user has no right to it, a 404 that it is gone), else the page.
 */
export function RecordLoader<T>({
  state,
  children,
}: {
  state: ApiState<T>;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (state.error)
    return (
      <Alert color="red" role="alert">
        {errorMessage(t, state.error)}
      </Alert>
    );
  if (state.data === undefined) return <PageLoader />;
  return <>{children(state.data)}</>;
}

/** In place of a page the user's role does not allow (reached by its address): says so, offers nothing. */
export function NotAllowed() {
  const { t } = useTranslation();
  return (
    <Alert color="red" role="alert">
      {t('errors.forbidden')}
    </Alert>
  );
}
