import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../db/connect.ts';
import type { Role } from '../db/database.ts';
import { testEngines } from '../db/test-database.ts';
import { buildApp } from '../server/app.ts';
import { insertApiToken } from '../modules/auth/api-token.repository.ts';
import { loadPrincipal } from '../modules/auth/principal.ts';
import { insertTestCity } from '../modules/audit/test-cities.ts';
import { insertDocument } from '../modules/documents/document.repository.ts';
import { contentHash } from '../modules/documents/document.service.ts';
import { canReadDocument } from './document.routes.ts';

const byNumber = (a: number, b: number) => a - b;

describe.each(testEngines())('the document list of each role on $engine', ({ open }) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  const tokens: Record<string, string> = {};
  const userIds: Record<string, number> = {};
  const own: number[] = [];
  const pending: number[] = [];
  const ids = { baranovichi: 0, kuznetsk: 0, library: 0 };

  beforeAll(async () => {
    database = await open();
    app = await buildApp({ database });
    const { db } = database;
    const baranovichi = await insertTestCity(db, 'Барановичи', 'Baranovichi');
    const kuznetsk = await insertTestCity(db, 'Кузнецк', 'Kuznetsk', 'RU');
    const [library, lyceum] = (
      await db
        .insertInto('organization')
        .values([
          { city_id: baranovichi, name: 'Централизованная библиотечная система', kind: 'library' },
          { city_id: kuznetsk, name: 'Лицей № 21', kind: 'lyceum' },
        ])
        .returning('id')
        .execute()
    ).map((row) => row.id) as [number, number];
    Object.assign(ids, { baranovichi, kuznetsk, library });
    let day = 1;
    const store = async (title: string, links: Array<['city' | 'organization', number]>) => {
      // Later documents are published later, so Kuznetsk's, stored last, are the newest.
      const publishedOn = `2025-01-${String(day++).padStart(2, '0')}`;
      const body = `${title}: текст пресс-релиза`;
      const id = (await insertDocument(
        db,
        { kind: 'press_release', title, language: 'ru', body, publishedOn },
        contentHash(body),
      ))!;
      if (links.length > 0) {
        await db
          .insertInto('record_source')
          .values(links.map(([record_type, record_id]) => ({ document_id: id, record_type, record_id })))
          .execute();
      }
      return id;
    };
    for (let i = 0; i < 3; i++) own.push(await store(`Барановичи ${i}`, [['city', baranovichi]]));
    // Linked to Baranovichi through its library only: the library's city makes it Baranovichi's.
    for (let i = 0; i < 2; i++) own.push(await store(`Библиотека ${i}`, [['organization', library]]));
    for (let i = 0; i < 2; i++) pending.push(await store(`На проверке ${i}`, []));
    for (let i = 0; i < 12; i++) {
      await store(`Кузнецк ${i}`, [
        ['city', kuznetsk],
        ['organization', lyceum],
      ]);
    }
    const grants: Array<[string, Role, { city_id?: number; organization_id?: number }]> = [
      ['editor', 'city_editor', { city_id: baranovichi }],
      ['viewer', 'city_viewer', { city_id: baranovichi }],
      ['lyceum', 'org_editor', { organization_id: lyceum }],
      ['admin', 'admin', {}],
    ];
    for (const [who, role, scope] of grants) {
      const user = await db
        .insertInto('app_user')
        .values({ email: `${who}@example.org`, display_name: who })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('user_role')
        .values({ user_id: user.id, role, ...scope })
        .execute();
      userIds[who] = user.id;
      tokens[who] = (await insertApiToken(db, user.id, 'test')).secret;
    }
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const page = async (who: string, query: string) => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/documents?${query}`,
      headers: { authorization: `Bearer ${tokens[who]}` },
    });
    expect(response.statusCode).toBe(200);
    return response.json() as { items: Array<{ id: number; title: string }>; nextCursor: string | null };
  };

  const everyPage = async (who: string) => {
    const ids: number[] = [];
    let cursor: string | null = null;
    do {
      const next = await page(who, `limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(next.items.length === 2 || next.nextCursor === null).toBe(true);
      ids.push(...next.items.map((item) => item.id));
      cursor = next.nextCursor;
    } while (cursor);
    return ids;
  };

  it("gives a city editor a full page of their documents though other cities' are newer and more", async () => {
    const first = await page('editor', 'limit=5');
    expect(first.items).toHaveLength(5);
    expect(first.nextCursor).not.toBeNull();
    const second = await page('editor', `limit=5&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect([...first.items, ...second.items].map((item) => item.id).sort(byNumber)).toEqual(
      [...own, ...pending].sort(byNumber),
    );
    expect(second.nextCursor).toBeNull();
  });

  it('lists to each role exactly the documents it may open, page by page', async () => {
    for (const who of ['editor', 'viewer', 'lyceum', 'admin']) {
      const principal = (await loadPrincipal(database.db, userIds[who]!))!;
      const all = await database.db.selectFrom('document').select('id').execute();
      const readable = [];
      for (const { id } of all) {
        if (await canReadDocument(database.db, principal, id)) readable.push(id);
      }
      expect((await everyPage(who)).sort(byNumber), who).toEqual(readable.sort(byNumber));
    }
    // The viewer sees Baranovichi's documents, not the review queue; the lyceum's editor, an editor too,
    // Kuznetsk's 12 and the queue.
    expect((await everyPage('viewer')).sort(byNumber)).toEqual([...own].sort(byNumber));
    expect(await everyPage('lyceum')).toHaveLength(14);
    expect(await everyPage('admin')).toHaveLength(19);
  });

  it('follows changes of where a document belongs: an organization moving, a link removed or added', async () => {
    const { db } = database;
    const agreesWithOneByOne = async () => {
      for (const who of ['editor', 'viewer', 'lyceum']) {
        const principal = (await loadPrincipal(db, userIds[who]!))!;
        const listed = await everyPage(who);
        for (const { id } of await db.selectFrom('document').select('id').execute()) {
          expect(listed.includes(id), `${who}, document ${id}`).toBe(
            await canReadDocument(db, principal, id),
          );
        }
      }
    };
    const [library0, library1] = own.slice(3);
    // The library moves to Kuznetsk: its two documents go with it, out of Baranovichi's list.
    await db
      .updateTable('organization')
      .set({ city_id: ids.kuznetsk })
      .where('id', '=', ids.library)
      .execute();
    expect(await everyPage('viewer')).not.toContain(library0);
    expect(await everyPage('viewer')).not.toContain(library1);
    await agreesWithOneByOne();
    // A document's only link removed: it is back in the review queue, which editors see and viewers do not.
    await db.deleteFrom('record_source').where('document_id', '=', own[0]!).execute();
    expect(await everyPage('editor')).toContain(own[0]);
    expect(await everyPage('viewer')).not.toContain(own[0]);
    await agreesWithOneByOne();
    // A document of the queue linked to Baranovichi: now the viewer's too.
    await db
      .insertInto('record_source')
      .values({ document_id: pending[0]!, record_type: 'city', record_id: ids.baranovichi })
      .execute();
    expect(await everyPage('viewer')).toContain(pending[0]);
    await agreesWithOneByOne();
  });
});
