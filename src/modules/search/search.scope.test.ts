import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.ts';
import type { Database } from '../../db/database.ts';
import { testEngines } from '../../db/test-database.ts';
import { agreementRecord } from '../agreements/agreement.routes.ts';
import { createAgreement } from '../agreements/agreement.service.ts';
import { SYSTEM_ACTOR } from '../audit/audit.schema.ts';
import { insertTestCity } from '../audit/test-cities.ts';
import type { Scope } from '../auth/policy.ts';
import { documentScope } from '../documents/document.routes.ts';
import { linkRecordSource, storeDocument } from '../documents/document.service.ts';
import { eventRecord } from '../events/event.routes.ts';
import { createEvent } from '../events/event.service.ts';
import { organizationRecord } from '../organizations/organization.routes.ts';
import { createOrganization } from '../organizations/organization.service.ts';
import { personRecord } from '../persons/person.routes.ts';
import { createPerson } from '../persons/person.service.ts';
import { visitRecord } from '../visits/visit.routes.ts';
import { createVisit } from '../visits/visit.service.ts';
import { scopesOfHits } from './search.scope.ts';

const sorted = (scope: Scope | 'pending' | undefined) =>
  scope === undefined || scope === 'pending'
    ? scope
    : {
        cityIds: [...scope.cityIds].sort(),
        organizationIds: [...scope.organizationIds].sort(),
        published: scope.published ?? false,
      };

describe.each(testEngines())("search's batched scopes on $engine", ({ open }) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;

  beforeAll(async () => {
    handle = await open();
    db = handle.db;
  });
  afterAll(() => handle.close());

  it('are the scopes the records themselves give, for every kind, published or not', async () => {
    const baranovichi = await insertTestCity(db, 'Барановичи', 'Baranovichi');
    const kuznetsk = await insertTestCity(db, 'Кузнецк', 'Kuznetsk', 'RU');
    const lida = await insertTestCity(db, 'Лида', 'Lida');
    await db.insertInto('home_city').values({ city_id: lida, published: true }).execute();
    const lyceum = await createOrganization(db, SYSTEM_ACTOR, { cityId: kuznetsk, name: 'Лицей № 21' });
    const library = await createOrganization(db, SYSTEM_ACTOR, { cityId: lida, name: 'Библиотека' });
    const person = await createPerson(db, SYSTEM_ACTOR, {
      fullName: 'Вадим Щербаков',
      cityId: baranovichi,
      positions: [{ title: 'директор', organizationId: lyceum.id }],
    });
    const homeless = await createPerson(db, SYSTEM_ACTOR, { fullName: 'Анна Иванова' });
    const visits = [
      await createVisit(db, SYSTEM_ACTOR, {
        fromCityId: baranovichi,
        toCityId: kuznetsk,
        startDate: '2025-09-18',
        endDate: '2025-09-21',
      }),
      await createVisit(db, SYSTEM_ACTOR, {
        fromCityId: lida,
        toCityId: kuznetsk,
        startDate: '2025-10-01',
        endDate: '2025-10-02',
      }),
    ];
    const agreement = await createAgreement(db, SYSTEM_ACTOR, {
      kind: 'cooperation',
      title: 'Соглашение о сотрудничестве',
      parties: [{ cityId: baranovichi }, { organizationId: library.id }],
    });
    const event = await createEvent(db, SYSTEM_ACTOR, {
      name: 'День города',
      kind: 'city_day',
      cityId: kuznetsk,
      participants: [{ organizationId: lyceum.id }, { cityId: baranovichi }],
    });
    const linked = (
      await storeDocument(db, SYSTEM_ACTOR, { title: 'Визит', body: 'Делегация посетила Кузнецк.' })
    ).document;
    const pending = (await storeDocument(db, SYSTEM_ACTOR, { title: 'Письмо', body: 'Текст письма.' }))
      .document;
    await linkRecordSource(db, SYSTEM_ACTOR, {
      documentId: linked.id,
      recordType: 'city',
      recordId: kuznetsk,
    });
    await linkRecordSource(db, SYSTEM_ACTOR, {
      documentId: linked.id,
      recordType: 'organization',
      recordId: library.id,
    });

    const cases = [
      ['visit', visitRecord, visits.map((v) => v.id)],
      ['organization', organizationRecord, [lyceum.id, library.id]],
      ['person', personRecord, [person.id, homeless.id]],
      ['agreement', agreementRecord, [agreement.id]],
      ['event', eventRecord, [event.id]],
    ] as const;
    for (const [kind, definition, ids] of cases) {
      const batch = await scopesOfHits(db, kind, [...ids]);
      for (const id of ids) {
        const record = (await definition.find(db, id))!;
        const own = await (definition.scopeOf as (db: Kysely<Database>, record: unknown) => Promise<Scope>)(
          db,
          record,
        );
        expect(sorted(batch.get(id)), `${kind} ${id}`).toEqual(sorted(own));
      }
    }
    // The second visit and the library are Lida's, which publishes: readable by the public.
    expect((await scopesOfHits(db, 'visit', [visits[1]!.id])).get(visits[1]!.id)?.published).toBe(true);
    const documents = await scopesOfHits(db, 'document', [linked.id, pending.id]);
    expect(sorted(documents.get(linked.id))).toEqual(sorted((await documentScope(db, linked.id)) as Scope));
    expect(documents.get(linked.id)?.cityIds.sort()).toEqual([kuznetsk, lida].sort());
    expect(await documentScope(db, pending.id)).toBe('pending');
    expect(documents.has(pending.id)).toBe(false);
  });
});
