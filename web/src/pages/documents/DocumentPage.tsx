import { Anchor, Badge, Button, Grid, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useApi } from '../../api/client.ts';
import { canWrite, useMe } from '../../app/auth.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFormat } from '../../i18n/format.ts';
import { RecordLoader } from '../organizations/RecordLoader.tsx';
import { Section } from '../organizations/Section.tsx';
import { pageOfRecord, TYPE_COLORS, type DocumentAnswer, type DocumentRecord } from './document-api.ts';
import { DocumentSource } from './DocumentSource.tsx';
import { EvidenceText } from './EvidenceText.tsx';

/** `?span=120-180` from a record's list of sources. */
function spanOf(value: string | null): [number, number] | null {
  const match = /^(\d+)-(\d+)$/.exec(value ?? '');
  return match ? [Number(match[1]), Number(match[2])] : null;
}

/** /documents/:id: the document's text with the evidence of what it produced, and links to those records. */
export default function DocumentPage() {
  const { id } = useParams();
  const state = useApi<DocumentAnswer>(`/documents/${id}`);
  return <RecordLoader state={state}>{(answer) => <DocumentView document={answer.document} />}</RecordLoader>;
}

function DocumentView({ document }: { document: DocumentAnswer['document'] }) {
  const { t } = useTranslation('records');
  const me = useMe();
  const format = useFormat();
  const [params] = useSearchParams();
  const records = useApi<DocumentRecord[]>(`/documents/${document.id}/records`);
  const produced = records.data ?? [];
  return (
    <>
      <PageHeader
        title={document.title}
        subtitle={
          <>
            {t(`documentKind.${document.kind}`)}
            {document.publishedOn ? ` · ${format.date(document.publishedOn)}` : ''}
            {document.sourceUrl || document.fileName ? ' · ' : ''}
            <DocumentSource document={document} />
          </>
        }
        actions={
          canWrite(me) && (
            <Button component={Link} to="/import" variant="default">
              {t('document.importAnother')}
            </Button>
          )
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <section aria-label={t('document.text')}>
            <EvidenceText body={document.body} records={produced} focus={spanOf(params.get('span'))} />
          </section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Section title={t('document.produced')}>
            {records.data && produced.length === 0 && <Text c="dimmed">{t('document.notAccepted')}</Text>}
            <List spacing={6} listStyleType="none" ml={0} pl={0}>
              {produced.map((record) => {
                const path = pageOfRecord(record);
                const name = record.label ?? t('document.deletedRecord');
                return (
                  <List.Item key={record.id}>
                    <Group gap={6} wrap="nowrap" align="flex-start">
                      <Badge
                        variant="light"
                        color={TYPE_COLORS[record.recordType]}
                        c="dark.8"
                        tt="none"
                        style={{ flexShrink: 0 }}
                      >
                        {t(`recordType.${record.recordType}`)}
                      </Badge>
                      {path ? (
                        <Anchor component={Link} to={path} size="sm">
                          {name}
                        </Anchor>
                      ) : (
                        <Text size="sm">{name}</Text>
                      )}
                    </Group>
                  </List.Item>
                );
              })}
            </List>
          </Section>
          <Stack mt="md" gap={4}>
            <Text size="sm" c="dimmed">
              {t('document.legend')}
            </Text>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
