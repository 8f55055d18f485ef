import type { RecordKind } from '../../app/record-paths.ts';
import { recordPath } from '../../app/record-paths.ts';

/** The shapes of the document routes the pages read (src/modules/documents). */
export const DOCUMENT_KINDS = ['press_release', 'greeting', 'letter', 'scan', 'report', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface DocumentSummary {
  id: number;
  version: number;
  kind: DocumentKind;
  title: string;
  language: string;
  publishedOn: string | null;
  sourceUrl: string | null;
  fileName: string | null;
  createdAt: string;
}

/** GET /api/documents/:id (the draft and extraction are the import page's). */
export interface DocumentAnswer {
  document: DocumentSummary & { body: string };
}

export type SourcedType =
  'city' | 'twinning' | 'organization' | 'person' | 'visit' | 'agreement' | 'plan_item' | 'project' | 'event';

/** GET /api/documents/:id/records: what the document is the source of, in the order of the text. */
export interface DocumentRecord {
  id: number;
  recordType: SourcedType;
  recordId: number;
  spanStart: number | null;
  spanEnd: number | null;
  label: string | null;
  agreementId: number | null;
}

const PAGE_OF: Partial<Record<SourcedType, RecordKind>> = {
  city: 'city',
  organization: 'organization',
  person: 'person',
  visit: 'visit',
  agreement: 'agreement',
  event: 'event',
};

/** The page a produced record is seen on: its own, or for a plan item its agreement's; null if none. */
export function pageOfRecord(record: DocumentRecord): string | null {
  if (record.recordType === 'plan_item' && record.agreementId !== null)
    return recordPath('agreement', record.agreementId);
  const kind = PAGE_OF[record.recordType];
  return kind ? recordPath(kind, record.recordId) : null;
}

/** The colour family of each kind of record, for highlights and their legend. */
export const TYPE_COLORS: Record<SourcedType, string> = {
  city: 'blue',
  twinning: 'blue',
  organization: 'grape',
  person: 'teal',
  visit: 'orange',
  agreement: 'green',
  plan_item: 'green',
  project: 'cyan',
  event: 'pink',
};
