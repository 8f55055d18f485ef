import type { Me } from './auth.tsx';

type Ids = (number | null | undefined)[];

/** Whether every one of these cities is a partner the user's city keeps (a partner's institution or person). */
function keptByMe(me: Me, cityIds: Ids): boolean {
  const kept = me.partnerCityIds ?? [];
  const cities = cityIds.filter((id): id is number => typeof id === 'number');
  return cities.length > 0 && cities.every((id) => kept.includes(id) || editorCityId(me) === id);
}

/**
 * Whether the user may write a record belonging to these cities and organizations, by the API's
 * policy (administrators anywhere, city editors in their city and, for `partnerKept` records (a
 * partner's institutions and people), in the partner cities their city keeps, organization editors
 * for their organization). It only hides buttons; the API still refuses what is not allowed.
 */
export function mayWrite(
  me: Me,
  scope: { cityIds?: Ids; organizationIds?: Ids; partnerKept?: boolean },
): boolean {
  return me.roles.some((grant) => {
    switch (grant.role) {
      case 'admin':
        return true;
      case 'city_editor':
        return (
          (scope.cityIds ?? []).includes(grant.cityId) ||
          (scope.partnerKept === true && keptByMe(me, scope.cityIds ?? []))
        );
      case 'org_editor':
        return (scope.organizationIds ?? []).includes(grant.organizationId);
      case 'city_viewer':
        return false;
      default: {
        const unknown: never = grant;
        throw new Error(`Unhandled role ${JSON.stringify(unknown)}`);
      }
    }
  });
}

/** A twinning as the access helpers read it (the twinning routes' shape). */
interface TwinningTie {
  cityAId: number;
  cityBId: number;
  status: string;
}

/**
 * Whether the user may edit a city's facts (population, city day, founding year…): as the API's
 * policy has it (cityFactsScope), the city's own writers and the editors of a city twinned with it,
 * the twinning not ended. Publishing stays the city's own.
 */
export function mayEditCityFacts(me: Me, cityId: number, twinnings: TwinningTie[]): boolean {
  if (mayWrite(me, { cityIds: [cityId] })) return true;
  const twinned = twinnings
    .filter((tie) => tie.status !== 'ended' && (tie.cityAId === cityId || tie.cityBId === cityId))
    .map((tie) => (tie.cityAId === cityId ? tie.cityBId : tie.cityAId));
  return me.roles.some((grant) => grant.role === 'city_editor' && twinned.includes(grant.cityId));
}

/** Whether the user may create records of a city (administrators and city editors). */
export function mayCreateForCity(me: Me): boolean {
  return me.roles.some((grant) => grant.role === 'admin' || grant.role === 'city_editor');
}

/** The city a city editor works for, to start a new record from (none for the others). */
export function editorCityId(me: Me): number | null {
  for (const grant of me.roles) if (grant.role === 'city_editor') return grant.cityId;
  return null;
}

/** The organization an organization editor works for, if any. */
export function editorOrganizationId(me: Me): number | null {
  for (const grant of me.roles) if (grant.role === 'org_editor') return grant.organizationId;
  return null;
}
