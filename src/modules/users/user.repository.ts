import { sql, type Kysely, type Selectable } from 'kysely';
import type { AppUserTable, Database } from '../../db/database.ts';
import { toRoleGrant, type RoleGrant } from '../auth/principal.ts';
import { isoTimestamp } from '../audit/audit.repository.ts';
import { findOrThrow } from '../audit/record-readers.ts';
import { selectPage, textKey, TIMESTAMP_SORTS, type ListSorts, type Page } from '../audit/cursor-page.ts';
import type { User, UserCreate, UserListQuery } from './user.schema.ts';
import type { USER_SORTS } from './user.schema.ts';

/** Maps a stored role row to the grant it stands for (the auth module's mapper, which loads principals). */
export { toRoleGrant };

type UserRow = Omit<
  Selectable<AppUserTable>,
  'password_hash' | 'calendar_secret' | 'password_change_required'
>;
const USER_COLUMNS = [
  'id',
  'email',
  'display_name',
  'locale',
  'disabled',
  'created_at',
  'updated_at',
  'version',
] as const;

/** Maps a stored user row (without secrets) and their roles to the domain shape. */
export function toUser(row: UserRow, roles: RoleGrant[]): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    locale: row.locale,
    disabled: row.disabled,
    version: row.version,
    updatedAt: isoTimestamp(row.updated_at),
    roles,
  };
}

async function withRoles(db: Kysely<Database>, rows: UserRow[]): Promise<User[]> {
  const ids = rows.map((row) => row.id);
  const roleRows =
    ids.length === 0
      ? []
      : await db.selectFrom('user_role').selectAll().where('user_id', 'in', ids).orderBy('id').execute();
  return rows.map((row) => toUser(row, roleRows.filter((role) => role.user_id === row.id).map(toRoleGrant)));
}

/** The user with this id and their roles, if any. */
export async function findUserById(db: Kysely<Database>, id: number): Promise<User | undefined> {
  const row = await db.selectFrom('app_user').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && (await withRoles(db, [row]))[0];
}

/** The user with this id; absence is an error. */
export const findUserByIdOrThrow = findOrThrow(findUserById, 'User');

/** The user with this e-mail address, compared case-insensitively as the unique index does. */
export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<User | undefined> {
  const row = await db
    .selectFrom('app_user')
    .select(USER_COLUMNS)
    .where(sql<boolean>`lower(email) = lower(${email.trim()})`)
    .executeTakeFirst();
  return row && (await withRoles(db, [row]))[0];
}

/** Stores a new account (no password yet) and returns its id. */
export async function insertUser(db: Kysely<Database>, input: UserCreate): Promise<number> {
  const row = await db
    .insertInto('app_user')
    .values({
      email: input.email,
      display_name: input.displayName,
      locale: input.locale,
      password_hash: null,
      calendar_secret: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Grants a role; granting one the user already holds changes nothing. */
export async function insertUserRole(db: Kysely<Database>, userId: number, grant: RoleGrant): Promise<void> {
  await db
    .insertInto('user_role')
    .values({
      user_id: userId,
      role: grant.role,
      city_id: 'cityId' in grant ? grant.cityId : null,
      organization_id: 'organizationId' in grant ? grant.organizationId : null,
    })
    .onConflict((conflict) => conflict.doNothing())
    .execute();
}

/** Takes a role away; taking one the user does not hold changes nothing. */
export async function deleteUserRole(db: Kysely<Database>, userId: number, grant: RoleGrant): Promise<void> {
  await db
    .deleteFrom('user_role')
    .where('user_id', '=', userId)
    .where('role', '=', grant.role)
    .where(sql<boolean>`coalesce(city_id, 0) = ${'cityId' in grant ? grant.cityId : 0}`)
    .where(
      sql<boolean>`coalesce(organization_id, 0) = ${'organizationId' in grant ? grant.organizationId : 0}`,
    )
    .execute();
}

/**
 * Stores the hash of a user's password (the hashing itself is the auth module's) and who chose it:
 * a password someone else chose (`chosenBy: 'someone else'`) must be changed by its owner before
 * they write anything.
 */
export async function setUserPasswordHash(
  db: Kysely<Database>,
  userId: number,
  passwordHash: string,
  chosenBy: 'owner' | 'someone else',
): Promise<void> {
  await db
    .updateTable('app_user')
    .set({
      password_hash: passwordHash,
      password_change_required: chosenBy === 'someone else',
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', userId)
    .execute();
}

/** How accounts can be sorted; by e-mail unless asked otherwise. */
const USER_SORTING: ListSorts<(typeof USER_SORTS)[number]> = {
  fields: {
    email: { key: textKey(sql`lower(email)`), direction: 'asc' },
    displayName: { key: textKey(sql`lower(display_name)`), direction: 'asc' },
    ...TIMESTAMP_SORTS,
  },
  default: 'email',
};

/** A page of accounts, in e-mail order unless sorted otherwise, optionally those whose e-mail contains `q`. */
export async function selectUserPage(db: Kysely<Database>, query: UserListQuery): Promise<Page<User>> {
  let select = db.selectFrom('app_user').select(USER_COLUMNS);
  if (query.q !== undefined) select = select.where(sql<boolean>`strpos(lower(email), lower(${query.q})) > 0`);
  return selectPage(select, USER_SORTING, query, (rows) => withRoles(db, rows));
}
