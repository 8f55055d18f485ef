import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.ts';
import type { Database } from '../../db/database.ts';
import { testEngines } from '../../db/test-database.ts';
import { SYSTEM_ACTOR } from '../audit/audit.schema.ts';
import { insertTestCity } from '../audit/test-cities.ts';
import { findTwinningByCities, insertImportedTwinnings } from './twinning.repository.ts';
import { createTwinning, listTwinningsOfCity, updateTwinning } from './twinning.service.ts';

describe.each(testEngines())('twinnings on $engine', ({ open }) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  let baranovichi: number;
  let kuznetsk: number;
  let magadan: number;

  beforeAll(async () => {
    handle = await open();
    db = handle.db;
    baranovichi = await insertTestCity(db, 'Барановичи', 'Baranovichi');
    kuznetsk = await insertTestCity(db, 'Кузнецк', 'Kuznetsk', 'RU');
    magadan = await insertTestCity(db, 'Магадан', 'Magadan', 'RU');
  });
  afterAll(() => handle.close());

  it('stores the smaller city id first whatever the order given, and finds the pair either way', async () => {
    const [larger, smaller] = kuznetsk > baranovichi ? [kuznetsk, baranovichi] : [baranovichi, kuznetsk];
    const twinning = await createTwinning(db, SYSTEM_ACTOR, {
      cityIds: [larger, smaller],
      establishedYear: 2006,
    });
    expect(twinning).toMatchObject({
      cityAId: smaller,
      cityBId: larger,
      tier: 'twin',
      status: 'active',
      version: 1,
    });
    expect((await findTwinningByCities(db, smaller, larger))?.id).toBe(twinning.id);
    expect((await findTwinningByCities(db, larger, smaller))?.id).toBe(twinning.id);
    expect((await listTwinningsOfCity(db, kuznetsk)).map((t) => t.id)).toEqual([twinning.id]);
  });

  it("sorts a city's twinnings by partner name or by the date the tie began, as asked", async () => {
    const grodno = await insertTestCity(db, 'Гродно', 'Grodno');
    const partner = async (nameRu: string, nameEn: string, since: object) => {
      const cityId = await insertTestCity(db, nameRu, nameEn, 'RU');
      return (await createTwinning(db, SYSTEM_ACTOR, { cityIds: [grodno, cityId], ...since })).id;
    };
    const vologda = await partner('Вологда', 'Vologda', { establishedOn: '1990-05-01' });
    const anapa = await partner('Анапа', 'Anapa', { establishedYear: 2001 });
    const brest = await partner('Брест', 'Brest', {});
    const ids = async (query: object) => (await listTwinningsOfCity(db, grodno, query)).map((t) => t.id);
    expect(await ids({})).toEqual([vologda, anapa, brest]);
    expect(await ids({ sort: 'partner' })).toEqual([anapa, brest, vologda]);
    expect(await ids({ sort: 'partner', order: 'desc' })).toEqual([vologda, brest, anapa]);
    // A tie known by its year alone counts from 1 January; one with no date comes last.
    expect(await ids({ sort: 'establishedOn' })).toEqual([vologda, anapa, brest]);
    await expect(listTwinningsOfCity(db, grodno, { sort: 'name' })).rejects.toMatchObject({
      code: 'validation_failed',
      details: [{ path: 'sort', message: expect.stringContaining('partner, establishedOn') }],
    });
  });

  it('refuses a second twinning of a pair, a city with itself and an unknown city, saying why', async () => {
    await expect(
      createTwinning(db, SYSTEM_ACTOR, { cityIds: [kuznetsk, baranovichi] }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('already twinned'),
    });
    await expect(createTwinning(db, SYSTEM_ACTOR, { cityIds: [kuznetsk, kuznetsk] })).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringContaining('two different cities'),
    });
    await expect(createTwinning(db, SYSTEM_ACTOR, { cityIds: [kuznetsk, 987654] })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('updates with the version the editor saw and refuses a stale one', async () => {
    const twinning = (await findTwinningByCities(db, baranovichi, kuznetsk))!;
    const ended = await updateTwinning(db, SYSTEM_ACTOR, twinning.id, { version: 1, status: 'suspended' });
    expect(ended).toMatchObject({ status: 'suspended', version: 2, establishedYear: 2006 });
    await expect(
      updateTwinning(db, SYSTEM_ACTOR, twinning.id, { version: 1, tier: 'partner' }),
    ).rejects.toMatchObject({ code: 'stale_version' });
    await expect(
      updateTwinning(db, SYSTEM_ACTOR, twinning.id, { version: 2, establishedOn: '2006-02-30' }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('imports pairs in bulk, skipping the ones already recorded in either order', async () => {
    const created = await insertImportedTwinnings(db, [
      { cityIds: [magadan, baranovichi], sourceRef: 'list.csv:2' },
      { cityIds: [kuznetsk, baranovichi], sourceRef: 'list.csv:3' },
    ]);
    expect(created).toEqual([[Math.min(magadan, baranovichi), Math.max(magadan, baranovichi)]]);
    expect(
      await insertImportedTwinnings(db, [{ cityIds: [baranovichi, magadan], sourceRef: 'x:1' }]),
    ).toEqual([]);
    const imported = await findTwinningByCities(db, baranovichi, magadan);
    expect(imported).toMatchObject({ source: 'import', sourceRef: 'list.csv:2' });
    const kept = await findTwinningByCities(db, baranovichi, kuznetsk);
    expect(kept).toMatchObject({ source: 'user', sourceRef: null });
  });
});
