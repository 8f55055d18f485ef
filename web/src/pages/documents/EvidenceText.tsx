import { Paper } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { softWrapped } from '../import/highlights.ts';
import { TYPE_COLORS, type DocumentRecord } from './document-api.ts';

interface Segment {
  start: number;
  end: number;
  records: DocumentRecord[];
}

/** The text cut at every span's edges, each piece with the records whose evidence covers it. */
export function segmentsOf(body: string, records: DocumentRecord[]): Segment[] {
  const spans = records.filter(
    (record) => record.spanStart !== null && record.spanEnd !== null && record.spanEnd > record.spanStart,
  );
  const edges = new Set([0, body.length]);
  for (const record of spans) {
    edges.add(Math.min(record.spanStart!, body.length));
    edges.add(Math.min(record.spanEnd!, body.length));
  }
  const sorted = [...edges].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let index = 0; index + 1 < sorted.length; index++) {
    const start = sorted[index]!;
    const end = sorted[index + 1]!;
    segments.push({
      start,
      end,
      records: spans.filter((record) => record.spanStart! <= start && record.spanEnd! >= end),
    });
  }
  return segments;
}

/**
 * A document's text with the evidence of each record it produced highlighted in the colour of
 * the record's kind; the span asked for in the address (`?span=120-180`) is outlined and scrolled to.
 */
export function EvidenceText({
  body,
  records,
  focus,
}: {
  body: string;
  records: DocumentRecord[];
  focus: [number, number] | null;
}) {
  const { t } = useTranslation('records');
  const focused = useRef<HTMLElement | null>(null);
  useEffect(() => {
    focused.current?.scrollIntoView({ block: 'center' });
  }, [focus?.[0], focus?.[1]]);
  // Lines hard-wrapped inside a sentence read as one (the import page's rule; offsets unchanged).
  const shown = softWrapped(body);
  let first = true;
  return (
    <Paper withBorder p="md" lang="ru" style={{ whiteSpace: 'pre-wrap', lineHeight: 1.7 }}>
      {segmentsOf(body, records).map((segment) => {
        const text = shown.slice(segment.start, segment.end);
        if (segment.records.length === 0) return <span key={segment.start}>{text}</span>;
        const color = TYPE_COLORS[segment.records[0]!.recordType];
        const inFocus = focus !== null && segment.start >= focus[0] && segment.end <= focus[1];
        const ref =
          inFocus && first ? (node: HTMLElement | null) => void (focused.current = node) : undefined;
        if (inFocus) first = false;
        const names = segment.records
          .map((record) => `${t(`recordType.${record.recordType}`)}: ${record.label ?? record.recordId}`)
          .join('; ');
        return (
          <mark
            key={segment.start}
            ref={ref}
            title={names}
            data-record-types={segment.records.map((record) => record.recordType).join(' ')}
            style={{
              background: `var(--mantine-color-${color}-1)`,
              borderBottom: `2px solid var(--mantine-color-${color}-7)`,
              outline: inFocus ? '2px solid var(--mantine-color-dark-7)' : undefined,
              color: 'inherit',
              padding: '0 1px',
            }}
          >
            {text}
          </mark>
        );
      })}
    </Paper>
  );
}
