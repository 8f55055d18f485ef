import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.ts';
import type { Database } from '../../db/database.ts';
import { testEngines } from '../../db/test-database.ts';
import { listAuditEntriesOfRecord } from '../audit/audit.repository.ts';
import { SYSTEM_ACTOR } from '../audit/audit.schema.ts';
import { insertTestCity } from '../audit/test-cities.ts';
import { createOrganization } from '../organizations/organization.service.ts';
import { findPersonById, findPersonsByFullName } from './person.repository.ts';
import { createPerson, deletePerson, listPersons, updatePerson } from './person.service.ts';

describe.each(testEngines())('persons on $engine', ({ open }) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  let baranovichi: number;
  let committee: number;

  beforeAll(async () => {
    handle = await open();
    db = handle.db;
    baranovichi = await insertTestCity(db, 'Барановичи', 'Baranovichi');
    committee = (
      await createOrganization(db, SYSTEM_ACTOR, { cityId: baranovichi, name: 'Барановичский горисполком' })
    ).id;
  });
  afterAll(() => handle.close());

  it('keeps positions over time, the current one first', async () => {
    const person = await createPerson(db, SYSTEM_ACTOR, {
      fullName: 'Вадим Щербаков',
      firstName: 'Вадим',
      lastName: 'Щербаков',
      cityId: baranovichi,
      positions: [
        {
          title: 'начальник отдела',
          organizationId: committee,
          startedOn: '2015-01-10',
          endedOn: '2019-12-31',
        },
        {
          title: 'заместитель председателя горисполкома',
          organizationId: committee,
          startedOn: '2020-01-01',
        },
      ],
    });
    expect(person.positions.map((position) => position.title)).toEqual([
      'заместитель председателя горисполкома',
      'начальник отдела',
    ]);
    expect((await findPersonsByFullName(db, 'вадим щербаков')).map((found) => found.id)).toEqual([person.id]);
    const page = await listPersons(db, { organizationId: committee });
    expect(page.items.map((found) => found.fullName)).toEqual(['Вадим Щербаков']);
  });

  it('reads the surname from the full name when no parts are given, and lists by surname', async () => {
    const antonyuk = await createPerson(db, SYSTEM_ACTOR, {
      fullName: 'Антонюк Максим Иванович',
      cityId: baranovichi,
    });
    expect(antonyuk).toMatchObject({ firstName: 'Максим', patronymic: 'Иванович', lastName: 'Антонюк' });
    await createPerson(db, SYSTEM_ACTOR, { fullName: 'Яков Белов', cityId: baranovichi });
    const page = await listPersons(db, { cityId: baranovichi });
    expect(page.items.map((found) => found.lastName)).toEqual(['Антонюк', 'Белов', 'Щербаков']);
  });

  it('refuses a position that ends before it starts', async () => {
    await expect(
      createPerson(db, SYSTEM_ACTOR, {
        fullName: 'Максим Антонюк',
        positions: [{ title: 'председатель', startedOn: '2024-01-01', endedOn: '2023-01-01' }],
      }),
    ).rejects.toMatchObject({ code: 'validation_failed', details: [{ path: 'positions.0.endedOn' }] });
  });

  it('refuses a stale update: neither the name nor the positions change', async () => {
    const person = await createPerson(db, SYSTEM_ACTOR, {
      fullName: 'Диана Лугина',
      positions: [{ title: 'певица' }],
    });
    const updated = await updatePerson(db, SYSTEM_ACTOR, person.id, {
      version: 1,
      positions: [{ title: 'солистка' }],
    });
    expect(updated.positions.map((position) => position.title)).toEqual(['солистка']);
    await expect(
      updatePerson(db, SYSTEM_ACTOR, person.id, { version: 1, fullName: 'Д. Лугина', positions: [] }),
    ).rejects.toMatchObject({ code: 'stale_version' });
    expect(await findPersonById(db, person.id)).toEqual(updated);

    await deletePerson(db, SYSTEM_ACTOR, person.id, updated.version);
    const history = await listAuditEntriesOfRecord(db, 'person', person.id);
    expect(history.map((entry) => entry.action)).toEqual(['create', 'update', 'delete']);
    expect(history[2]?.before).toMatchObject({ positions: [{ title: 'солистка' }] });
  });
});
