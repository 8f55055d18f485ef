import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.ts';
import { testEngines } from '../../db/test-database.ts';
import { insertTestCity } from '../../modules/audit/test-cities.ts';
import { emptyResult } from '../../extract/index.ts';
import { buildDraft } from './draft-builder.ts';

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
});
