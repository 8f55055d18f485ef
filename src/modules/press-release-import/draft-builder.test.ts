import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.ts';
import { testEngines } from '../../db/test-database.ts';
import { insertTestCity } from '../audit/test-cities.ts';
import { emptyResult } from '../../extract/index.ts';
import { loadGazetteer } from '../../gazetteer/index.ts';
import { buildDraft, namesCity } from './draft-builder.ts';
import { matchCity } from './matcher.ts';

describe.each(testEngines())('the draft of a press release on $engine', ({ open }) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await open();
    await insertTestCity(handle.db, 'Кузнецк', 'Kuznetsk', 'RU');
  });
  afterAll(() => handle.close());

  it('keeps an agreement party whose city is not named as an institution to place, not as a city', async () => {
    const facts = {
      ...emptyResult(),
      agreements: [
        {
          kind: 'cooperation' as const,
          signed_on: null,
          parties: [
            { name: 'гимназия № 5', city: null },
            { name: 'лицей № 21', city: 'Кузнецк' },
          ],
        },
        { kind: 'twinning' as const, signed_on: null, parties: [{ name: 'Кузнецк', city: null }] },
      ],
    };
    const draft = await buildDraft(handle.db, facts, '2025-09-22');
    expect(draft.cities.map((city) => city.name)).toEqual(['Кузнецк']);
    const gymnasium = draft.organizations.find((org) => org.name === 'гимназия № 5');
    expect(gymnasium).toMatchObject({ cityRef: null });
    expect(draft.agreements[0]!.partyRefs).toEqual([gymnasium!.ref, expect.stringMatching(/^o/)]);
    // A party that is a city by itself stays the city.
    expect(draft.agreements[1]!.partyRefs).toEqual([draft.cities[0]!.ref]);
  });

  it('places a person in the city their position names, else in the home city', async () => {
    await insertTestCity(handle.db, 'Гомель', 'Gomel', 'BY');
    const facts = {
      ...emptyResult(),
      organizations: [{ name: 'лицей № 21', city: 'Кузнецк' }],
      persons: [
        { name: 'Ольга Кравец', position: 'заместитель главы администрации Кузнецка' },
        { name: 'Пётр Сидоренко', position: 'начальник отдела образования' },
        { name: 'Ирина Мельник', position: null },
      ],
    };
    const draft = await buildDraft(handle.db, facts, '2025-09-22', 'Гомель');
    const cityOf = (name: string) =>
      draft.cities.find((city) => city.ref === draft.persons.find((p) => p.name === name)?.cityRef)?.name;
    expect(cityOf('Ольга Кравец')).toBe('Кузнецк');
    expect(cityOf('Пётр Сидоренко')).toBe('Гомель');
    expect(cityOf('Ирина Мельник')).toBe('Гомель');
    // Without a home city, nobody is placed by guess.
    const unplaced = await buildDraft(handle.db, facts, '2025-09-22');
    expect(unplaced.persons.map((p) => p.cityRef !== null)).toEqual([true, false, false]);
  });

  it('offers places of one name told apart by region, population or number, never two alike', async () => {
    // The gazetteer's places of this name, stored as the registry stores GeoNames places.
    const places = loadGazetteer().find('Цзиньчжоу').slice(0, 3);
    expect(places.length).toBeGreaterThan(1);
    for (const place of places) {
      await handle.db
        .insertInto('city')
        .values({
          id: place.id,
          source: 'geonames',
          name_ru: place.ru,
          name_be: place.be,
          name_en: place.en,
          country: place.country,
          admin1: place.admin1,
          population: place.population,
          latitude: place.lat,
          longitude: place.lng,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    }
    const matches = await matchCity(handle.db, 'Цзиньчжоу', []);
    expect(matches.length).toBe(places.length);
    const labels = matches.map((m) => m.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const label of labels) expect(label).toMatch(/^Цзиньчжоу \(CN, регион: \S+/);
    expect(matches[0]!.place).toMatchObject({ country: 'CN', region: { en: expect.any(String) } });
  });

  it('offers a visit already stored by its days, written as dates', async () => {
    const baranovichi = await insertTestCity(handle.db, 'Барановичи', 'Baranovichi', 'BY');
    const kuznetsk = (
      await handle.db
        .selectFrom('city')
        .select('id')
        .where('name_en', '=', 'Kuznetsk')
        .executeTakeFirstOrThrow()
    ).id;
    const visit = await handle.db
      .insertInto('visit')
      .values({
        from_city_id: baranovichi,
        to_city_id: kuznetsk,
        start_date: '2025-09-18',
        end_date: '2025-09-21',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const facts = {
      ...emptyResult(),
      visits: [
        {
          from_city: 'Барановичи',
          to_city: 'Кузнецк',
          start: '2025-09-18',
          end: '2025-09-21',
          kind: 'official' as const,
          head: null,
        },
      ],
    };
    const draft = await buildDraft(handle.db, facts, '2025-09-22');
    expect(draft.visits[0]!.matches).toEqual([
      {
        id: visit.id,
        label: '18–21\u00a0сентября 2025\u00a0г.',
        confidence: 0.95,
        dates: { start: '2025-09-18', end: '2025-09-21' },
      },
    ]);
  });
});

describe('a city named in a position', () => {
  it('is recognized in its cases and as its adjective', () => {
    expect(namesCity('председатель Гомельского горисполкома', 'Гомель')).toBe(true);
    expect(namesCity('глава города Кузнецка', 'Кузнецк')).toBe(true);
    expect(namesCity('мэр Минска', 'Минск')).toBe(true);
    expect(namesCity('директор Барановичского колледжа', 'Барановичи')).toBe(true);
  });
  it('is not found in unrelated words, short names or names of several words', () => {
    expect(namesCity('председатель горисполкома', 'Гомель')).toBe(false);
    expect(namesCity('директор лицея', 'Лида')).toBe(false);
    expect(namesCity('мэр Нижнего Новгорода', 'Нижний Новгород')).toBe(false);
  });
});
