import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { canWrite, useMe } from '../../app/auth.tsx';
import { SearchFilter, SelectFilter, useUrlFilters } from '../../components/FilterBar.tsx';
import { linkColumn } from '../../components/lists/columns.tsx';
import { bound } from '../../components/lists/filters.tsx';
import { ListPage } from '../../components/lists/ListPage.tsx';
import type { Column } from '../../components/RecordTable.tsx';
import { useFormat } from '../../i18n/format.ts';
import { DOCUMENT_KINDS, type DocumentSummary } from './document-api.ts';
import { DocumentSource } from './DocumentSource.tsx';
import { ProducedSummary } from './ProducedSummary.tsx';

const FILTERS = ['q', 'kind'] as const;

/** /documents: the press releases and other documents imported, with what each produced. */
export default function DocumentsListPage() {
  const { t } = useTranslation('records');
  const me = useMe();
  const format = useFormat();
  const filters = useUrlFilters(FILTERS);
  const columns: Column<DocumentSummary>[] = [
    linkColumn('document', {
      key: 'title',
      header: t('document.title'),
      sort: 'title',
      text: (document) => document.title,
    }),
    {
      key: 'publishedOn',
      header: t('document.publishedOn'),
      sort: 'publishedOn',
      defaultOrder: 'desc',
      render: (document) => format.shortDate(document.publishedOn),
    },
    { key: 'kind', header: t('document.kind'), sort: 'kind', render: (d) => t(`documentKind.${d.kind}`) },
    {
      key: 'source',
      header: t('document.source'),
      render: (document) =>
        document.sourceUrl || document.fileName ? (
          <DocumentSource document={document} />
        ) : (
          <Text span c="dimmed" size="sm">
            {t('document.pasted')}
          </Text>
        ),
    },
    {
      key: 'produced',
      header: t('document.produced'),
      render: (document) => <ProducedSummary documentId={document.id} />,
    },
  ];
  return (
    <ListPage<DocumentSummary>
      title={t('document.listTitle')}
      exportKind="documents"
      create={canWrite(me) && { to: '/import', label: t('document.import') }}
      filters={filters}
      path="/documents"
      query={{ ...filters.values }}
      columns={columns}
      defaultSort="publishedOn"
    >
      <SearchFilter {...bound(filters, 'q')} />
      <SelectFilter
        label={t('document.kind')}
        {...bound(filters, 'kind')}
        data={DOCUMENT_KINDS.map((kind) => ({ value: kind, label: t(`documentKind.${kind}`) }))}
      />
    </ListPage>
  );
}
