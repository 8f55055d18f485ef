import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.ts';
import type { Database } from '../../db/database.ts';
import { testEngines } from '../../db/test-database.ts';
import { listAuditEntriesOfRecord } from '../audit/audit.repository.ts';
import { SYSTEM_ACTOR } from '../audit/audit.schema.ts';
import { insertTestCity } from '../audit/test-cities.ts';
import { createPerson } from '../persons/person.service.ts';
import { findEventById } from './event.repository.ts';
import { createEvent, deleteEvent, listEvents, updateEvent } from './event.service.ts';

describe.each(testEngines())('events on $engine', ({ open }) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  let baranovichi: number;
  let kuznetsk: number;

  beforeAll(async () => {
    handle = await open();
    db = handle.db;
    baranovichi = await insertTestCity(db, 'Барановичи', 'Baranovichi');
    kuznetsk = await insertTestCity(db, 'Кузнецк', 'Kuznetsk', 'RU');
  });
  afterAll(() => handle.close());

  it("lists a city's events of a year, earliest first, with who took part", async () => {
    const singer = await createPerson(db, SYSTEM_ACTOR, { fullName: 'Диана Лугина' });
    const cityDay = await createEvent(db, SYSTEM_ACTOR, {
      name: 'День города, 245-летний юбилей Кузнецка',
      kind: 'city_day',
      cityId: kuznetsk,
      startDate: '2025-09-20',
      participants: [
        { cityId: baranovichi, role: 'делегация' },
        { personId: singer.id, role: 'концерт' },
      ],
    });
    await createEvent(db, SYSTEM_ACTOR, {
      name: 'Форум',
      kind: 'forum',
      cityId: kuznetsk,
      startDate: '2025-05-14',
    });
    await createEvent(db, SYSTEM_ACTOR, { name: 'Ярмарка', cityId: kuznetsk, startDate: '2024-05-14' });
    await createEvent(db, SYSTEM_ACTOR, { name: 'Фестиваль', cityId: baranovichi, startDate: '2025-07-01' });

    const page = await listEvents(db, { cityId: kuznetsk, year: 2025 });
    expect(page.items.map((event) => event.name)).toEqual(['Форум', cityDay.name]);
    expect(page.items[1]?.participants.map((participant) => participant.role)).toEqual([
      'делегация',
      'концерт',
    ]);
    await expect(
      createEvent(db, SYSTEM_ACTOR, {
        name: 'Концерт',
        cityId: kuznetsk,
        participants: [{ cityId: baranovichi, personId: singer.id }],
      }),
    ).rejects.toMatchObject({ code: 'validation_failed', details: [{ path: 'participants.0' }] });
  });

  it('refuses a stale update; deleting keeps the audit trail', async () => {
    const event = await createEvent(db, SYSTEM_ACTOR, {
      name: 'Выставка',
      kind: 'exhibition',
      cityId: baranovichi,
    });
    const dated = await updateEvent(db, SYSTEM_ACTOR, event.id, { version: 1, startDate: '2025-10-01' });
    await expect(updateEvent(db, SYSTEM_ACTOR, event.id, { version: 1, name: 'x' })).rejects.toMatchObject({
      code: 'stale_version',
    });
    expect(await findEventById(db, event.id)).toEqual(dated);
    await deleteEvent(db, SYSTEM_ACTOR, event.id, dated.version);
    const history = await listAuditEntriesOfRecord(db, 'event', event.id);
    expect(history.map((entry) => entry.action)).toEqual(['create', 'update', 'delete']);
  });
});
