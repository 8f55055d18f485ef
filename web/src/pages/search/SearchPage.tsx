import { Alert, Anchor, Badge, Card, Group, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useApi } from '../../api/client.ts';
import { recordPath, type RecordKind } from '../../app/record-paths.ts';
import { errorMessage } from '../../components/errors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFormat } from '../../i18n/format.ts';

interface SearchHit {
  kind: RecordKind | 'file';
  id: number;
  label: string;
  rank: number;
  fragment: { text: string; match: boolean }[];
  /** A file's hit: the record it is attached to, whose page lists it. */
  record?: { kind: RecordKind; id: number };
}
interface SearchResult {
  groups: { kind: RecordKind | 'file'; hits: SearchHit[] }[];
}

/** The page a hit opens: the record's own, or for a file the page of the record it is attached to. */
function hitPath(hit: SearchHit): string {
  if (hit.record) return recordPath(hit.record.kind, hit.record.id);
  return hit.kind === 'file' ? '/search' : recordPath(hit.kind, hit.id);
}

/** A fragment with the matched words marked (the API splits it, so no HTML comes from the data). */
function Fragment({ parts }: { parts: SearchHit['fragment'] }) {
  return (
    <Text size="sm" c="dimmed">
      {parts.map((part, index) =>
        part.match ? (
          <mark key={index} className="pobratim-match">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </Text>
  );
}

/** Escapes a text for use inside a regular expression. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A visit's label is its dates as stored («2025-09-18 — 2025-09-21»): shown as dates, «18–21 сентября 2025 г.». */
const STORED_RANGE = /^(\d{4}-\d{2}-\d{2}) — (\d{4}-\d{2}-\d{2})$/;
function shownLabel(hit: SearchHit, dateRange: (start: string, end: string) => string): string {
  const range = STORED_RANGE.exec(hit.label);
  return range ? dateRange(range[1]!, range[2]!) : hit.label;
}

/**
 * The label with the words of the query marked: the API marks matches in the fragment, and a
 * label found by a similar name («Щербаков» in «Щербакова») is marked here by the typed words.
 */
function Label({ label, q }: { label: string; q: string }) {
  const words = q
    .split(/\s+/)
    .filter((word) => word.length >= 2)
    .map(escapeRegExp);
  if (words.length === 0) return <>{label}</>;
  const pieces = label.split(new RegExp(`(${words.join('|')})`, 'giu'));
  return (
    <>
      {pieces.map((piece, index) =>
        index % 2 === 1 ? (
          <mark key={index} className="pobratim-match">
            {piece}
          </mark>
        ) : (
          piece
        ),
      )}
    </>
  );
}

/** A text compared loosely: case, spacing and «ё» aside. */
function loosely(text: string): string {
  return text.toLowerCase().replaceAll('ё', 'е').replace(/\s+/g, ' ').trim();
}

/**
 * Whether the fragment adds to the label: text other than the label itself (the label marks the
 * query's words already, so a fragment repeating it would say the same thing twice).
 */
function showsMore(hit: SearchHit): boolean {
  const text = loosely(hit.fragment.map((part) => part.text).join(''));
  return text !== '' && text !== loosely(hit.label);
}

export default function SearchPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const result = useApi<SearchResult>(q.length >= 2 ? '/search' : null, { q, limit: 20 });
  const total = result.data?.groups.reduce((sum, group) => sum + group.hits.length, 0) ?? 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(text.trim() ? { q: text.trim() } : {});
  };

  return (
    <>
      <PageHeader title={t('search.title')} />
      <form role="search" onSubmit={submit}>
        <TextInput
          type="search"
          label={t('search.box')}
          placeholder={t('search.placeholder')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          maw={600}
          mb="lg"
        />
      </form>
      {q.length === 1 && <Text c="dimmed">{t('search.tooShort')}</Text>}
      {result.loading && (
        <Stack gap="sm" aria-busy="true">
          <Skeleton h={24} w={200} />
          <Skeleton h={60} />
          <Skeleton h={60} />
        </Stack>
      )}
      {result.error && (
        <Alert color="red" role="alert">
          {errorMessage(t, result.error)}
        </Alert>
      )}
      {!result.loading && result.data && (
        <Stack gap="xl">
          <Text size="sm" c="dimmed" aria-live="polite">
            {total === 0
              ? t('search.nothing', { q })
              : t('search.found', { count: total, formatted: format.number(total) })}
          </Text>
          {result.data.groups
            .filter((group) => group.hits.length > 0)
            .map((group) => (
              <section key={group.kind} aria-labelledby={`search-group-${group.kind}`}>
                <Group gap="xs" mb="xs">
                  <Title order={2} size="h4" id={`search-group-${group.kind}`}>
                    {t(`kinds.${group.kind}`)}
                  </Title>
                  <Badge variant="light" color="gray">
                    {format.number(group.hits.length)}
                  </Badge>
                </Group>
                <Stack gap="xs">
                  {group.hits.map((hit) => (
                    <Card key={`${hit.kind}-${hit.id}`} withBorder padding="sm">
                      <Anchor component={Link} to={hitPath(hit)} fw={500}>
                        <Label label={shownLabel(hit, format.dateRange)} q={q} />
                      </Anchor>
                      {showsMore(hit) && <Fragment parts={hit.fragment} />}
                    </Card>
                  ))}
                </Stack>
              </section>
            ))}
        </Stack>
      )}
    </>
  );
}
