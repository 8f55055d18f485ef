/** The shapes of the person routes the pages read (src/modules/persons/person.schema.ts). */
export interface Position {
  id: number;
  title: string;
  organizationId: number | null;
  cityId: number | null;
  startedOn: string | null;
  endedOn: string | null;
}

export interface Person {
  id: number;
  version: number;
  fullName: string;
  firstName: string | null;
  patronymic: string | null;
  lastName: string | null;
  cityId: number | null;
  notes: string | null;
  /** Latest first. */
  positions: Position[];
}

/** A visit as the lists on person and organization pages show it (src/modules/visits/visit.schema.ts). */
export interface VisitSummary {
  id: number;
  fromCityId: number;
  toCityId: number;
  startDate: string;
  endDate: string;
  purpose: string | null;
  status: 'planned' | 'done' | 'cancelled';
}
