import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { apiUrl, type Query } from '../../api/client.ts';

/** «Экспорт CSV / XLSX» of a list with the list's own filters and sort (GET /api/exports/<kind>.csv). */
export function ExportButtons({ kind, query }: { kind: string; query: Query }) {
  const { t } = useTranslation('records');
  return (
    <Group gap="xs">
      <Button component="a" variant="default" href={apiUrl(`/exports/${kind}.csv`, query)} download>
        {t('export.csv')}
      </Button>
      <Button component="a" variant="default" href={apiUrl(`/exports/${kind}.xlsx`, query)} download>
        {t('export.xlsx')}
      </Button>
    </Group>
  );
}
