import { Anchor, Blockquote, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { recordPath } from '../../app/record-paths.ts';
import type { RecordSource } from './visit-api.ts';

interface SourceDocument {
  id: number;
  title: string;
  body: string;
}

const EXCERPT_LIMIT = 400;

/** The documents a record was read from, each with the sentence that says so. */
export function SourceList({ sources }: { sources: RecordSource[] }) {
  const { t } = useTranslation('visits');
  const [documents, setDocuments] = useState<Map<number, SourceDocument>>(new Map());
  const ids = [...new Set(sources.map((source) => source.documentId))].join(',');
  useEffect(() => {
    if (!ids) return;
    let live = true;
    void Promise.allSettled(
      ids.split(',').map((id) => api.get<{ document: SourceDocument }>(`/documents/${id}`)),
    ).then((results) => {
      if (!live) return;
      const next = new Map<number, SourceDocument>();
      for (const result of results)
        if (result.status === 'fulfilled') next.set(result.value.document.id, result.value.document);
      setDocuments(next);
    });
    return () => {
      live = false;
    };
  }, [ids]);
  if (sources.length === 0) return <Text c="dimmed">{t('page.noSources')}</Text>;
  return (
    <Stack gap="sm">
      {sources.map((source) => {
        const document = documents.get(source.documentId);
        const evidence =
          document && source.spanStart !== null && source.spanEnd !== null
            ? document.body.slice(
                source.spanStart,
                Math.min(source.spanEnd, source.spanStart + EXCERPT_LIMIT),
              )
            : null;
        const span =
          source.spanStart !== null && source.spanEnd !== null
            ? `?span=${source.spanStart}-${source.spanEnd}`
            : '';
        return (
          <div key={source.id}>
            <Anchor component={Link} to={`${recordPath('document', source.documentId)}${span}`}>
              {document?.title ?? t('page.document', { id: source.documentId })}
            </Anchor>
            {evidence && (
              <Blockquote p="xs" mt={4} lang="ru" color="gray">
                {evidence}
              </Blockquote>
            )}
          </div>
        );
      })}
    </Stack>
  );
}
