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
import { createPlanItem } from '../plans/plan-item.service.ts';
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
    const visit = await createVisit(db, SYSTEM_ACTOR, {
      fromCityId: from,
      toCityId: to,
      startDate: '2025-09-18',
      endDate: '2025-09-21',
    });
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

    const details = await getVisitDetails(db, visit.id);
    expect(details.agreementsSigned.map((signed) => signed.title)).toEqual(['План совместных мероприятий']);
    expect(details.events.map((event) => event.name)).toEqual(['День города']);
    expect(details.sources.map((source) => source.documentId)).toEqual([document.id]);

    const withPlan = await getAgreementDetails(db, agreement.id);
    expect(withPlan.planItems.map((item) => item.title)).toEqual(['Обмен школьниками']);
    await expect(getVisitDetails(db, 999_999)).rejects.toMatchObject({ code: 'not_found' });
  });
});
