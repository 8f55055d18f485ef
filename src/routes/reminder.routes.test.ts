import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connect.ts';
import { testEngines } from '../db/test-database.ts';
import { buildApp } from '../server/app.ts';
import { insertTestAccounts } from '../server/test-accounts.ts';
import {
  insertReminderTestRegistry,
  type ReminderTestRegistry,
} from '../reports/reminders/reminder-test-registry.ts';
import type { Reminder, ReminderList } from '../reports/reminders/reminder.schema.ts';
import { listReminders } from '../reports/reminders/reminder.service.ts';

const nbsp = '\u00a0';

describe.each(testEngines())('reminders on $engine', ({ open }) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let ids: ReminderTestRegistry;
  let tokens: Record<string, string>;

  beforeAll(async () => {
    database = await open();
    app = await buildApp({ database });
    ids = await insertReminderTestRegistry(database.db);
    tokens = await insertTestAccounts(database.db, [
      ['admin', 'admin', null, null],
      ['baranovichi', 'city_viewer', ids.baranovichi, null],
      ['penza', 'city_editor', ids.penza, null],
    ]);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  async function remindersOf(who: string, query: string): Promise<ReminderList> {
    const response = await app.inject({
      method: 'GET',
      url: `/api/reminders?${query}`,
      headers: { authorization: `Bearer ${tokens[who]}` },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }
  const summary = (items: Reminder[]) => items.map((item) => `${item.date} ${item.kind}: ${item.title}`);

  it('lists Baranovichi’s reminders for September 2025: overdue first, then by date, in Russian', async () => {
    const list = await remindersOf('baranovichi', `cityId=${ids.baranovichi}&from=2025-09-10&days=30`);
    expect(list.from).toBe('2025-09-10');
    expect(list.to).toBe('2025-10-09');
    expect(summary(list.items)).toEqual([
      '2025-09-09 plan_item_due: Просрочен пункт плана «Обмен выставками детского рисунка»',
      '2025-09-10 partnership_quiet: Нет совместной активности со Смоленском больше двух лет',
      `2025-09-19 twinning_anniversary: 10${nbsp}лет побратимству с Кузнецком`,
      `2025-09-20 jubilee: 245${nbsp}лет со дня основания Кузнецка`,
      '2025-09-20 city_day: День города Кузнецка',
      '2025-09-20 plan_item_due: Пункт плана «Турнир по мини-футболу»',
      '2025-11-30 agreement_ending: Истекает срок действия: «Соглашение о побратимских связях»',
    ]);
    const [overdue] = list.items;
    expect(overdue).toMatchObject({ overdue: true, severity: 'overdue', daysFromStart: -1 });
    expect(overdue?.records).toEqual([
      { type: 'plan_item', id: ids.overduePlanItem },
      { type: 'agreement', id: ids.agreement },
    ]);
    const jubilee = list.items.find((item) => item.kind === 'jubilee');
    expect(jubilee).toMatchObject({ years: 245, cityId: ids.baranovichi, partnerCityId: ids.kuznetsk });
    expect(jubilee?.records).toEqual([
      { type: 'city', id: ids.kuznetsk },
      { type: 'twinning', id: ids.kuznetskTwinning },
    ]);
    // What a Belarusian or English page words it from.
    expect(jubilee?.params).toMatchObject({
      partner: { id: ids.kuznetsk, nameRu: 'Кузнецк', nameEn: 'Kuznetsk', genitive: 'Кузнецка' },
      tier: 'twin',
      foundedYear: 1780,
    });
    const agreement = list.items.find((item) => item.kind === 'agreement_ending');
    expect(agreement?.params).toMatchObject({
      partner: null,
      recordTitle: 'Соглашение о побратимских связях',
    });
    // Penza's agreement and plan item concern Kuznetsk too, but not Baranovichi.
    const recordIds = list.items.flatMap((item) =>
      item.records.map((record) => `${record.type}:${record.id}`),
    );
    expect(recordIds).not.toContain(`agreement:${ids.penzaAgreement}`);
    expect(recordIds).not.toContain(`plan_item:${ids.penzaPlanItem}`);
    expect(recordIds).not.toContain(`plan_item:${ids.donePlanItem}`);
    expect(recordIds).not.toContain(`plan_item:${ids.laterPlanItem}`);
  });

  it('gives each user the cities they may read when no city is named', async () => {
    const penza = await remindersOf('penza', 'from=2025-09-10&days=30');
    expect(new Set(penza.items.map((item) => item.cityId))).toEqual(new Set([ids.penza]));
    expect(summary(penza.items)).toContain(
      `2025-09-25 twinning_anniversary: 25${nbsp}лет побратимству с Кузнецком`,
    );
    expect(
      penza.items.some((item) =>
        item.records.some((r) => r.type === 'agreement' && r.id === ids.penzaAgreement),
      ),
    ).toBe(true);
    const admin = await remindersOf('admin', 'from=2025-09-10&days=30');
    expect(new Set(admin.items.map((item) => item.cityId))).toEqual(new Set([ids.baranovichi, ids.penza]));
    expect(admin.items.filter((item) => item.kind === 'city_day')).toHaveLength(2);
  });

  it('refuses what the asker may not read and input that is wrong, saying why', async () => {
    const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
    const foreign = await app.inject({
      method: 'GET',
      url: `/api/reminders?cityId=${ids.penza}&from=2025-09-10`,
      headers: as('baranovichi'),
    });
    expect(foreign.statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/reminders' })).statusCode).toBe(401);
    const missing = await app.inject({
      method: 'GET',
      url: '/api/reminders?cityId=999999',
      headers: as('admin'),
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe('City 999999 does not exist.');
    const badDate = await app.inject({
      method: 'GET',
      url: '/api/reminders?from=2025-02-30',
      headers: as('admin'),
    });
    expect(badDate.statusCode).toBe(400);
    expect(JSON.stringify(badDate.json().error)).toContain('from');
    const badDays = await app.inject({ method: 'GET', url: '/api/reminders?days=0', headers: as('admin') });
    expect(badDays.statusCode).toBe(400);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const parameters = doc.paths['/api/reminders'].get.parameters.map((p: { name: string }) => p.name);
    expect(parameters).toEqual(expect.arrayContaining(['cityId', 'from', 'days']));
    const params = doc.components.schemas.ReminderParams;
    expect(Object.keys(params.properties)).toEqual(
      expect.arrayContaining(['partner', 'tier', 'foundedYear', 'recordTitle', 'lastActivityOn']),
    );
    expect(doc.components.schemas.Reminder.required).toContain('params');
  });

  it('finds the round jubilee on a window that starts on the day, and none the next year', async () => {
    const today = await listReminders(database.db, 'everything', {
      cityIds: [ids.baranovichi],
      from: '2025-09-20',
      days: 1,
      kinds: ['jubilee', 'city_day'],
    });
    expect(summary(today.items)).toEqual([
      `2025-09-20 jubilee: 245${nbsp}лет со дня основания Кузнецка`,
      '2025-09-20 city_day: День города Кузнецка',
    ]);
    expect(today.items[0]?.daysFromStart).toBe(0);
    const nextYear = await listReminders(database.db, 'everything', {
      cityIds: [ids.baranovichi],
      from: '2026-09-01',
      days: 30,
      kinds: ['jubilee'],
    });
    expect(nextYear.items).toEqual([]);
  });

  it('shows an organization’s editor the agreements of their organization only', async () => {
    const db = database.db;
    const gymnasium = (
      await db
        .insertInto('organization')
        .values({ city_id: ids.baranovichi, name: 'Гимназия № 5 г. Барановичи', kind: 'gymnasium' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const agreement = await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('agreement')
        .values({ kind: 'cooperation', title: 'Договор о партнёрстве гимназии', valid_until: '2025-10-01' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('agreement_party')
        .values([
          { agreement_id: row.id, organization_id: gymnasium },
          { agreement_id: row.id, city_id: ids.kuznetsk },
        ])
        .execute();
      return row.id;
    });
    Object.assign(tokens, await insertTestAccounts(db, [['gymnasium', 'org_editor', null, gymnasium]]));
    const list = await remindersOf('gymnasium', 'from=2025-09-10&days=30');
    expect(summary(list.items)).toEqual([
      '2025-10-01 agreement_ending: Истекает срок действия: «Договор о партнёрстве гимназии»',
    ]);
    expect(list.items[0]?.records).toEqual([{ type: 'agreement', id: agreement }]);
    const city = await remindersOf('baranovichi', `cityId=${ids.baranovichi}&from=2025-09-10&days=30`);
    expect(
      city.items.some((item) => item.records.some((r) => r.type === 'agreement' && r.id === agreement)),
    ).toBe(true);
  });

  it('counts events with an institution taking part and projects of both sides as activity', async () => {
    const db = database.db;
    const quiet = async () =>
      (
        await listReminders(db, 'everything', {
          cityIds: [ids.baranovichi],
          from: '2025-09-10',
          days: 1,
          kinds: ['partnership_quiet'],
        })
      ).items.map((item) => `${item.partnerCityId} ${item.detail}`);
    expect(await quiet()).toEqual([`${ids.smolensk} ни визитов, ни мероприятий, ни проектов в реестре`]);

    const library = (
      await db
        .insertInto('organization')
        .values({ city_id: ids.baranovichi, name: 'Центральная библиотека', kind: 'library' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const event = (
      await db
        .insertInto('event')
        .values({ name: 'Книжная ярмарка', city_id: ids.smolensk, start_date: '2024-05-01' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await db.insertInto('event_participant').values({ event_id: event, organization_id: library }).execute();
    expect(await quiet()).toEqual([]);
    await db.deleteFrom('event').where('id', '=', event).execute();

    const project = await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('project')
        .values({
          title: 'Библиотечный мост',
          status: 'completed',
          started_on: '2021-03-01',
          ended_on: '2022-01-01',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('project_party')
        .values([
          { project_id: row.id, organization_id: library },
          { project_id: row.id, city_id: ids.smolensk },
        ])
        .execute();
      return row.id;
    });
    expect(await quiet()).toEqual([`${ids.smolensk} последняя активность — 1 января 2022${nbsp}г.`]);
    await db
      .updateTable('project')
      .set({ status: 'active', ended_on: null })
      .where('id', '=', project)
      .execute();
    expect(await quiet()).toEqual([]);
  });
});
