import { Anchor, Text } from '@mantine/core';
import type { DocumentSummary } from './document-api.ts';

/** Where a document came from: its web address (by host) or the file it was read from. */
export function DocumentSource({ document }: { document: Pick<DocumentSummary, 'sourceUrl' | 'fileName'> }) {
  if (document.sourceUrl) {
    let host = document.sourceUrl;
    try {
      host = new URL(document.sourceUrl).host;
    } catch {
      // Stored addresses are validated by the API; a strange one shows whole.
    }
    return (
      <Anchor href={document.sourceUrl} target="_blank" rel="noreferrer">
        {host}
      </Anchor>
    );
  }
  if (document.fileName) return <Text span>{document.fileName}</Text>;
  return null;
}
