import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.ts';
import type { Database } from '../../db/database.ts';
import { testEngines } from '../../db/test-database.ts';
import { listAuditEntriesOfRecord } from '../audit/audit.repository.ts';
import { SYSTEM_ACTOR } from '../audit/audit.schema.ts';
import { insertTestCity } from '../audit/test-cities.ts';
import { createAgreement } from '../agreements/agreement.service.ts';
import { findOrganizationById } from './organization.repository.ts';
import {
  createOrganization,
  deleteOrganization,
  listOrganizations,
  updateOrganization,
} from './organization.service.ts';

describe.each(testEngines())('organizations on $engine', ({ open }) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  let baranovichi: number;
  let kuznetsk: number;

  beforeAll(async () => {
    handle = await open();
    db = handle.db;
    baranovichi = await insertTestCity(db, 'Барановичи', 'Baranovichi');
    kuznetsk = await insertTestCity(db, 'Кузнецк', 'Kuznetsk', 'RU');
  });
  afterAll(() => handle.close());

  it('refuses a stale update and leaves the record as it was', async () => {
    const gymnasium = await createOrganization(db, SYSTEM_ACTOR, {
      cityId: baranovichi,
      name: 'гимназия № 5',
      kind: 'gymnasium',
      sphere: 'education',
    });
    expect(gymnasium.version).toBe(1);
    const renamed = await updateOrganization(db, SYSTEM_ACTOR, gymnasium.id, {
      version: 1,
      shortName: 'Гимназия 5',
    });
    expect(renamed).toMatchObject({ version: 2, shortName: 'Гимназия 5', name: 'гимназия № 5' });

    await expect(
      updateOrganization(db, SYSTEM_ACTOR, gymnasium.id, { version: 1, name: 'другая' }),
    ).rejects.toMatchObject({
      code: 'stale_version',
    });
    expect(await findOrganizationById(db, gymnasium.id)).toEqual(renamed);
    const history = await listAuditEntriesOfRecord(db, 'organization', gymnasium.id);
    expect(history.map((entry) => entry.action)).toEqual(['create', 'update']);
  });

  it('refuses a second organization of the same name in one city, and bad input with field paths', async () => {
    await createOrganization(db, SYSTEM_ACTOR, { cityId: kuznetsk, name: 'лицей № 21', kind: 'lyceum' });
    await expect(
      createOrganization(db, SYSTEM_ACTOR, { cityId: kuznetsk, name: 'Лицей № 21' }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(
      createOrganization(db, SYSTEM_ACTOR, { cityId: kuznetsk, name: ' ', sphere: 'x' }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      details: expect.arrayContaining([
        expect.objectContaining({ path: 'name' }),
        expect.objectContaining({ path: 'sphere' }),
      ]),
    });
  });

  it('takes a look-alike of a name in the city for that name, or refuses it, naming the word', async () => {
    await createOrganization(db, SYSTEM_ACTOR, { cityId: kuznetsk, name: 'гимназия № 5', kind: 'gymnasium' });
    // A no-break space, a zero-width space and a doubled space are spacing, not another name.
    await expect(
      createOrganization(db, SYSTEM_ACTOR, { cityId: kuznetsk, name: 'Гимназия\u00a0№\u200b  5' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    // A Latin «a» inside a Cyrillic word would pass for the gymnasium already there.
    await expect(
      createOrganization(db, SYSTEM_ACTOR, { cityId: kuznetsk, name: 'Гимн\u0061зия № 5' }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      details: [expect.objectContaining({ path: 'name', message: expect.stringContaining('«Гимнaзия»') })],
    });
    await expect(
      createOrganization(db, SYSTEM_ACTOR, { cityId: kuznetsk, name: 'гимназия № 5 \u202eтеатр' }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    // Words of two alphabets side by side are a name like any other.
    const park = await createOrganization(db, SYSTEM_ACTOR, { cityId: kuznetsk, name: 'IT-лицей  «Kvant»' });
    expect(park.name).toBe('IT-лицей «Kvant»');
  });

  it("lists a city's organizations by sphere in alphabetical order, page by page", async () => {
    for (const name of ['музей', 'библиотека', 'Ёлочка', 'ансамбль']) {
      await createOrganization(db, SYSTEM_ACTOR, { cityId: baranovichi, name, sphere: 'culture' });
    }
    const first = await listOrganizations(db, { cityId: baranovichi, sphere: 'culture', limit: 3 });
    expect(first.items.map((org) => org.name)).toEqual(['ансамбль', 'библиотека', 'Ёлочка']);
    const second = await listOrganizations(db, {
      cityId: baranovichi,
      sphere: 'culture',
      limit: 3,
      cursor: first.nextCursor,
    });
    expect(second.items.map((org) => org.name)).toEqual(['музей']);
    expect(second.nextCursor).toBeNull();
    await expect(listOrganizations(db, { cursor: 'garbage' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });

  it('deletes with the version seen, and the audit trail keeps the deleted record', async () => {
    const club = await createOrganization(db, SYSTEM_ACTOR, {
      cityId: kuznetsk,
      name: 'клуб',
      sphere: 'sport',
    });
    await expect(deleteOrganization(db, SYSTEM_ACTOR, club.id, 7)).rejects.toMatchObject({
      code: 'stale_version',
    });
    await deleteOrganization(db, SYSTEM_ACTOR, club.id, club.version);
    expect(await findOrganizationById(db, club.id)).toBeUndefined();
    const history = await listAuditEntriesOfRecord(db, 'organization', club.id);
    expect(history.at(-1)).toMatchObject({ action: 'delete', before: { name: 'клуб' }, after: null });
  });
});

describe.each(testEngines())('organization references and races on $engine', ({ open }) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  let city: number;

  beforeAll(async () => {
    handle = await open();
    db = handle.db;
    city = await insertTestCity(db, 'Кузнецк', 'Kuznetsk', 'RU');
  });
  afterAll(() => handle.close());

  it('refuses an organization in a city that does not exist, or a name with a NUL, as bad input', async () => {
    await expect(
      createOrganization(db, SYSTEM_ACTOR, { cityId: city, name: 'шко\u0000ла' }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      details: [{ path: 'name' }],
    });
    await expect(
      createOrganization(db, SYSTEM_ACTOR, { cityId: 2 ** 31, name: 'школа' }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      details: [{ path: 'cityId' }],
    });
    await expect(
      createOrganization(db, SYSTEM_ACTOR, { cityId: 999_999, name: 'школа' }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringMatching(/does not exist/),
    });
  });

  it('refuses to delete an organization an agreement still names, and keeps it', async () => {
    const lyceum = await createOrganization(db, SYSTEM_ACTOR, { cityId: city, name: 'лицей № 21' });
    await createAgreement(db, SYSTEM_ACTOR, {
      kind: 'cooperation',
      title: 'Договор',
      parties: [{ organizationId: lyceum.id }, { cityId: city }],
    });
    await expect(deleteOrganization(db, SYSTEM_ACTOR, lyceum.id, lyceum.version)).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(await findOrganizationById(db, lyceum.id)).toEqual(lyceum);
    expect(
      (await listAuditEntriesOfRecord(db, 'organization', lyceum.id)).map((entry) => entry.action),
    ).toEqual(['create']);
  });

  it('of two editors saving the same version at once, one wins and the other is refused', async () => {
    const museum = await createOrganization(db, SYSTEM_ACTOR, { cityId: city, name: 'музей' });
    const results = await Promise.allSettled([
      updateOrganization(db, SYSTEM_ACTOR, museum.id, { version: 1, notes: 'первый' }),
      updateOrganization(db, SYSTEM_ACTOR, museum.id, { version: 1, notes: 'второй' }),
    ]);
    const fulfilled = results.filter((result) => result.status === 'fulfilled');
    const rejected = results.filter((result) => result.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected.map((result) => (result.reason as { code: string }).code)).toEqual(['stale_version']);
    const stored = await findOrganizationById(db, museum.id);
    expect(stored?.version).toBe(2);
    expect(stored?.notes).toBe(fulfilled[0]?.value.notes);
  });
});
