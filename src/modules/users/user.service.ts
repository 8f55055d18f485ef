import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { roleGrantSchema } from '../auth/auth.schema.ts';
import type { RoleGrant } from '../auth/principal.ts';
import { insertAuditEntry } from '../audit/audit.repository.ts';
import type { Actor } from '../audit/audit.schema.ts';
import { createAudited, type AuditedRecord } from '../audit/audited-record.ts';
import { inTransaction, parseInput } from '../audit/audited-write.ts';
import type { Page } from '../audit/cursor-page.ts';
import { recordIdSchema } from '../audit/fields.schema.ts';
import {
  findUserById,
  findUserByIdOrThrow,
  insertUser,
  deleteUserRole,
  insertUserRole,
  selectUserPage,
} from './user.repository.ts';
import { userCreateSchema, userListQuerySchema, type User } from './user.schema.ts';

const USER: AuditedRecord<User> = { what: 'User', recordType: 'user', findById: findUserById };

/** Creates an account with its first roles, in one transaction, audited (a taken e-mail is a conflict). */
export async function createUser(db: Kysely<Database>, actor: Actor, input: unknown): Promise<User> {
  const values = parseInput(userCreateSchema, input);
  return createAudited(db, actor, USER, values, async (trx) => {
    const id = await insertUser(trx, values);
    for (const grant of values.roles) await insertUserRole(trx, id, grant);
    return id;
  });
}

/** Grants a user a role in its scope (a city or an organization); audited as a change of the user. */
export async function addUserRole(
  db: Kysely<Database>,
  actor: Actor,
  userId: number,
  input: unknown,
): Promise<User> {
  return changeUserRoles(db, actor, userId, input, insertUserRole);
}

/** Takes a role away from a user; audited as a change of the user when they held it. */
export async function removeUserRole(
  db: Kysely<Database>,
  actor: Actor,
  userId: number,
  input: unknown,
): Promise<User> {
  return changeUserRoles(db, actor, userId, input, deleteUserRole);
}

/** Grants or takes away one role; audited only when the user's roles changed. */
async function changeUserRoles(
  db: Kysely<Database>,
  actor: Actor,
  userId: number,
  input: unknown,
  write: (trx: Kysely<Database>, userId: number, grant: RoleGrant) => Promise<void>,
): Promise<User> {
  const id = parseInput(recordIdSchema, userId);
  const grant = parseInput(roleGrantSchema, input);
  return inTransaction(db, async (trx) => {
    const before = await findUserByIdOrThrow(trx, id);
    await write(trx, id, grant);
    const after = await findUserByIdOrThrow(trx, id);
    if (after.roles.length !== before.roles.length) {
      await insertAuditEntry(trx, {
        actor,
        action: 'update',
        recordType: 'user',
        recordId: id,
        before,
        after,
      });
    }
    return after;
  });
}

/** The account with this id and its roles, if any. */
export async function findUser(db: Kysely<Database>, id: number): Promise<User | undefined> {
  return findUserById(db, parseInput(recordIdSchema, id));
}

/** Lists accounts by e-mail, a page at a time. */
export async function listUsers(db: Kysely<Database>, query: unknown): Promise<Page<User>> {
  return selectUserPage(db, parseInput(userListQuerySchema, query));
}
