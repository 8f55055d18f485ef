/** The shapes of the organization routes the pages read (src/modules/organizations/organization.schema.ts). */
export const ORGANIZATION_KINDS = [
  'school',
  'gymnasium',
  'lyceum',
  'college',
  'university',
  'kindergarten',
  'library',
  'museum',
  'theatre',
  'culture_house',
  'enterprise',
  'hospital',
  'sport_club',
  'administration',
  'council',
  'association',
  'media',
  'other',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const SPHERES = [
  'education',
  'culture',
  'sport',
  'industry',
  'health',
  'business',
  'government',
  'media',
  'science',
  'other',
] as const;
export type Sphere = (typeof SPHERES)[number];

export interface Organization {
  id: number;
  version: number;
  cityId: number;
  name: string;
  shortName: string | null;
  kind: OrganizationKind;
  sphere: Sphere;
  address: string | null;
  website: string | null;
  email: string | null;
  phones: string[];
  notes: string | null;
}
