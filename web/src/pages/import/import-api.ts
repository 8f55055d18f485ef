import { api, request } from '../../api/client.ts';
// Type-only imports: the shapes come from the server's zod schemas, and nothing of the server is bundled.
import type { Draft } from '../../../../src/modules/press-release-import/draft.schema.ts';
import type { ExtractionResult } from '../../../../src/extract/extraction.schema.ts';
import type { PreviewResponse } from '../../../../src/modules/documents/document.preview.ts';

export type { Draft, ExtractionResult, PreviewResponse };

/** The lists of a draft, each a kind of proposed record. */
export const DRAFT_LISTS = [
  'visits',
  'cities',
  'twinnings',
  'persons',
  'organizations',
  'agreements',
  'projects',
  'events',
] as const satisfies readonly (keyof Draft)[];
export type DraftList = (typeof DRAFT_LISTS)[number];
export type Proposal<L extends DraftList = DraftList> = Draft[L][number];

/** What the reviewer gives besides the text. */
export interface SourceFields {
  text: string;
  publishedOn: string;
  homeCity: string;
  sourceUrl: string;
  fileName: string;
}

/** The request body: empty optional fields are left out, as the API wants them absent, not blank. */
export function requestBody(source: SourceFields) {
  return {
    text: source.text,
    ...(source.publishedOn ? { publishedOn: source.publishedOn } : {}),
    ...(source.homeCity.trim() ? { homeCity: source.homeCity.trim() } : {}),
    ...(source.sourceUrl.trim() ? { sourceUrl: source.sourceUrl.trim() } : {}),
    ...(source.fileName ? { fileName: source.fileName } : {}),
  };
}

export interface StoredDocument {
  id: number;
  title: string;
}

export interface ImportResponse {
  document: StoredDocument;
  duplicate: boolean;
  draft: Draft;
}

/** One record an acceptance created or linked. */
export interface AcceptedRecord {
  ref: string;
  type: 'city' | 'twinning' | 'organization' | 'person' | 'visit' | 'agreement' | 'project' | 'event';
  id: number;
  action: 'created' | 'linked';
}

/** Extracts and matches without storing: called as the text is typed. */
export function previewDocument(source: SourceFields, signal: AbortSignal): Promise<PreviewResponse> {
  return request<PreviewResponse>('POST', '/documents/preview', { body: requestBody(source), signal });
}

/** Stores the text (or finds it stored before) and returns the document. */
export function storeDocument(source: SourceFields): Promise<ImportResponse> {
  return api.post<ImportResponse>('/documents', requestBody(source));
}

/** Accepts the reviewed draft into records, in one transaction on the server. */
export async function acceptDocument(documentId: number, draft: Draft): Promise<AcceptedRecord[]> {
  const result = await api.post<{ records: AcceptedRecord[] }>(`/documents/${documentId}/accept`, draft);
  return result.records;
}
