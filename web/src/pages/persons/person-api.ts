/** The shapes of the person routes, as the server's schemas infer them. */
export type { Person, Position } from '../../../../src/modules/persons/person.schema.ts';

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
