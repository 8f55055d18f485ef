/** The shapes of the twinning routes the city pages read (src/modules/twinnings/twinning.schema.ts). */
export type TwinningTier = 'twin' | 'partner' | 'friendship';
export type TwinningStatus = 'proposed' | 'active' | 'suspended' | 'ended';

export interface Twinning {
  id: number;
  version: number;
  cityAId: number;
  cityBId: number;
  tier: TwinningTier;
  status: TwinningStatus;
  establishedOn: string | null;
  establishedYear: number | null;
  endedOn: string | null;
  notes: string | null;
}

export interface AgreementUnder {
  id: number;
  title: string;
  kind: string;
  status: string;
  signedOn: string | null;
  validFrom: string | null;
}

export interface ProjectUnder {
  id: number;
  title: string;
  status: string;
  startedOn: string | null;
  endedOn: string | null;
}

/** GET /api/twinnings/:id. */
export interface TwinningDetails extends Twinning {
  agreements: AgreementUnder[];
  projects: ProjectUnder[];
}

/** The other city of a twinning, seen from one of its cities. */
export function partnerOf(twinning: Pick<Twinning, 'cityAId' | 'cityBId'>, cityId: number): number {
  return twinning.cityAId === cityId ? twinning.cityBId : twinning.cityAId;
}

/** When the tie began: the date, else the year. */
export function twinningSince(twinning: Twinning): string | null {
  return twinning.establishedOn ?? (twinning.establishedYear ? String(twinning.establishedYear) : null);
}
