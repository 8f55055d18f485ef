import type { Kysely } from 'kysely';
import type { Database, Role } from '../db/database.ts';
import { insertApiToken } from '../modules/auth/api-token.repository.ts';

/** One account a test needs: its name, its role and the role's city or organization. */
export type TestGrant = [name: string, role: Role, cityId: number | null, organizationId: number | null];

/** Creates one account per grant and returns each one's API token, by name, for bearer requests. */
export async function insertTestAccounts(
  db: Kysely<Database>,
  grants: TestGrant[],
): Promise<Record<string, string>> {
  const tokens: Record<string, string> = {};
  for (const [name, role, cityId, organizationId] of grants) {
    const user = await db
      .insertInto('app_user')
      .values({ email: `${name}@example.org`, display_name: name })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('user_role')
      .values({ user_id: user.id, role, city_id: cityId, organization_id: organizationId })
      .execute();
    tokens[name] = (await insertApiToken(db, user.id, 'test')).secret;
  }
  return tokens;
}
