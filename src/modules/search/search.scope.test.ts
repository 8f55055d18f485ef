import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.ts';
import type { Database } from '../../db/database.ts';
import { testEngines } from '../../db/test-database.ts';
import { SYSTEM_ACTOR } from '../audit/audit.schema.ts';
import { insertTestCity } from '../audit/test-cities.ts';
import type { Scope } from '../auth/policy.ts';
import { documentScope } from '../documents/document.routes.ts';
import { linkRecordSource, storeDocument } from '../documents/document.service.ts';
import { createOrganization } from '../organizations/organization.service.ts';
import { scopesOfHits } from './search.scope.ts';

const sorted = (scope: Scope | 'pending' | undefined) =>
  scope === undefined || scope === 'pending'
    ? scope
    : {
        cityIds: [...scope.cityIds].sort(),
        organizationIds: [...scope.organizationIds].sort(),
        published: scope.published ?? false,
      };

describe.each(testEngines())("search's batched document scopes on $engine", ({ open }) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;

  beforeAll(async () => {
    handle = await open();
    db = handle.db;
  });
  afterAll(() => handle.close());

  it('are the scopes the documents themselves give; a pending one has none', async () => {
    const kuznetsk = await insertTestCity(db, 'Кузнецк', 'Kuznetsk', 'RU');
    const lida = await insertTestCity(db, 'Лида', 'Lida');
    await db.insertInto('home_city').values({ city_id: lida, published: true }).execute();
    const library = await createOrganization(db, SYSTEM_ACTOR, { cityId: lida, name: 'Библиотека' });
    const store = async (title: string, body: string) =>
      (await storeDocument(db, SYSTEM_ACTOR, { title, body })).document;
    const linked = await store('Визит', 'Делегация посетила Кузнецк.');
    const byLibrary = await store('Книги', 'Библиотека получила книги.');
    const pending = await store('Письмо', 'Текст письма.');
    const links = [
      [linked.id, 'city', kuznetsk],
      [linked.id, 'organization', library.id],
      [byLibrary.id, 'organization', library.id],
    ] as const;
    for (const [documentId, recordType, recordId] of links) {
      await linkRecordSource(db, SYSTEM_ACTOR, { documentId, recordType, recordId });
    }

    const scopes = await scopesOfHits(db, 'document', [linked.id, byLibrary.id, pending.id]);
    for (const id of [linked.id, byLibrary.id]) {
      expect(sorted(scopes.get(id)), `document ${id}`).toEqual(sorted(await documentScope(db, id)));
    }
    // The library's city joins the cities; documents are never public, even of a publishing city.
    expect(sorted(scopes.get(linked.id))).toEqual({
      cityIds: [kuznetsk, lida].sort(),
      organizationIds: [library.id],
      published: false,
    });
    expect(await documentScope(db, pending.id)).toBe('pending');
    expect(scopes.has(pending.id)).toBe(false);
    await expect(scopesOfHits(db, 'visit', [1])).rejects.toThrow(/in its query/);
  });
});
