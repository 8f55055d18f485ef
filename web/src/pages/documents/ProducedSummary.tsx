import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/client.ts';
import type { DocumentRecord, SourcedType } from './document-api.ts';

/** «визит: 1 · организации: 2 · люди: 3»: what a document produced, counted by kind. */
export function ProducedSummary({ documentId }: { documentId: number }) {
  const { t } = useTranslation('records');
  const records = useApi<DocumentRecord[]>(`/documents/${documentId}/records`);
  if (!records.data) return null;
  if (records.data.length === 0)
    return (
      <Text span c="dimmed" size="sm">
        {t('document.notAccepted')}
      </Text>
    );
  const counts = new Map<SourcedType, number>();
  for (const record of records.data) counts.set(record.recordType, (counts.get(record.recordType) ?? 0) + 1);
  return (
    <Text span size="sm">
      {[...counts].map(([type, count]) => `${t(`recordType.${type}`)}: ${count}`).join(' · ')}
    </Text>
  );
}
