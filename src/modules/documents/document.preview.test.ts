import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../db/connect.ts';
import type { Role } from '../../db/database.ts';
import { testEngines } from '../../db/test-database.ts';
import { AppError } from '../../errors.ts';
import { buildApp } from '../../server/app.ts';
import { sharedDir } from '../../shared-dir.ts';
import { insertApiToken } from '../auth/api-token.repository.ts';
import { PREVIEW_MAX_CHARS, PreviewGate } from './document.preview.ts';

const SEED_TEXT = readFileSync(sharedDir('seed', '000_99b162f3906cbee7.txt'), 'utf8');

type Named = { name: string; chosenId: number | null; matches: Array<{ id: number; confidence: number }> };

for (const engine of testEngines()) {
  describe(`previewing a press release on ${engine.engine}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    const ids = { kuznetsk: 0, lyceum: 0, shcherbakov: 0 };
    const tokens: Record<string, string> = {};

    beforeAll(async () => {
      database = await engine.open();
      app = await buildApp({ database });
      const { db } = database;
      const cities = await db
        .insertInto('city')
        .values([
          {
            id: 630429,
            source: 'geonames',
            name_ru: 'Барановичи',
            name_en: 'Baranovichi',
            country: 'BY',
            search_names: ['барановичи', 'baranovichi'],
          },
          {
            id: 537737,
            source: 'geonames',
            name_ru: 'Кузнецк',
            name_en: 'Kuznetsk',
            country: 'RU',
            search_names: ['кузнецк', 'kuznetsk'],
          },
        ])
        .returning('id')
        .execute();
      const [baranovichi, kuznetsk] = cities.map((c) => c.id) as [number, number];
      ids.kuznetsk = kuznetsk;
      // Kuznetsk is Baranovichi's twin without editors of its own: Baranovichi's staff keep its
      // institutions, which the seed's draft creates.
      await db
        .insertInto('twinning')
        .values({ city_a_id: kuznetsk, city_b_id: baranovichi, status: 'active' })
        .execute();
      ids.lyceum = (
        await db
          .insertInto('organization')
          .values({ city_id: kuznetsk, name: 'Лицей № 21', kind: 'lyceum' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      ids.shcherbakov = (
        await db
          .insertInto('person')
          .values({ full_name: 'Вадим Щербаков', city_id: baranovichi })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      const grants: Array<[string, Role]> = [
        ['editor', 'city_editor'],
        ['viewer', 'city_viewer'],
      ];
      for (const [who, role] of grants) {
        const user = await db
          .insertInto('app_user')
          .values({ email: `${who}@example.org`, display_name: who })
          .returning('id')
          .executeTakeFirstOrThrow();
        await db.insertInto('user_role').values({ user_id: user.id, role, city_id: baranovichi }).execute();
        tokens[who] = (await insertApiToken(db, user.id, 'test')).secret;
      }
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
    const preview = (payload: object, who = 'editor') =>
      app.inject({ method: 'POST', url: '/api/documents/preview', headers: as(who), payload });
    const seed = { text: SEED_TEXT, publishedOn: '2025-09-25', homeCity: 'Барановичи' };
    const count = async (table: 'document' | 'audit_entry' | 'organization' | 'visit') =>
      (
        await database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;

    it('drafts the seed article matched to the registry and stores nothing', async () => {
      const before = { documents: await count('document'), audit: await count('audit_entry') };
      const response = await preview(seed);
      expect(response.statusCode).toBe(200);
      const { draft, extraction, duplicateOf } = response.json();
      expect(duplicateOf).toBeNull();
      const chosen = (list: Named[], name: string) => list.find((item) => item.name === name)?.chosenId;
      expect(chosen(draft.cities, 'Кузнецк')).toBe(ids.kuznetsk);
      expect(chosen(draft.organizations, 'лицей № 21')).toBe(ids.lyceum);
      expect(chosen(draft.organizations, 'гимназия № 5')).toBeNull();
      expect(chosen(draft.persons, 'Вадим Щербаков')).toBe(ids.shcherbakov);
      expect(draft.visits[0]).toMatchObject({ start: '2025-09-18', end: '2025-09-21', kind: 'working' });
      // The evidence points into the text as sent: the span of Щербаков reads his name.
      const person = extraction.persons.find((p: { name: string }) => p.name === 'Вадим Щербаков');
      expect(SEED_TEXT.slice(person.span[0], person.span[1])).toBe('Вадимом Щербаковым');
      expect({ documents: await count('document'), audit: await count('audit_entry') }).toEqual(before);
    });

    it('lets only editors preview', async () => {
      expect((await preview(seed, 'viewer')).statusCode).toBe(403);
      const anonymous = await app.inject({ method: 'POST', url: '/api/documents/preview', payload: seed });
      expect(anonymous.statusCode).toBe(401);
    });

    it('names the field that is wrong: an empty text, a text too long, a bad date', async () => {
      const empty = await preview({ text: '' });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().error.details).toContainEqual(expect.objectContaining({ path: 'body.text' }));
      const long = await preview({ text: 'а'.repeat(PREVIEW_MAX_CHARS + 1) });
      expect(long.statusCode).toBe(400);
      expect(long.json().error.message).toContain('without a preview');
      const date = await preview({ ...seed, publishedOn: '2025-02-30' });
      expect(date.statusCode).toBe(400);
      expect(date.json().error.details).toContainEqual(expect.objectContaining({ path: 'body.publishedOn' }));
    });

    it('recognizes a text stored before, then accepted, and shows the facts it was imported with', async () => {
      const imported = await app.inject({
        method: 'POST',
        url: '/api/documents',
        headers: as('editor'),
        payload: seed,
      });
      expect(imported.statusCode).toBe(201);
      const { document, draft } = imported.json();
      // The same text with Windows line endings and a trailing blank line is the same document.
      const again = await preview({ text: `${SEED_TEXT.replace(/\n/g, '\r\n')}\r\n` });
      expect(again.json().duplicateOf).toEqual({ id: document.id, title: document.title, accepted: false });
      expect(again.json().draft.visits[0].start).toBe('2025-09-18');
      const accepted = await app.inject({
        method: 'POST',
        url: `/api/documents/${document.id}/accept`,
        headers: as('editor'),
        payload: draft,
      });
      expect(accepted.statusCode).toBe(200);
      expect((await preview(seed)).json().duplicateOf).toMatchObject({ id: document.id, accepted: true });
      expect(await count('document')).toBe(1);
    });
  });
}

describe('the preview gate', () => {
  it('refuses a user a fourth preview while three run, and lets others and later ones through', async () => {
    const gate = new PreviewGate(3);
    const release: Array<() => void> = [];
    const held = () =>
      gate.run(1, () => new Promise<string>((resolve) => release.push(() => resolve('done'))));
    const running = [held(), held(), held()];
    await expect(gate.run(1, async () => 'more')).rejects.toMatchObject({
      code: 'rate_limited',
      status: 429,
    });
    await expect(gate.run(2, async () => 'someone else')).resolves.toBe('someone else');
    for (const done of release) done();
    await expect(Promise.all(running)).resolves.toEqual(['done', 'done', 'done']);
    await expect(gate.run(1, async () => 'later')).resolves.toBe('later');
    await expect(gate.run(1, async () => Promise.reject(new AppError('conflict', 'x')))).rejects.toThrow('x');
    await expect(gate.run(1, async () => 'after a failure')).resolves.toBe('after a failure');
  });
});
