import { Anchor, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canWrite, useMe } from '../../app/auth.tsx';
import { recordPath } from '../../app/record-paths.ts';
import { FilterBar, SearchFilter, SelectFilter, useUrlFilters } from '../../components/FilterBar.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RecordTable, useUrlSort, type Column } from '../../components/RecordTable.tsx';
import { useFormat } from '../../i18n/format.ts';
import { ExportButtons } from '../organizations/ExportButtons.tsx';
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
  const { sort, order } = useUrlSort('publishedOn');
  const query = { ...filters.values };
  const columns: Column<DocumentSummary>[] = [
    {
      key: 'title',
      header: t('document.title'),
      sort: 'title',
      render: (document) => (
        <Anchor component={Link} to={recordPath('document', document.id)}>
          {document.title}
        </Anchor>
      ),
    },
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
    <>
      <PageHeader
        title={t('document.listTitle')}
        actions={
          <>
            <ExportButtons kind="documents" query={{ ...query, sort, order }} />
            {canWrite(me) && (
              <Button component={Link} to="/import">
                {t('document.import')}
              </Button>
            )}
          </>
        }
      />
      <FilterBar active={filters.active} onReset={filters.reset}>
        <SearchFilter value={filters.values.q} onChange={(value) => filters.set('q', value)} />
        <SelectFilter
          label={t('document.kind')}
          value={filters.values.kind}
          onChange={(value) => filters.set('kind', value)}
          data={DOCUMENT_KINDS.map((kind) => ({ value: kind, label: t(`documentKind.${kind}`) }))}
        />
      </FilterBar>
      <RecordTable<DocumentSummary>
        path="/documents"
        query={query}
        columns={columns}
        defaultSort="publishedOn"
        caption={t('document.listTitle')}
        filtered={filters.active}
      />
    </>
  );
}
