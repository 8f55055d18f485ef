import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.ts';
import { testEngines } from '../../db/test-database.ts';
import { buildApp } from '../../server/app.ts';
import { insertTestAccounts } from '../../server/test-accounts.ts';
import { sharedDir } from '../../shared-dir.ts';
import { insertTestCity } from '../audit/test-cities.ts';
import { searchNames } from '../cities/city.names.ts';
import type { SearchHit, SearchKind } from './search.schema.ts';

const SEED_TEXT = readFileSync(sharedDir('seed', '000_99b162f3906cbee7.txt'), 'utf8');

interface Result {
  groups: Array<{ kind: SearchKind; hits: SearchHit[] }>;
}

describe.each(testEngines())('searching the imported seed release on $engine', ({ open }) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let headers: Record<string, string>;
  let kuznetsk = 0;

  const search = async (q: string): Promise<Result> => {
    const response = await app.inject({ method: 'GET', url: '/api/search', query: { q }, headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Result;
  };

  beforeAll(async () => {
    database = await open();
    app = await buildApp({ database });
    const baranovichi = await insertTestCity(database.db, 'Барановичи', 'Baranovichi', 'BY');
    kuznetsk = await insertTestCity(database.db, 'Кузнецк', 'Kuznetsk', 'RU');
    // Villages of the gazetteer with names like the twin's.
    await insertTestCity(database.db, 'Кузнецкое', 'Kuznetskoye', 'RU');
    await insertTestCity(database.db, 'Кузнецкий', 'Kuznetskiy', 'RU');
    // Their names as the gazetteer's loader keeps them for lookups by name (the test helper leaves them out).
    for (const city of await database.db.selectFrom('city').select(['id', 'name_ru', 'name_en']).execute()) {
      await database.db
        .updateTable('city')
        .set({ search_names: searchNames({ ru: city.name_ru, be: null, en: city.name_en }) })
        .where('id', '=', city.id)
        .execute();
    }
    await database.db.insertInto('home_city').values({ city_id: baranovichi }).execute();
    await database.db
      .insertInto('twinning')
      .values({ city_a_id: baranovichi, city_b_id: kuznetsk, status: 'active' })
      .execute();
    const tokens = await insertTestAccounts(database.db, [['editor', 'city_editor', baranovichi, null]]);
    headers = { authorization: `Bearer ${tokens.editor}` };
    const imported = await app.inject({
      method: 'POST',
      url: '/api/documents',
      headers,
      payload: { text: SEED_TEXT, publishedOn: '2025-09-25', homeCity: 'Барановичи' },
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const { document, draft } = imported.json() as {
      document: { id: number };
      draft: Record<string, unknown>;
    };
    const accepted = await app.inject({
      method: 'POST',
      url: `/api/documents/${document.id}/accept`,
      headers,
      payload: draft,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('finds by «Щербаков» (the nominative) the person, the visit he led and the release that names him', async () => {
    const { groups } = await search('Щербаков');
    const kinds = groups.map((group) => group.kind);
    expect(kinds).toEqual(expect.arrayContaining(['person', 'visit', 'document']));
    expect(groups.find((group) => group.kind === 'person')!.hits[0]!.label).toBe('Вадим Щербаков');
    const visit = groups.find((group) => group.kind === 'visit')!.hits[0]!;
    expect(visit.fragment.filter((part) => part.match).map((part) => part.text)).toContain('Щербаков');
    const release = groups.find((group) => group.kind === 'document')!.hits[0]!;
    expect(release.fragment.filter((part) => part.match).map((part) => part.text)).toContain('Щербаковым');
  });

  it('shows for «Кузнецк» the registry’s records first and the places last, the twin before the villages', async () => {
    const { groups } = await search('Кузнецк');
    const kinds = groups.map((group) => group.kind);
    expect(kinds[0]).not.toBe('city');
    expect(kinds).toContain('visit');
    expect(kinds.at(-1)).toBe('city');
    const places = groups.at(-1)!.hits;
    expect(places[0]!.id).toBe(kuznetsk);
    expect(places.map((place) => place.label)).toEqual(
      expect.arrayContaining(['Кузнецкое (RU)', 'Кузнецкий (RU)']),
    );
  });
});
