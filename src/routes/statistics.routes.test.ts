import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connect.ts';
import { testEngines } from '../db/test-database.ts';
import { buildApp } from '../server/app.ts';
import { insertTestAccounts } from '../server/test-accounts.ts';
import { insertTestCity } from '../modules/audit/test-cities.ts';
import type { CityStatistics, Network } from '../modules/statistics/statistics.schema.ts';
import type { ActivityEntry } from '../modules/statistics/statistics.schema.ts';

describe.each(testEngines())('statistics, network and activity on $engine', ({ open }) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let tokens: Record<string, string>;
  const city = { baranovichi: 0, kutno: 0, novokuznetsk: 0, lublin: 0 };

  async function call<T>(who: string, method: string, url: string, payload?: object): Promise<T> {
    const response = await app.inject({
      method: method as 'GET',
      url,
      headers: { authorization: `Bearer ${tokens[who]}` },
      ...(payload ? { payload } : {}),
    });
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
    return response.json();
  }
  const status = async (who: string, url: string) =>
    (await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${tokens[who]}` } }))
      .statusCode;

  beforeAll(async () => {
    database = await open();
    const { db } = database;
    app = await buildApp({ database });
    city.baranovichi = await insertTestCity(db, 'Барановичи', 'Baranavichy', 'BY');
    city.kutno = await insertTestCity(db, 'Кутно', 'Kutno', 'PL');
    city.novokuznetsk = await insertTestCity(db, 'Новокузнецк', 'Novokuznetsk', 'RU');
    city.lublin = await insertTestCity(db, 'Люблин', 'Lublin', 'PL');
    const coordinates: Array<[number, number, number]> = [
      [city.baranovichi, 53.1327, 26.0139],
      [city.kutno, 52.2306, 19.3642],
      [city.lublin, 51.2465, 22.5684],
    ];
    for (const [id, latitude, longitude] of coordinates) {
      await db.updateTable('city').set({ latitude, longitude }).where('id', '=', id).execute();
    }
    await db.insertInto('home_city').values({ city_id: city.baranovichi }).execute();
    tokens = await insertTestAccounts(db, [
      ['admin', 'admin', null, null],
      ['editor', 'city_editor', city.baranovichi, null],
      ['kutno-viewer', 'city_viewer', city.kutno, null],
    ]);
    for (const cityIds of [
      [city.baranovichi, city.kutno],
      [city.baranovichi, city.novokuznetsk],
      [city.kutno, city.lublin],
    ]) {
      await call('admin', 'POST', '/api/twinnings', { cityIds });
    }
    const visit = (fromCityId: number, toCityId: number, startDate: string, extra: object = {}) =>
      call('editor', 'POST', '/api/visits', {
        fromCityId,
        toCityId,
        startDate,
        endDate: startDate,
        ...extra,
      });
    await visit(city.baranovichi, city.kutno, '2024-03-12');
    await visit(city.kutno, city.baranovichi, '2025-06-02');
    await visit(city.kutno, city.baranovichi, '2025-09-01', { status: 'cancelled' });
    await call('admin', 'POST', '/api/visits', {
      fromCityId: city.novokuznetsk,
      toCityId: city.kutno,
      startDate: '2024-10-01',
      endDate: '2024-10-03',
    });
    await call('editor', 'POST', '/api/agreements', {
      kind: 'twinning',
      title: 'Соглашение о побратимстве Барановичей и Кутно',
      status: 'in_force',
      signedOn: '2024-03-13',
      parties: [{ cityId: city.baranovichi }, { cityId: city.kutno }],
    });
    await call('editor', 'POST', '/api/agreements', {
      kind: 'memorandum',
      title: 'Проект меморандума',
      status: 'draft',
      signedOn: '2025-01-10',
      parties: [{ cityId: city.baranovichi }, { cityId: city.kutno }],
    });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('counts a city’s visits in and out and its agreements by year, leaving out cancelled visits and drafts', async () => {
    const statistics = await call<CityStatistics>(
      'editor',
      'GET',
      `/api/statistics?cityId=${city.baranovichi}`,
    );
    expect(statistics.years).toEqual([
      { year: 2024, visitsIn: 0, visitsOut: 1, agreements: 1 },
      { year: 2025, visitsIn: 1, visitsOut: 0, agreements: 0 },
    ]);
    // Kutno's viewer reads Kutno's visits, including Novokuznetsk's visit there.
    const kutno = await call<CityStatistics>('kutno-viewer', 'GET', `/api/statistics?cityId=${city.kutno}`);
    expect(kutno.years).toEqual([
      { year: 2024, visitsIn: 2, visitsOut: 0, agreements: 1 },
      { year: 2025, visitsIn: 0, visitsOut: 1, agreements: 0 },
    ]);
  });

  it('refuses a city the asker may not read, an unknown city and a malformed id', async () => {
    expect(await status('kutno-viewer', `/api/statistics?cityId=${city.baranovichi}`)).toBe(403);
    expect(await status('editor', `/api/activity?cityId=${city.kutno}`)).toBe(403);
    expect(await status('editor', '/api/statistics?cityId=999999')).toBe(404);
    expect(await status('editor', '/api/statistics?cityId=abc')).toBe(400);
    expect(await status('editor', '/api/statistics')).toBe(400);
    expect((await app.inject({ method: 'GET', url: `/api/network` })).statusCode).toBe(401);
  });

  it('gives the network with each city once and pairs as indexes, in the asker’s scope', async () => {
    const pairsOf = (network: Network) => {
      const names: string[] = [];
      for (let i = 0; i < network.pairs.length; i += 2) {
        names.push(`${network.names[network.pairs[i]!]}–${network.names[network.pairs[i + 1]!]}`);
      }
      return names.sort();
    };
    const editor = await call<Network>('editor', 'GET', '/api/network');
    expect(pairsOf(editor)).toEqual(['Барановичи–Кутно']);
    // Novokuznetsk has no coordinates: its twinning is counted, not drawn.
    expect(editor.withoutCoordinates).toBe(1);
    expect(editor.cityIds).toHaveLength(2);
    expect(editor.coordinates).toEqual([26.014, 53.133, 19.364, 52.231]);
    expect(editor.tiers).toEqual(['twin']);

    const all = await call<Network>('admin', 'GET', '/api/network?language=en');
    expect(pairsOf(all)).toEqual(['Baranavichy–Kutno', 'Kutno–Lublin']);
    expect(all.cityIds).toHaveLength(3);
    expect(all.countries.sort()).toEqual(['BY', 'PL', 'PL']);

    const kutno = await call<Network>('admin', 'GET', `/api/network?cityId=${city.kutno}`);
    expect(pairsOf(kutno)).toEqual(['Барановичи–Кутно', 'Кутно–Люблин']);
    expect(kutno.withoutCoordinates).toBe(0);
  });

  it('lists the latest changes of the city’s records, newest first, with who made them', async () => {
    const { items } = await call<{ items: ActivityEntry[] }>(
      'editor',
      'GET',
      `/api/activity?cityId=${city.baranovichi}&limit=4`,
    );
    expect(items.map((item) => `${item.action} ${item.recordType}: ${item.label}`)).toEqual([
      'create agreement: Проект меморандума',
      'create agreement: Соглашение о побратимстве Барановичей и Кутно',
      'create visit: Кутно → Барановичи',
      'create visit: Кутно → Барановичи',
    ]);
    expect(items[2]).toMatchObject({ userName: 'editor', date: '2025-09-01' });
    expect(items.map((item) => item.id)).toEqual([...items.map((item) => item.id)].sort((a, b) => b - a));

    // Kutno's viewer sees Novokuznetsk's visit to Kutno, which is not Baranovichi's.
    const kutno = await call<{ items: ActivityEntry[] }>(
      'kutno-viewer',
      'GET',
      `/api/activity?cityId=${city.kutno}&language=en`,
    );
    expect(kutno.items.filter((item) => item.recordType === 'visit').map((item) => item.label)).toEqual([
      'Novokuznetsk → Kutno',
      'Kutno → Baranavichy',
      'Kutno → Baranavichy',
      'Baranavichy → Kutno',
    ]);
    const baranovichi = await call<{ items: ActivityEntry[] }>(
      'editor',
      'GET',
      `/api/activity?cityId=${city.baranovichi}`,
    );
    expect(baranovichi.items.some((item) => item.label.includes('Новокузнецк'))).toBe(false);
  });
});
