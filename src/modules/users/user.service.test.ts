import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.ts';
import type { Database } from '../../db/database.ts';
import { testEngines } from '../../db/test-database.ts';
import { listAuditEntriesOfRecord } from '../audit/audit.repository.ts';
import { SYSTEM_ACTOR } from '../audit/audit.schema.ts';
import { insertTestCity } from '../audit/test-cities.ts';
import { findUserByEmail } from './user.repository.ts';
import { addUserRole, createUser, listUsers, removeUserRole } from './user.service.ts';

describe.each(testEngines())('users on $engine', ({ open }) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  let baranovichi: number;

  beforeAll(async () => {
    handle = await open();
    db = handle.db;
    baranovichi = await insertTestCity(db, 'Барановичи', 'Baranovichi');
  });
  afterAll(() => handle.close());

  it('creates an account with roles, finds it by e-mail in any case, refuses a taken e-mail', async () => {
    const admin = await createUser(db, SYSTEM_ACTOR, {
      email: 'Admin@Baranovichi.by',
      displayName: 'Отдел международных связей',
      roles: [{ role: 'admin' }],
    });
    expect(admin).toMatchObject({ locale: 'ru', disabled: false, roles: [{ role: 'admin' }] });
    expect(await findUserByEmail(db, 'admin@baranovichi.BY')).toEqual(admin);
    await expect(
      createUser(db, SYSTEM_ACTOR, { email: 'admin@baranovichi.by', displayName: 'x' }),
    ).rejects.toMatchObject({ code: 'conflict' });

    const editor = await createUser(
      db,
      { userId: admin.id },
      { email: 'editor@baranovichi.by', displayName: 'Редактор' },
    );
    const granted = await addUserRole(db, { userId: admin.id }, editor.id, {
      role: 'city_editor',
      cityId: baranovichi,
    });
    expect(granted.roles).toEqual([{ role: 'city_editor', cityId: baranovichi }]);
    await addUserRole(db, { userId: admin.id }, editor.id, { role: 'city_editor', cityId: baranovichi });
    await expect(addUserRole(db, SYSTEM_ACTOR, editor.id, { role: 'city_editor' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    const history = await listAuditEntriesOfRecord(db, 'user', editor.id);
    expect(history.map((entry) => [entry.action, entry.userId])).toEqual([
      ['create', admin.id],
      ['update', admin.id],
    ]);
    expect(JSON.stringify(history)).not.toMatch(/password/);
    expect((await listUsers(db, { q: 'EDITOR' })).items.map((user) => user.email)).toEqual([
      'editor@baranovichi.by',
    ]);

    const viewer = await addUserRole(db, SYSTEM_ACTOR, editor.id, {
      role: 'city_viewer',
      cityId: baranovichi,
    });
    expect(viewer.roles).toHaveLength(2);
    const removed = await removeUserRole(db, SYSTEM_ACTOR, editor.id, {
      role: 'city_editor',
      cityId: baranovichi,
    });
    expect(removed.roles).toEqual([{ role: 'city_viewer', cityId: baranovichi }]);
  });
});
