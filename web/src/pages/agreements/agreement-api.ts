/** The shapes of the agreement and plan routes the pages read (src/modules/agreements, src/modules/plans). */
export const AGREEMENT_KINDS = [
  'twinning',
  'cooperation',
  'memorandum',
  'plan',
  'protocol',
  'other',
] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];
export const AGREEMENT_STATUSES = ['draft', 'in_force', 'expired', 'terminated'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
/** The stages of an agreement's legal path, in order (src/modules/agreements/agreement-stage.schema.ts). */
export const AGREEMENT_STAGES = [
  'draft',
  'in_approval',
  'signed',
  'submitted',
  'registered',
  'in_force',
  'ended',
] as const;
export type AgreementStage = (typeof AGREEMENT_STAGES)[number];
export const END_REASONS = ['expired', 'terminated', 'replaced'] as const;

/** One stage the agreement entered, as GET /api/agreements/:id/details gives it. */
export interface StageEntry {
  id: number;
  stage: AgreementStage;
  enteredOn: string;
  approver: string | null;
  registrationNumber: string | null;
  registrationBody: string | null;
  endReason: (typeof END_REASONS)[number] | null;
  note: string | null;
}
export const PLAN_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type PlanItemStatus = (typeof PLAN_STATUSES)[number];

/** A party as stored: a city or an organization, with its name and the city it belongs to. */
export interface Party {
  cityId: number | null;
  organizationId: number | null;
  name: string;
  homeCityId: number;
}

/**
 * A party while a form is typed: a city or an organization, not yet chosen (`id` null); `name` is
 * the stored party's, shown even where the user may not read the organization itself (a partner
 * city's school).
 */
export interface PartyValue {
  type: 'city' | 'organization';
  id: number | null;
  name?: string;
}

/** A stored party as a form holds it. */
export function partyValue(party: Pick<Party, 'cityId' | 'organizationId' | 'name'>): PartyValue {
  return party.organizationId !== null
    ? { type: 'organization', id: party.organizationId, name: party.name }
    : { type: 'city', id: party.cityId, name: party.name };
}

export interface Agreement {
  id: number;
  version: number;
  kind: AgreementKind;
  title: string;
  status: AgreementStatus;
  signedOn: string | null;
  signedAtVisitId: number | null;
  validFrom: string | null;
  validUntil: string | null;
  autoRenew: boolean;
  documentId: number | null;
  notes: string | null;
  parties: Party[];
  stage: AgreementStage | null;
}

export interface PlanItem {
  id: number;
  version: number;
  agreementId: number;
  title: string;
  responsibleOrganizationId: number | null;
  responsiblePersonId: number | null;
  responsibleText: string | null;
  dueOn: string | null;
  status: PlanItemStatus;
  doneOn: string | null;
  report: string | null;
  /** The user the item is assigned to (migration 0024). */
  assigneeUserId: number | null;
}

/** GET /api/agreements/:id/details. */
export interface AgreementDetails extends Agreement {
  planItems: PlanItem[];
  sources: { id: number; documentId: number; spanStart: number | null; spanEnd: number | null }[];
  stages: StageEntry[];
}

/** Whether a plan item's deadline passed with the item neither done nor cancelled. */
export function isOverdue(item: Pick<PlanItem, 'dueOn' | 'status'>, today: string): boolean {
  return item.dueOn !== null && item.dueOn < today && item.status !== 'done' && item.status !== 'cancelled';
}

/** The plan's progress: items done of those not cancelled. */
export function planProgress(items: Pick<PlanItem, 'status'>[]): { done: number; planned: number } {
  const counted = items.filter((item) => item.status !== 'cancelled');
  return { done: counted.filter((item) => item.status === 'done').length, planned: counted.length };
}
