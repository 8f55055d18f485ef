import type { Kysely, Selectable } from 'kysely';
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

/** Loads an enabled user with their roles, or undefined when the user is gone or disabled. */
export async function loadPrincipal(db: Kysely<Database>, userId: number): Promise<Principal | undefined> {
  const user = await db
    .selectFrom('app_user')
    .select(['id', 'email', 'display_name', 'locale', 'disabled'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user || user.disabled) return undefined;
  const rows = await db
    .selectFrom('user_role')
    .select(['role', 'city_id', 'organization_id'])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
  return {
    kind: 'user',
    userId: user.id,
    email: user.email,
    displayName: user.display_name,
    locale: user.locale,
    roles: rows.map(toRoleGrant),
  };
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
