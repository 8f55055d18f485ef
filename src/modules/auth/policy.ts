import type { Principal, RoleGrant } from './principal.ts';

/** What a request wants to do. */
export type Action = 'read' | 'create' | 'update' | 'delete' | 'manage_users' | 'read_audit';

/**
 * Where a record belongs, as the permission rules see it: the cities it concerns (a visit's two
 * sides, an organization's city, an agreement's parties' cities), the organizations it concerns, and
 * whether it is published on a city's public page. A registry-wide action has no scope.
 */
export interface Scope {
  cityIds: number[];
  organizationIds: number[];
  published?: boolean;
  /**
   * Only for a city's own facts (population, city day, founding year…): the cities twinned with it,
   * whose editors keep those facts when the partner city has no editors of its own.
   */
  twinnedCityIds?: number[];
  /**
   * Only for a partner's institutions, people and events: the cities whose staff keep them, because every
   * city the record concerns is the keeper or a partner twinned with it through an established
   * twinning that has no editors of its own (`keeperCityIds`). Their editors read and write such a
   * record as their own city's; their viewers read it.
   */
  keeperCityIds?: number[];
}

/** The whole installation: users, the audit trail of everything. */
export const INSTALLATION: Scope = { cityIds: [], organizationIds: [] };

/** A twinning as the policy sees it: its two cities and whether it still holds. */
export interface TwinningTie {
  cityAId: number;
  cityBId: number;
  status: 'proposed' | 'active' | 'suspended' | 'ended';
}

/** The statuses of a twinning that holds: agreed and not ended (a proposal is not a partnership yet). */
export const ESTABLISHED_TWINNING_STATUSES: ReadonlySet<TwinningTie['status']> = new Set([
  'active',
  'suspended',
]);

/**
 * The scope of a city's facts, given the city's twinnings and whether it has editors of its own: the
 * city itself, and, only for a city without editors of its own, the cities twinned with it through an
 * established twinning (a proposed or ended one does not count). A city's own editors keep it; a
 * partner's staff keep only a partner nobody else keeps. Only the facts: publishing, deleting and the
 * city's records stay its own editors', and a gazetteer city's names its administrators'.
 */
export function cityFactsScope(cityId: number, twinnings: TwinningTie[], hasOwnEditors: boolean): Scope {
  const twinnedCityIds = hasOwnEditors
    ? []
    : twinnings
        .filter(
          (tie) =>
            ESTABLISHED_TWINNING_STATUSES.has(tie.status) &&
            (tie.cityAId === cityId || tie.cityBId === cityId),
        )
        .map((tie) => (tie.cityAId === cityId ? tie.cityBId : tie.cityAId));
  return { cityIds: [cityId], organizationIds: [], twinnedCityIds };
}

const WRITES: ReadonlySet<Action> = new Set(['create', 'update', 'delete']);

/**
 * The one place that says who may do what (every route asks it). Administrators may do anything;
 * city editors read and write the records of their city and the institutions and people of the
 * partners it keeps, and update the facts of the cities twinned with it; city viewers read them; organization editors read and write what concerns their
 * organization; the public reads published records.
 */
export function can(principal: Principal, action: Action, scope: Scope): boolean {
  // What the public may read, every signed-in user may read too.
  if (action === 'read' && scope.published === true) return true;
  if (principal.kind === 'public') return false;
  return principal.roles.some((grant) => grantAllows(grant, action, scope));
}

/**
 * Which records a principal may read, as a list query filters them (the same rules as `can` for
 * 'read', asked of every row at once): everything, or the records of these cities, of these
 * organizations, and the published ones, which everybody may read. `keptCityIds` are the partner
 * cities the asker's city keeps (`keptPartnerCityIds`): a partner-kept record (an institution, a
 * person, an event) of those cities is readable when every city it concerns is the asker's or kept,
 * as `keeperCityIds` judges one record.
 */
export type ReadFilter =
  | { everything: true }
  | {
      everything: false;
      cityIds: number[];
      organizationIds: number[];
      published: true;
      keptCityIds?: number[];
    };

/** The read filter of a principal's grants; the public's is the published records alone. */
export function readFilter(principal: Principal): ReadFilter {
  const filter: ReadFilter = { everything: false, cityIds: [], organizationIds: [], published: true };
  if (principal.kind === 'public') return filter;
  for (const grant of principal.roles) {
    switch (grant.role) {
      case 'admin':
        return { everything: true };
      case 'city_editor':
      case 'city_viewer':
        filter.cityIds.push(grant.cityId);
        break;
      case 'org_editor':
        filter.organizationIds.push(grant.organizationId);
        break;
      default: {
        const unknown: never = grant;
        throw new Error(`Unhandled role ${JSON.stringify(unknown)}`);
      }
    }
  }
  return filter;
}

/** Whether the asker is an administrator, who may do anything anywhere (lists need not check each row). */
export function isAdministrator(principal: Principal): boolean {
  return principal.kind === 'user' && principal.roles.some((grant) => grant.role === 'admin');
}

/** Whether the asker may write somewhere (any role but a city viewer's): who may import documents. */
export function isEditor(principal: Principal): boolean {
  return principal.kind === 'user' && principal.roles.some((grant) => grant.role !== 'city_viewer');
}

function grantAllows(grant: RoleGrant, action: Action, scope: Scope): boolean {
  switch (grant.role) {
    case 'admin':
      return true;
    case 'city_editor':
      // In a regional installation partner cities have no editors of their own: their facts (for
      // the city-day reminders) are kept by the staff of the cities twinned with them.
      if (action === 'update' && scope.twinnedCityIds?.includes(grant.cityId)) return true;
      return (
        (action === 'read' || WRITES.has(action)) &&
        (scope.cityIds.includes(grant.cityId) || scope.keeperCityIds?.includes(grant.cityId) === true)
      );
    case 'city_viewer':
      return (
        action === 'read' &&
        (scope.cityIds.includes(grant.cityId) || scope.keeperCityIds?.includes(grant.cityId) === true)
      );
    case 'org_editor':
      return (
        (action === 'read' || WRITES.has(action)) && scope.organizationIds.includes(grant.organizationId)
      );
    default: {
      const unknown: never = grant;
      throw new Error(`Unhandled role ${JSON.stringify(unknown)}`);
    }
  }
}
