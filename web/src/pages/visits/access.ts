import type { Me } from '../../app/auth.tsx';

/**
 * Whether the user may write a record belonging to these cities and organizations: the same rule
 * as the API's policy (administrators anywhere, city editors in their city, organization editors
 * for their organization). It only hides buttons; the API still refuses what is not allowed.
 */
export function mayWrite(
  me: Me,
  scope: { cityIds?: (number | null | undefined)[]; organizationIds?: (number | null | undefined)[] },
): boolean {
  return me.roles.some((grant) => {
    switch (grant.role) {
      case 'admin':
        return true;
      case 'city_editor':
        return (scope.cityIds ?? []).includes(grant.cityId);
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

/** Whether the user may create records for some city (administrators and city editors). */
export function mayCreateForCity(me: Me): boolean {
  return me.roles.some((grant) => grant.role === 'admin' || grant.role === 'city_editor');
}

/** The city a city editor works for, to start a new record from (none for administrators). */
export function editorCityId(me: Me): number | null {
  for (const grant of me.roles) if (grant.role === 'city_editor') return grant.cityId;
  return null;
}
