/** The shapes of the visit routes the pages read (src/modules/visits/visit.schema.ts). */
export type VisitKind = 'official' | 'working' | 'business' | 'other';
export type VisitStatus = 'planned' | 'done' | 'cancelled';
export const VISIT_KINDS: VisitKind[] = ['official', 'working', 'business', 'other'];
export const VISIT_STATUSES: VisitStatus[] = ['planned', 'done', 'cancelled'];

export interface VisitMember {
  personId: number;
  role: string | null;
}

export interface Visit {
  id: number;
  version: number;
  updatedAt: string;
  fromCityId: number;
  toCityId: number;
  startDate: string;
  endDate: string;
  kind: VisitKind | null;
  status: VisitStatus;
  headPersonId: number | null;
  headPosition: string | null;
  purpose: string | null;
  outcomes: string | null;
  members: VisitMember[];
}

export type ProgramItemKind = 'meeting' | 'organization_visit' | 'event' | 'signing' | 'other';
export const PROGRAM_ITEM_KINDS: ProgramItemKind[] = [
  'meeting',
  'organization_visit',
  'event',
  'signing',
  'other',
];

/** An item of a visit's program (src/modules/visit-program/program-item.schema.ts). */
export interface ProgramItem {
  id: number;
  version: number;
  visitId: number;
  kind: ProgramItemKind;
  title: string;
  day: string | null;
  /** «10:00» on the visited city's clock, when the program gives it. */
  startTime: string | null;
  endTime: string | null;
  organizationId: number | null;
  eventId: number | null;
  agreementId: number | null;
  notes: string | null;
  position: number;
}

export interface RecordSource {
  id: number;
  documentId: number;
  spanStart: number | null;
  spanEnd: number | null;
}

export interface AgreementSummary {
  id: number;
  title: string;
  kind: string;
  status: string;
  signedOn: string | null;
}

export interface EventSummary {
  id: number;
  name: string;
  kind: string;
  startDate: string | null;
  endDate: string | null;
  cityId: number;
}

/** GET /api/visits/:id/details. */
export interface VisitDetails extends Visit {
  agreementsSigned: AgreementSummary[];
  events: EventSummary[];
  sources: RecordSource[];
  delegation: { personId: number; fullName: string; role: string | null }[];
  program: ProgramItem[];
}

/** GET /api/visits/:id/press-release. */
export interface PressRelease {
  title: string;
  lead: string;
  paragraphs: string[];
  text: string;
}
