import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.ts';
import { testEngines } from '../../db/test-database.ts';
import { insertTestCity } from '../audit/test-cities.ts';
import { findPrincipalByApiToken, insertApiToken } from './api-token.repository.ts';

describe.each(testEngines())('API tokens on $engine', ({ open }) => {
  let handle: DatabaseHandle;
  let userId: number;

  beforeAll(async () => {
    handle = await open();
    userId = (
      await handle.db
        .insertInto('app_user')
        .values({ email: 'script@example.org', display_name: 'script' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => handle.close());

  const userOf = async (secret: string) => {
    const principal = await findPrincipalByApiToken(handle.db, secret);
    return principal?.kind === 'user' ? principal.userId : undefined;
  };

  const lastUsed = async (id: number) =>
    (
      await handle.db
        .selectFrom('api_token')
        .select('last_used_at')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).last_used_at;

  it('finds the user of a live token and notes its use at most once a minute', async () => {
    const token = await insertApiToken(handle.db, userId, 'nightly export');
    expect(await lastUsed(token.id)).toBeNull();
    expect(await userOf(token.secret)).toBe(userId);
    const first = await lastUsed(token.id);
    expect(first).not.toBeNull();
    expect(await userOf(token.secret)).toBe(userId);
    expect(await lastUsed(token.id)).toEqual(first);
    // Used two minutes ago: this use is noted again.
    await sql`UPDATE api_token SET last_used_at = now() - interval '2 minutes' WHERE id = ${token.id}`.execute(
      handle.db,
    );
    await findPrincipalByApiToken(handle.db, token.secret);
    expect((await lastUsed(token.id))!.getTime()).toBeGreaterThan(first!.getTime() - 1000);
  });

  it('knows nothing of an unknown or expired token', async () => {
    expect(await findPrincipalByApiToken(handle.db, 'pbt_unknown')).toBeUndefined();
    const expired = await insertApiToken(handle.db, userId, 'old', new Date(Date.now() - 60_000));
    expect(await findPrincipalByApiToken(handle.db, expired.secret)).toBeUndefined();
  });

  it('gives the user with their roles, and nothing for a disabled user', async () => {
    const city = await insertTestCity(handle.db, 'Барановичи', 'Baranovichi');
    await handle.db
      .insertInto('user_role')
      .values([
        { user_id: userId, role: 'city_editor', city_id: city },
        { user_id: userId, role: 'city_viewer', city_id: city },
      ])
      .execute();
    const token = await insertApiToken(handle.db, userId, 'report');
    expect(await findPrincipalByApiToken(handle.db, token.secret)).toEqual({
      kind: 'user',
      userId,
      email: 'script@example.org',
      displayName: 'script',
      locale: expect.any(String),
      roles: [
        { role: 'city_editor', cityId: city },
        { role: 'city_viewer', cityId: city },
      ],
    });
    await handle.db.updateTable('app_user').set({ disabled: true }).where('id', '=', userId).execute();
    expect(await findPrincipalByApiToken(handle.db, token.secret)).toBeUndefined();
  });
});
