import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.ts';
import type { Database } from '../../db/database.ts';
import { testEngines } from '../../db/test-database.ts';
import { getAgreementDetails } from '../agreements/agreement-details.service.ts';
import { createAgreement } from '../agreements/agreement.service.ts';
import { SYSTEM_ACTOR } from '../audit/audit.schema.ts';
import { insertTestCity } from '../audit/test-cities.ts';
import { linkRecordSource, storeDocument } from '../documents/document.service.ts';
import { createEvent } from '../events/event.service.ts';
import type { Scope } from '../auth/policy.ts';
import { createPerson } from '../persons/person.service.ts';
import { createPlanItem } from '../plans/plan-item.service.ts';
import { createProgramItem } from '../visit-program/program-item.service.ts';
import { getVisitDetails } from './visit-details.service.ts';
import { createVisit } from './visit.service.ts';

describe.each(testEngines())('a visit and an agreement with their relations on $engine', ({ open }) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;

  beforeAll(async () => {
    handle = await open();
    db = handle.db;
  });
  afterAll(() => handle.close());

  it('shows the agreements signed at a visit, its events, its sources; and an agreement with its plan', async () => {
    const from = await insertTestCity(db, 'Барановичи', 'Baranovichi');
    const to = await insertTestCity(db, 'Кузнецк', 'Kuznetsk', 'RU');
    const head = await createPerson(db, SYSTEM_ACTOR, { fullName: 'Щербаков Вадим Николаевич' });
    const singer = await createPerson(db, SYSTEM_ACTOR, { fullName: 'Иванова Анна Сергеевна' });
    const visit = await createVisit(db, SYSTEM_ACTOR, {
      fromCityId: from,
      toCityId: to,
      startDate: '2025-09-18',
      endDate: '2025-09-21',
      members: [
        { personId: singer.id, role: 'солистка' },
        { personId: head.id, role: 'руководитель делегации' },
      ],
    });
    for (const [position, title] of [
      [2, 'Концерт'],
      [1, 'Встреча с главой администрации'],
    ] as const) {
      await createProgramItem(db, SYSTEM_ACTOR, {
        visitId: visit.id,
        kind: 'meeting',
        title,
        day: null,
        organizationId: null,
        eventId: null,
        agreementId: null,
        position,
      });
    }
    const agreement = await createAgreement(db, SYSTEM_ACTOR, {
      kind: 'plan',
      title: 'План совместных мероприятий',
      signedAtVisitId: visit.id,
      parties: [{ cityId: from }, { cityId: to }],
    });
    await createEvent(db, SYSTEM_ACTOR, {
      name: 'День города',
      kind: 'city_day',
      cityId: to,
      visitId: visit.id,
    });
    const { document } = await storeDocument(db, SYSTEM_ACTOR, {
      title: 'Визит',
      body: 'Делегация посетила Кузнецк.',
    });
    await linkRecordSource(db, SYSTEM_ACTOR, {
      documentId: document.id,
      recordType: 'visit',
      recordId: visit.id,
    });
    await createPlanItem(db, SYSTEM_ACTOR, {
      agreementId: agreement.id,
      title: 'Обмен школьниками',
      dueOn: '2026-05-01',
    });

    const scopes: Scope[] = [];
    const details = await getVisitDetails(db, visit.id, {
      authorizeRead: (scope) => scopes.push(scope),
      filter: { everything: true },
      signedIn: true,
    });
    expect(scopes).toEqual([{ cityIds: [from, to], organizationIds: [], published: false }]);
    expect(details.members).toEqual(
      [
        { personId: singer.id, role: 'солистка' },
        { personId: head.id, role: 'руководитель делегации' },
      ].sort((a, b) => a.personId - b.personId),
    );
    expect(details.delegation.map((member) => [member.fullName, member.role]).sort()).toEqual([
      ['Иванова Анна Сергеевна', 'солистка'],
      ['Щербаков Вадим Николаевич', 'руководитель делегации'],
    ]);
    expect(details.program.map((item) => item.title)).toEqual(['Встреча с главой администрации', 'Концерт']);
    expect(details.agreementsSigned[0]?.parties.map((party) => party.name).sort()).toEqual([
      'Барановичи',
      'Кузнецк',
    ]);
    expect(details.agreementsSigned.map((signed) => signed.title)).toEqual(['План совместных мероприятий']);
    expect(details.events.map((event) => event.name)).toEqual(['День города']);
    expect(details.sources.map((source) => source.documentId)).toEqual([document.id]);

    const withPlan = await getAgreementDetails(db, agreement.id);
    expect(withPlan.planItems.map((item) => item.title)).toEqual(['Обмен школьниками']);
    await expect(getVisitDetails(db, 999_999)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('says a visit is published when one of its cities publishes, and reads nothing more when refused', async () => {
    const from = await insertTestCity(db, 'Пинск', 'Pinsk');
    const to = await insertTestCity(db, 'Пенза', 'Penza', 'RU');
    await db.insertInto('home_city').values({ city_id: to, published: true }).execute();
    const visit = await createVisit(db, SYSTEM_ACTOR, {
      fromCityId: from,
      toCityId: to,
      startDate: '2024-05-01',
      endDate: '2024-05-03',
    });
    const refused = new Error('refused');
    const scopes: Scope[] = [];
    await expect(
      getVisitDetails(db, visit.id, {
        authorizeRead: (scope) => {
          scopes.push(scope);
          throw refused;
        },
        filter: { everything: true },
        signedIn: true,
      }),
    ).rejects.toBe(refused);
    expect(scopes).toEqual([{ cityIds: [from, to], organizationIds: [], published: true }]);
  });
});
