import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.ts';
import type { Database } from '../../db/database.ts';
import { testEngines } from '../../db/test-database.ts';
import { listAuditEntriesOfRecord } from '../audit/audit.repository.ts';
import { SYSTEM_ACTOR } from '../audit/audit.schema.ts';
import { loadGazetteer } from '../../gazetteer/index.ts';
import { searchNames } from './city.names.ts';
import { createCity, getCity, searchCities, updateCity } from './city.service.ts';

describe.each(testEngines())('cities on $engine', ({ open }) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  let baranovichi: number;

  beforeAll(async () => {
    handle = await open();
    db = handle.db;
    const add = (input: object) => createCity(db, SYSTEM_ACTOR, input);
    baranovichi = (
      await add({
        nameRu: 'Барановичи',
        nameBe: 'Баранавічы',
        nameEn: 'Baranovichi',
        country: 'BY',
        population: 179000,
      })
    ).id;
    await add({ nameRu: 'Кузнецк', nameEn: 'Kuznetsk', country: 'RU', population: 90480 });
    await add({ nameRu: 'Новокузнецк', nameEn: 'Novokuznetsk', country: 'RU', population: 539616 });
    await add({ nameRu: 'Минск', nameBe: 'Мінск', nameEn: 'Minsk', country: 'BY', population: 1742124 });
    // A namesake: smaller, in another country; the registry's countries must win ties.
    await add({ nameEn: 'Minsk', country: 'US', population: 600 });
  });
  afterAll(() => handle.close());

  it('finds a city by its name in any language, an exact name before a similar one', async () => {
    const names = async (q: string) => (await searchCities(db, { q })).map((city) => city.nameEn);
    expect((await names('Кузнецк'))[0]).toBe('Kuznetsk');
    expect((await names('kuznetsk'))[0]).toBe('Kuznetsk');
    expect(await names('Баранавічы')).toEqual(['Baranovichi']);
    expect(await names('Барановичей')).toContain('Baranovichi');
    expect((await names('Baranavichy'))[0]).toBe('Baranovichi');
  });

  it('puts the countries asked for first, then the larger place', async () => {
    const minsk = await searchCities(db, { q: 'Minsk' });
    expect(minsk.map((city) => city.country)).toEqual(['BY', 'US']);
    const inUs = await searchCities(db, { q: 'Minsk', countries: ['us'] });
    expect(inUs.map((city) => city.country)).toEqual(['US', 'BY']);
  });

  it('updates with the version the editor saw, keeps search names in step, refuses a stale one', async () => {
    const updated = await updateCity(db, SYSTEM_ACTOR, baranovichi, {
      version: 1,
      foundedYear: 1871,
      cityDay: '--09-18',
      nameRu: 'Барановичи-город',
    });
    expect(updated).toMatchObject({ version: 2, foundedYear: 1871, nameBe: 'Баранавічы' });
    expect((await searchCities(db, { q: 'Барановичи-город' }))[0]?.id).toBe(baranovichi);
    await expect(
      updateCity(db, SYSTEM_ACTOR, baranovichi, { version: 1, foundedYear: 1 }),
    ).rejects.toMatchObject({
      code: 'stale_version',
    });
    expect(await getCity(db, baranovichi)).toEqual(updated);
    expect((await listAuditEntriesOfRecord(db, 'city', baranovichi)).map((entry) => entry.action)).toEqual([
      'create',
      'update',
    ]);
  });

  it('explains what is wrong with a city and a missing one', async () => {
    await expect(
      createCity(db, SYSTEM_ACTOR, { nameEn: 'Nowhere', country: 'Belarus' }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringContaining('country'),
    });
    await expect(
      updateCity(db, SYSTEM_ACTOR, baranovichi, { version: 2, cityDay: '18.09' }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(getCity(db, 999)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('puts the gazetteer places first when given the gazetteer, which knows transliterations', async () => {
    const gazetteer = loadGazetteer();
    const place = gazetteer.byId(630429)!;
    await db
      .insertInto('city')
      .values({
        id: place.id,
        source: 'geonames',
        name_ru: place.ru,
        name_be: place.be,
        name_en: place.en,
        search_names: searchNames(place),
        country: place.country,
        latitude: place.lat,
        longitude: place.lng,
        population: place.population,
        timezone: null,
        founded_year: null,
        city_day: null,
      })
      .execute();
    const found = await searchCities(db, { q: 'Baranavichy', limit: 3 }, gazetteer);
    expect(found[0]?.id).toBe(630429);
    expect(found.length).toBeLessThanOrEqual(3);
  });
});
