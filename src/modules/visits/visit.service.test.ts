import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.ts';
import type { Database } from '../../db/database.ts';
import { testEngines } from '../../db/test-database.ts';
import { SYSTEM_ACTOR } from '../audit/audit.schema.ts';
import { encodeCursor } from '../audit/cursor-page.ts';
import { insertTestCity } from '../audit/test-cities.ts';
import { createPerson } from '../persons/person.service.ts';
import { findVisitById } from './visit.repository.ts';
import { createVisit, deleteVisit, listVisits, updateVisit } from './visit.service.ts';

describe.each(testEngines())('visits on $engine', ({ open }) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  let baranovichi: number;
  let kuznetsk: number;
  let head: number;

  beforeAll(async () => {
    handle = await open();
    db = handle.db;
    baranovichi = await insertTestCity(db, 'Барановичи', 'Baranovichi');
    kuznetsk = await insertTestCity(db, 'Кузнецк', 'Kuznetsk', 'RU');
    head = (await createPerson(db, SYSTEM_ACTOR, { fullName: 'Вадим Щербаков' })).id;
  });
  afterAll(() => handle.close());

  const trip = (from: number, to: number, startDate: string, endDate: string) => ({
    fromCityId: from,
    toCityId: to,
    startDate,
    endDate,
    kind: 'working',
  });

  it("lists a city's visits by year and direction, latest first, page by page", async () => {
    const september = await createVisit(db, SYSTEM_ACTOR, {
      ...trip(baranovichi, kuznetsk, '2025-09-18', '2025-09-21'),
      headPersonId: head,
      members: [{ personId: head, role: 'руководитель делегации' }],
    });
    await createVisit(db, SYSTEM_ACTOR, trip(baranovichi, kuznetsk, '2025-03-01', '2025-03-02'));
    await createVisit(db, SYSTEM_ACTOR, trip(kuznetsk, baranovichi, '2025-07-02', '2025-07-03'));
    await createVisit(db, SYSTEM_ACTOR, trip(baranovichi, kuznetsk, '2024-12-30', '2025-01-02'));
    // Ends on New Year's Eve: 2024's, not 2025's.
    await createVisit(db, SYSTEM_ACTOR, trip(baranovichi, kuznetsk, '2024-12-28', '2024-12-31'));
    await createVisit(db, SYSTEM_ACTOR, trip(baranovichi, kuznetsk, '2023-05-05', '2023-05-06'));

    const outgoing2025 = await listVisits(db, {
      cityId: baranovichi,
      direction: 'outgoing',
      year: 2025,
      limit: 2,
    });
    expect(outgoing2025.items.map((visit) => visit.startDate)).toEqual(['2025-09-18', '2025-03-01']);
    const rest = await listVisits(db, {
      cityId: baranovichi,
      direction: 'outgoing',
      year: 2025,
      limit: 2,
      cursor: outgoing2025.nextCursor,
    });
    expect(rest.items.map((visit) => visit.startDate)).toEqual(['2024-12-30']);
    expect(rest.nextCursor).toBeNull();
    // A forged cursor (the right length, the wrong types) is bad input, not a database error.
    const forgedCursors = [
      encodeCursor({ sort: 'startDate', order: 'desc', after: ['not a date', '1'] }),
      encodeCursor({ sort: 'startDate', order: 'desc', after: ['2025-01-01', String(2 ** 40)] }),
      encodeCursor({ sort: 'startDate', order: 'desc', after: ['2025-02-31', '1'] }),
      'Zm9v',
    ];
    for (const forged of forgedCursors) {
      await expect(listVisits(db, { cursor: forged })).rejects.toMatchObject({ code: 'validation_failed' });
    }

    const incoming = await listVisits(db, { cityId: baranovichi, direction: 'incoming' });
    expect(incoming.items.map((visit) => visit.startDate)).toEqual(['2025-07-02']);
    const headed = await listVisits(db, { personId: head });
    expect(headed.items).toEqual([september]);
    expect(september.members).toEqual([{ personId: head, role: 'руководитель делегации' }]);
  });

  it('refuses a visit that ends before it starts, with the field named', async () => {
    await expect(
      createVisit(db, SYSTEM_ACTOR, trip(baranovichi, kuznetsk, '2025-09-21', '2025-09-18')),
    ).rejects.toMatchObject({ code: 'validation_failed', details: [{ path: 'endDate' }] });
    const visit = await createVisit(
      db,
      SYSTEM_ACTOR,
      trip(kuznetsk, baranovichi, '2022-01-10', '2022-01-11'),
    );
    await expect(
      updateVisit(db, SYSTEM_ACTOR, visit.id, { version: 1, endDate: '2022-01-01' }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    expect(await findVisitById(db, visit.id)).toEqual(visit);
  });

  it('keeps arrival and departure times on the host clock and refuses a one-day visit ending before it starts', async () => {
    const visit = await createVisit(db, SYSTEM_ACTOR, {
      ...trip(baranovichi, kuznetsk, '2020-09-18', '2020-09-18'),
      startTime: '10:00',
      endTime: '18:30',
    });
    expect(await findVisitById(db, visit.id)).toMatchObject({ startTime: '10:00', endTime: '18:30' });
    await expect(
      createVisit(db, SYSTEM_ACTOR, {
        ...trip(baranovichi, kuznetsk, '2020-10-01', '2020-10-01'),
        startTime: '25:00',
      }),
    ).rejects.toMatchObject({ code: 'validation_failed', details: [{ path: 'startTime' }] });
    await expect(
      createVisit(db, SYSTEM_ACTOR, {
        ...trip(baranovichi, kuznetsk, '2020-10-01', '2020-10-01'),
        startTime: '12:00',
        endTime: '09:00',
      }),
    ).rejects.toMatchObject({ code: 'validation_failed', details: [{ path: 'endTime' }] });
    // An update checked against the stored start time: the database's constraint refuses it.
    await expect(
      updateVisit(db, SYSTEM_ACTOR, visit.id, { version: visit.version, endTime: '09:00' }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    expect(await findVisitById(db, visit.id)).toEqual(visit);
  });

  it('refuses a stale update and keeps the delegation as it was', async () => {
    const visit = await createVisit(db, SYSTEM_ACTOR, {
      ...trip(kuznetsk, baranovichi, '2021-06-01', '2021-06-03'),
      members: [{ personId: head }],
    });
    const edited = await updateVisit(db, SYSTEM_ACTOR, visit.id, {
      version: 1,
      outcomes: 'подписан протокол',
    });
    await expect(updateVisit(db, SYSTEM_ACTOR, visit.id, { version: 1, members: [] })).rejects.toMatchObject({
      code: 'stale_version',
    });
    expect(await findVisitById(db, visit.id)).toEqual(edited);
    await deleteVisit(db, SYSTEM_ACTOR, visit.id, edited.version);
    expect(await findVisitById(db, visit.id)).toBeUndefined();
  });
});
