import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Database, UserRoleTable } from '../../db/database.ts';

/** One role a user holds, with its scope: a city for city roles, an organization for org editors. */
export type RoleGrant =
  | { role: 'admin' }
  | { role: 'city_editor'; cityId: number }
  | { role: 'city_viewer'; cityId: number }
  | { role: 'org_editor'; organizationId: number };

/** Who is asking: a signed-in user with their roles, or the public (not signed in). */
export type Principal =
  | { kind: 'user'; userId: number; email: string; displayName: string; locale: string; roles: RoleGrant[] }
  | { kind: 'public' };

/** The anonymous visitor: sees published records only. */
export const PUBLIC: Principal = { kind: 'public' };

/** A user row with its roles as one JSON array, as `principalColumns` selects it. */
export interface PrincipalRow {
  user_id: number;
  email: string;
  display_name: string;
  locale: string;
  roles: Pick<Selectable<UserRoleTable>, 'role' | 'city_id' | 'organization_id'>[];
}

/**
 * The columns of a principal for a query that has `app_user` in its FROM: the user and, in the same
 * statement, their roles. Authentication runs on every request, so it takes one statement, not three.
 */
export function principalColumns(eb: ExpressionBuilder<Database, 'app_user'>) {
  return [
    eb.ref('app_user.id').as('user_id'),
    eb.ref('app_user.email').as('email'),
    eb.ref('app_user.display_name').as('display_name'),
    eb.ref('app_user.locale').as('locale'),
    jsonArrayFrom(
      eb
        .selectFrom('user_role')
        .select(['user_role.role', 'user_role.city_id', 'user_role.organization_id'])
        .whereRef('user_role.user_id', '=', 'app_user.id')
        .orderBy('user_role.id'),
    ).as('roles'),
  ];
}

/** Maps a row of `principalColumns` to the principal it stands for. */
export function toPrincipal(row: PrincipalRow): Principal {
  return {
    kind: 'user',
    userId: row.user_id,
    email: row.email,
    displayName: row.display_name,
    locale: row.locale,
    roles: row.roles.map(toRoleGrant),
  };
}

/** Loads an enabled user with their roles, or undefined when the user is gone or disabled. */
export async function loadPrincipal(db: Kysely<Database>, userId: number): Promise<Principal | undefined> {
  const row = await db
    .selectFrom('app_user')
    .select(principalColumns)
    .where('app_user.id', '=', userId)
    .where('app_user.disabled', '=', false)
    .executeTakeFirst();
  return row && toPrincipal(row);
}

/** Maps a stored role row to the grant it stands for. */
export function toRoleGrant(
  row: Pick<Selectable<UserRoleTable>, 'role' | 'city_id' | 'organization_id'>,
): RoleGrant {
  switch (row.role) {
    case 'admin':
      return { role: 'admin' };
    case 'city_editor':
    case 'city_viewer':
      return { role: row.role, cityId: row.city_id ?? 0 };
    case 'org_editor':
      return { role: 'org_editor', organizationId: row.organization_id ?? 0 };
    default: {
      const unknown: never = row.role;
      throw new Error(`Unknown role ${String(unknown)} in user_role`);
    }
  }
}
