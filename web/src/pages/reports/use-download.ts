import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Query } from '../../api/client.ts';
import { errorMessage } from '../../components/errors.ts';
import { downloadFile } from './download.ts';

/**
 * Downloads for a part of the reports page: `start` fetches a file (see downloadFile), tells
 * «Скачан файл …» when saved and keeps the API's message when not; `busy` is the path under way.
 */
export function useDownload() {
  const { t } = useTranslation(['reports', 'common']);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const start = async (path: string, query: Query, fallbackName: string) => {
    setBusy(path);
    setError(null);
    try {
      const name = await downloadFile(path, query, fallbackName);
      notifications.show({
        closeButtonProps: { 'aria-label': t('actions.close', { ns: 'common' }) },
        color: 'green',
        message: t('downloaded', { name }),
      });
    } catch (caught) {
      setError(errorMessage(t, caught));
    } finally {
      setBusy(null);
    }
  };
  return { busy, error, start };
}
