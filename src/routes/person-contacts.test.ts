import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportRegistry } from '../reports/exports/export-registry.ts';
import { importRegistry } from '../commands/import-registry.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { testEngines } from '../db/test-database.ts';
import {
  insertReminderTestRegistry,
  type ReminderTestRegistry,
} from '../reports/reminders/reminder-test-registry.ts';
import type { Reminder } from '../reports/reminders/reminder.schema.ts';
import { buildApp } from '../server/app.ts';
import { insertTestAccounts } from '../server/test-accounts.ts';
import type { Person } from '../modules/persons/person.schema.ts';

const nbsp = '\u00a0';

describe.each(testEngines())('contacts and the protocol card on $engine', ({ open }) => {
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
      ['editor', 'city_editor', ids.baranovichi, null],
    ]);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  const post = (url: string, payload: object) =>
    app.inject({ method: 'POST', url, headers: as('editor'), payload });
  const get = (url: string, who = 'editor') => app.inject({ method: 'GET', url, headers: as(who) });

  const kuznetskHead = () => ({
    fullName: 'Соколова Марина Викторовна',
    lastName: 'Соколова',
    firstName: 'Марина',
    patronymic: 'Викторовна',
    cityId: ids.kuznetsk,
    email: 'mayor@kuznetsk.example',
    phones: ['+7 (84157) 3-33-33', '8 800 555-35-35 доб. 12'],
    address: 'пл. Победы, 4',
    salutation: 'Уважаемая Марина Викторовна!',
    birthday: '1971-09-25',
    languages: ['русский', 'немецкий'],
    positions: [
      { title: 'Глава города Кузнецка', cityId: ids.kuznetsk, headsCity: true, startedOn: '2025-09-01' },
    ],
  });
  let head: Person;

  it('keeps a partner head’s contacts, shown back as entered, with the position marked as heading the city', async () => {
    const response = await post('/api/persons', kuznetskHead());
    expect(response.statusCode, response.body).toBe(201);
    head = response.json();
    const shown = (await get(`/api/persons/${head.id}`)).json<Person>();
    expect(shown).toMatchObject({
      email: 'mayor@kuznetsk.example',
      phones: ['+7 (84157) 3-33-33', '8 800 555-35-35 доб. 12'],
      address: 'пл. Победы, 4',
      salutation: 'Уважаемая Марина Викторовна!',
      birthday: '1971-09-25',
      languages: ['русский', 'немецкий'],
    });
    expect(shown.positions).toEqual([expect.objectContaining({ headsCity: true, cityId: ids.kuznetsk })]);
  });

  it('refuses a broken address, a phone that is not one, and a head of nowhere, saying which, and stores nothing', async () => {
    const before = await database.db
      .selectFrom('person')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const cases: Array<[object, string]> = [
      [{ email: 'mayor at kuznetsk' }, 'email'],
      [{ phones: ['позвонить в приёмную'] }, 'phones'],
      [{ phones: ['12-3'] }, 'fewer than five digits'],
      [{ birthday: '1871-01-01' }, 'birthday'],
      [{ positions: [{ title: 'Мэр', headsCity: true }] }, 'head of a city needs'],
    ];
    for (const [change, said] of cases) {
      const response = await post('/api/persons', {
        ...kuznetskHead(),
        fullName: 'Проверка Ввода',
        ...change,
      });
      expect(response.statusCode, JSON.stringify(change)).toBe(400);
      expect(response.body).toContain(said);
    }
    const after = await database.db
      .selectFrom('person')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('gives the card for an address book as a vCard that reads back with every contact', async () => {
    const response = await get(`/api/persons/${head.id}/vcard`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/vcard; charset=utf-8');
    expect(response.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('Соколова Марина Викторовна.vcf')}`,
    );
    const card = new ICAL.Component(ICAL.parse(response.body));
    expect(card.getFirstPropertyValue('fn')).toBe('Соколова Марина Викторовна');
    expect(card.getFirstPropertyValue('n')).toEqual(['Соколова', 'Марина', 'Викторовна', '', '']);
    expect(card.getFirstPropertyValue('title')).toBe('Глава города Кузнецка');
    expect(card.getFirstPropertyValue('org')).toBe('Кузнецк');
    expect(card.getFirstPropertyValue('email')).toBe('mayor@kuznetsk.example');
    expect(card.getAllProperties('tel').map((tel) => tel.getFirstValue())).toEqual([
      '+7 (84157) 3-33-33',
      '8 800 555-35-35 доб. 12',
    ]);
    expect(String(card.getFirstPropertyValue('bday'))).toBe('1971-09-25');
    expect(card.getFirstPropertyValue('note')).toContain('Уважаемая Марина Викторовна!');
    expect(card.getFirstPropertyValue('note')).toContain('немецкий');
    expect((await app.inject({ method: 'GET', url: `/api/persons/${head.id}/vcard` })).statusCode).toBe(401);
  });

  async function reminders(from: string): Promise<Reminder[]> {
    const response = await get(`/api/reminders?cityId=${ids.baranovichi}&from=${from}&days=30`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: Reminder[] }>().items.filter((item) => item.kind.startsWith('head_'));
  }

  it('reminds the office to congratulate a new head and of the head’s birthday', async () => {
    const items = await reminders('2025-09-10');
    expect(items.map((item) => `${item.date} ${item.kind}: ${item.title}`)).toEqual([
      '2025-09-01 head_took_office: Новый глава Кузнецка: Соколова Марина Викторовна',
      '2025-09-25 head_birthday: День рождения: Соколова Марина Викторовна',
    ]);
    expect(items[0]).toMatchObject({ severity: 'warning', partnerCityId: ids.kuznetsk });
    expect(items[0]?.detail).toBe(`Глава города Кузнецка с 1 сентября 2025${nbsp}г.; направить поздравление`);
    expect(items[0]?.records[0]).toEqual({ type: 'person', id: head.id });
    expect(items[1]?.params.person).toEqual({
      id: head.id,
      fullName: 'Соколова Марина Викторовна',
      position: 'Глава города Кузнецка',
      since: '2025-09-01',
    });
    // A month and more after taking office, only the birthday a year on is left.
    expect((await reminders('2026-09-10')).map((item) => item.kind)).toEqual(['head_birthday']);
  });

  it('records a change of head as a new position: the old head is no longer reminded of', async () => {
    const stored = (await get(`/api/persons/${head.id}`)).json<Person>();
    const ended = await app.inject({
      method: 'PATCH',
      url: `/api/persons/${head.id}`,
      headers: as('editor'),
      payload: {
        version: stored.version,
        positions: [{ ...stored.positions[0], id: undefined, endedOn: '2025-10-31' }],
      },
    });
    expect(ended.statusCode, ended.body).toBe(200);
    const successor = await post('/api/persons', {
      fullName: 'Ершов Павел Андреевич',
      cityId: ids.kuznetsk,
      birthday: '1980-11-20',
      positions: [
        { title: 'Глава города Кузнецка', cityId: ids.kuznetsk, headsCity: true, startedOn: '2025-11-01' },
      ],
    });
    expect(successor.statusCode, successor.body).toBe(201);
    const items = await reminders('2025-11-05');
    expect(items.map((item) => `${item.date} ${item.kind}: ${item.title}`)).toEqual([
      '2025-11-01 head_took_office: Новый глава Кузнецка: Ершов Павел Андреевич',
      '2025-11-20 head_birthday: День рождения: Ершов Павел Андреевич',
    ]);
  });

  it('puts the contacts in the people export and carries them through the registry’s export and import', async () => {
    const response = await get('/api/exports/persons.xlsx', 'admin');
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const row = sheet
      .getRows(2, sheet.rowCount - 1)!
      .find((candidate) => candidate.getCell(2).value === 'Соколова Марина Викторовна')!;
    const cell = (name: string) => row.getCell(header.indexOf(name) + 1).value;
    expect(cell('Эл. почта')).toBe('mayor@kuznetsk.example');
    expect(cell('Телефоны')).toBe('+7 (84157) 3-33-33; 8 800 555-35-35 доб. 12');
    expect(cell('Обращение')).toBe('Уважаемая Марина Викторовна!');
    expect(cell('Языки')).toBe('русский; немецкий');

    const exported = await exportRegistry(database.db);
    const copy = await open();
    try {
      await importRegistry(copy.db, exported);
      const again = await exportRegistry(copy.db);
      const sokolova = (document: typeof exported) =>
        document.persons.find((person) => person.fullName === 'Соколова Марина Викторовна');
      expect(sokolova(again)).toEqual(sokolova(exported));
      expect(sokolova(again)?.positions[0]?.headsCity).toBe(true);
    } finally {
      await copy.close();
    }
  });
});
