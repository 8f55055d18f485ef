/** The kinds of record that have a page of their own. */
export type RecordKind =
  'city' | 'organization' | 'person' | 'visit' | 'agreement' | 'project' | 'event' | 'document';

const SECTION: Record<RecordKind, string> = {
  city: 'cities',
  organization: 'organizations',
  person: 'persons',
  visit: 'visits',
  agreement: 'agreements',
  project: 'projects',
  event: 'events',
  document: 'documents',
};

/** The page of one record: /visits/12. */
export function recordPath(kind: RecordKind, id: number): string {
  return `/${SECTION[kind]}/${id}`;
}
