import type {
  AgreementKind,
  AgreementStatus,
  EventKind,
  PlanItemStatus,
  Sphere,
  TwinningStatus,
  TwinningTier,
  VisitKind,
  VisitStatus,
} from '../../db/database.ts';

/**
 * The annual report on international links as plain data: what the registry holds for one city and
 * one year, gathered once and rendered three ways (DOCX, PDF, XLSX). Dates are `YYYY-MM-DD`.
 */
export interface AnnualReportData {
  year: number;
  /** The day the data was gathered. */
  generatedOn: string;
  city: ReportCity;
  /** Which law or body the report answers to, chosen by the city's country. */
  legalFrame: LegalFrame;
  partnerCities: PartnerCity[];
  /** In force on the last day of the year (or today, for the current year). */
  agreementsInForce: ReportAgreement[];
  agreementsConcluded: ReportAgreement[];
  agreementsLapsed: ReportAgreement[];
  visitsOut: ReportVisit[];
  visitsIn: ReportVisit[];
  events: ReportEvent[];
  plan: ReportPlanItem[];
  institutionPartnerships: InstitutionPartnership[];
  statistics: ReportStatistics;
}

/** Russia: municipalities report under 131-FZ art. 69.5; Belarus: to the oblast executive committee. */
export type LegalFrame = 'russia' | 'belarus' | 'other';

export interface ReportCity {
  id: number;
  name: string;
  /** The English name, for file names that must stay ASCII. */
  nameEn: string;
  country: string;
  countryName: string;
}

export interface PartnerCity {
  cityId: number;
  name: string;
  countryName: string;
  tier: TwinningTier;
  status: TwinningStatus;
  establishedOn: string | null;
  establishedYear: number | null;
  /** Agreements in force with a party on each side: the cities themselves or their institutions. */
  agreementsInForce: number;
}

export interface ReportParty {
  name: string;
  /** The party's city: itself, or the organization's city. */
  cityId: number;
  cityName: string;
  /** Whether the party is the report's city or one of its organizations. */
  local: boolean;
}

export interface ReportAgreement {
  id: number;
  kind: AgreementKind;
  title: string;
  status: AgreementStatus;
  /** The signing date, or the first day of the visit it was signed at when only that is known. */
  signedOn: string | null;
  validUntil: string | null;
  autoRenew: boolean;
  /** The day its legal path's stored stage «ended» was entered (null: not ended, or no path kept). */
  endedOn?: string | null;
  /** Whether its legal path is kept (migration 0023): then only its stage «ended» ends it. */
  hasPath?: boolean;
  parties: ReportParty[];
}

export interface ReportVisit {
  id: number;
  direction: 'out' | 'in';
  fromCity: string;
  toCity: string;
  startDate: string;
  endDate: string;
  kind: VisitKind | null;
  status: VisitStatus;
  headName: string | null;
  headPosition: string | null;
  purpose: string | null;
  outcomes: string | null;
  members: number;
  /** Agreements signed at the visit, by title. */
  agreementsSigned: string[];
}

export interface ReportEvent {
  id: number;
  name: string;
  kind: EventKind;
  cityName: string;
  startDate: string;
  endDate: string | null;
  description: string | null;
  participants: string[];
}

/** How a plan item ended the year: done (on time or late), slipped (due, not done), cancelled, or not yet due. */
export type PlanOutcome = 'done' | 'done_late' | 'slipped' | 'cancelled' | 'pending';

export interface ReportPlanItem {
  id: number;
  agreementTitle: string;
  title: string;
  responsible: string | null;
  dueOn: string | null;
  status: PlanItemStatus;
  doneOn: string | null;
  report: string | null;
  outcome: PlanOutcome;
}

export interface InstitutionPartnership {
  sphere: Sphere;
  localOrganization: string;
  partnerOrganization: string;
  partnerCity: string;
  basis: 'agreement' | 'project';
  title: string;
  since: string | null;
}

export interface ReportStatistics {
  partnerCities: number;
  countries: number;
  agreementsInForce: number;
  agreementsConcluded: number;
  agreementsLapsed: number;
  visitsOut: number;
  visitsIn: number;
  delegatesOut: number;
  delegatesIn: number;
  events: number;
  planItems: number;
  planDone: number;
  planSlipped: number;
  institutionPartnerships: number;
  /** Institution partnerships per sphere, largest first. */
  bySphere: { sphere: Sphere; count: number }[];
}
