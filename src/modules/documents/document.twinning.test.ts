import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../db/connect.ts';
import { testEngines } from '../../db/test-database.ts';
import { sharedDir } from '../../shared-dir.ts';
import { buildApp } from '../../server/app.ts';
import { insertTestAccounts } from '../../server/test-accounts.ts';
import { insertTestCity } from '../audit/test-cities.ts';

const SEED_TEXT = readFileSync(sharedDir('seed', '000_99b162f3906cbee7.txt'), 'utf8');

type Draft = {
  cities: Array<{ ref: string; name: string; chosenId: number | null }>;
  twinnings: Array<{ ref: string; cityRefs: [string, string]; status: string; include: boolean }>;
  [list: string]: unknown;
};

for (const engine of testEngines()) {
  describe(`a release naming «город-побратим» on ${engine.engine}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    let tokens: Record<string, string>;
    const ids = { baranovichi: 0, kuznetsk: 0 };
    beforeAll(async () => {
      database = await engine.open();
      app = await buildApp({ database });
      ids.baranovichi = await insertTestCity(database.db, 'Барановичи', 'Baranovichi', 'BY');
      ids.kuznetsk = await insertTestCity(database.db, 'Кузнецк', 'Kuznetsk', 'RU');
      // A city editor of Baranovichi and nobody else: no twinning with Kuznetsk recorded yet.
      tokens = await insertTestAccounts(database.db, [['editor', 'city_editor', ids.baranovichi, null]]);
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
      app.inject({ method, url, headers: { authorization: `Bearer ${tokens.editor}` }, payload });
    const importText = async (text: string) => {
      const response = await call('POST', '/api/documents', {
        text,
        publishedOn: '2025-09-25',
        homeCity: 'Барановичи',
      });
      expect(response.statusCode).toBe(201);
      return response.json() as { document: { id: number }; draft: Draft };
    };
    const twinnings = () => database.db.selectFrom('twinning').selectAll().execute();

    it('proposes the twinning the text states, and accepting creates it before the partner’s institutions', async () => {
      // Two imports of the release (the second with a line more), both drafted before either is accepted.
      const first = await importText(SEED_TEXT);
      const second = await importText(`${SEED_TEXT}\nФото пресс-службы.`);
      const cityName = (draft: Draft, ref: string) => draft.cities.find((c) => c.ref === ref)?.name;
      for (const { draft } of [first, second]) {
        expect(draft.twinnings).toHaveLength(1);
        const [proposal] = draft.twinnings;
        expect(proposal).toMatchObject({ status: 'active', include: true });
        expect(proposal!.cityRefs.map((ref) => cityName(draft, ref))).toEqual(['Барановичи', 'Кузнецк']);
      }

      const accepted = await call('POST', `/api/documents/${first.document.id}/accept`, first.draft);
      expect(accepted.statusCode, accepted.body).toBe(200);
      const records = accepted.json().records as Array<{ type: string; id: number; action: string }>;
      expect(records[0]).toMatchObject({ type: 'twinning', action: 'created' });
      const [twinning] = await twinnings();
      expect(twinning).toMatchObject({
        id: records[0]!.id,
        status: 'active',
        tier: 'twin',
        source: 'document',
      });
      // The editor of Baranovichi could create Kuznetsk's institutions through the new twinning.
      const inKuznetsk = await database.db
        .selectFrom('organization')
        .select('name')
        .where('city_id', '=', ids.kuznetsk)
        .execute();
      expect(inKuznetsk.length).toBeGreaterThan(0);
      const onPage = await call('GET', `/api/cities/${ids.baranovichi}/twinnings`);
      expect(onPage.json()).toEqual([expect.objectContaining({ id: twinning!.id })]);

      // The second draft was made before: accepting it links the twinning, never a second one (its
      // other records, the same as the first's, are left out here: they would be taken names).
      for (const list of ['organizations', 'persons', 'visits', 'agreements', 'projects', 'events'])
        for (const proposal of second.draft[list] as Array<{ include: boolean }>) proposal.include = false;
      const again = await call('POST', `/api/documents/${second.document.id}/accept`, second.draft);
      expect(again.statusCode).toBe(200);
      expect(again.json().records[0]).toMatchObject({ type: 'twinning', id: twinning!.id, action: 'linked' });
      expect(await twinnings()).toHaveLength(1);
    });

    it('proposes nothing once the twinning is recorded', async () => {
      const { draft } = await importText(`${SEED_TEXT}\nФото: пресс-служба горисполкома.`);
      expect(draft.twinnings).toEqual([]);
    });
  });
}
