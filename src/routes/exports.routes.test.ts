import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registryExportSchema } from '../reports/exports/export-registry.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { testEngines } from '../db/test-database.ts';
import { createAgreement } from '../modules/agreements/agreement.service.ts';
import { SYSTEM_ACTOR } from '../modules/audit/audit.schema.ts';
import { insertTestCity } from '../modules/audit/test-cities.ts';
import { linkRecordSource, storeDocument } from '../modules/documents/document.service.ts';
import { createOrganization } from '../modules/organizations/organization.service.ts';
import { createPerson } from '../modules/persons/person.service.ts';
import { createPlanItem } from '../modules/plans/plan-item.service.ts';
import { createTwinning } from '../modules/twinnings/twinning.service.ts';
import { createVisit } from '../modules/visits/visit.service.ts';
import { buildApp } from '../server/app.ts';
import { insertTestAccounts } from '../server/test-accounts.ts';
import { EXPORT_KINDS } from '../reports/exports/export-kinds.ts';

type Who = 'admin' | 'baranovichiViewer' | 'public';

/** A purpose with everything CSV must quote: the separator, quotes and a line break. */
const AWKWARD = 'Обмен опытом; «Кузнецкий "Арсенал"»\nи концерт';

describe.each(testEngines())('exports on $engine', ({ open }) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  const city = { baranovichi: 0, kuznetsk: 0, minsk: 0, brest: 0 };
  const tokens = {} as Record<Who, string | null>;

  beforeAll(async () => {
    database = await open();
    app = await buildApp({ database });
    const { db } = database;
    city.baranovichi = await insertTestCity(db, 'Барановичи', 'Baranovichi');
    city.kuznetsk = await insertTestCity(db, 'Кузнецк', 'Kuznetsk', 'RU');
    city.minsk = await insertTestCity(db, 'Минск', 'Minsk');
    city.brest = await insertTestCity(db, 'Брест', 'Brest');
    const head = await createPerson(db, SYSTEM_ACTOR, {
      fullName: 'Вадим Щербаков',
      cityId: city.baranovichi,
    });
    await createVisit(db, SYSTEM_ACTOR, {
      fromCityId: city.baranovichi,
      toCityId: city.kuznetsk,
      startDate: '2025-09-18',
      endDate: '2025-09-21',
      kind: 'working',
      headPersonId: head.id,
      purpose: AWKWARD,
      members: [{ personId: head.id, role: 'руководитель делегации' }],
    });
    await createVisit(db, SYSTEM_ACTOR, {
      fromCityId: city.kuznetsk,
      toCityId: city.baranovichi,
      startDate: '2024-05-10',
      endDate: '2024-05-12',
    });
    // Minsk's and Brest's own business: no Baranovichi viewer may see it.
    await createVisit(db, SYSTEM_ACTOR, {
      fromCityId: city.minsk,
      toCityId: city.brest,
      startDate: '2025-03-01',
      endDate: '2025-03-02',
      purpose: 'Закрытая встреча',
    });
    const gymnasium = await createOrganization(db, SYSTEM_ACTOR, {
      cityId: city.baranovichi,
      name: 'гимназия № 5',
      kind: 'gymnasium',
    });
    const lyceum = await createOrganization(db, SYSTEM_ACTOR, { cityId: city.kuznetsk, name: 'лицей № 21' });
    await createOrganization(db, SYSTEM_ACTOR, { cityId: city.minsk, name: 'Минский тракторный завод' });
    const agreement = await createAgreement(db, SYSTEM_ACTOR, {
      kind: 'cooperation',
      title: 'Договор о сотрудничестве гимназии и лицея',
      signedOn: '2025-09-19',
      parties: [{ organizationId: gymnasium.id }, { organizationId: lyceum.id }],
    });
    await createPlanItem(db, SYSTEM_ACTOR, {
      agreementId: agreement.id,
      title: 'Обмен учащимися',
      dueOn: '2026-05-01',
      responsibleOrganizationId: gymnasium.id,
    });
    await createTwinning(db, SYSTEM_ACTOR, {
      cityIds: [city.baranovichi, city.kuznetsk],
      establishedYear: 2019,
    });
    Object.assign(
      tokens,
      await insertTestAccounts(db, [
        ['admin', 'admin', null, null],
        ['baranovichiViewer', 'city_viewer', city.baranovichi, null],
      ]),
    );
    tokens.public = null;
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  function get(who: Who, url: string) {
    const headers = tokens[who] ? { authorization: `Bearer ${tokens[who]}` } : {};
    return app.inject({ method: 'GET', url, headers });
  }

  async function readSheet(body: Buffer) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    expect(workbook.worksheets).toHaveLength(1);
    return workbook.worksheets[0]!;
  }

  it('writes CSV for Excel in Russian: BOM, «;», CRLF, quoted awkward text, dates ДД.ММ.ГГГГ', async () => {
    const response = await get('admin', `/api/exports/visits.csv?year=2025&cityId=${city.baranovichi}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const bytes = response.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8');
    const [header, ...rest] = csv.split('\r\n');
    expect(header).toBe(
      'ID;Начало;Окончание;Откуда;Куда;Вид визита;Статус;Глава делегации;Должность главы делегации;' +
        'Состав делегации;Цель;Итоги',
    );
    // The field with «;», quotes and a line break is quoted, its quotes doubled, its line break kept.
    expect(rest.join('\r\n')).toContain('"Обмен опытом; «Кузнецкий ""Арсенал""»\nи концерт"');
    expect(rest.join('\r\n')).toContain(';18.09.2025;21.09.2025;Барановичи;Кузнецк;рабочий;');
    expect(csv.endsWith('\r\n')).toBe(true);

    const rows = parse(bytes, { bom: true, delimiter: ';', relax_column_count: false }) as string[][];
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual([
      expect.stringMatching(/^\d+$/),
      '18.09.2025',
      '21.09.2025',
      'Барановичи',
      'Кузнецк',
      'рабочий',
      'состоялся',
      'Вадим Щербаков',
      '',
      'Вадим Щербаков, руководитель делегации',
      AWKWARD,
      '',
    ]);
  });

  it('names the file in Russian, safely for every browser (RFC 5987)', async () => {
    const response = await get('admin', '/api/exports/visits.xlsx');
    const disposition = String(response.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="visits-\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''/);
    const encoded = disposition.split("UTF-8''")[1]!;
    expect(encoded).toMatch(/^[A-Za-z0-9%._-]+$/);
    expect(decodeURIComponent(encoded)).toMatch(/^Визиты \d{4}-\d{2}-\d{2}\.xlsx$/);
  });

  it('writes XLSX with a bold frozen header, an autofilter, real dates, and the list filter applied', async () => {
    const response = await get('admin', '/api/exports/visits.xlsx?year=2025');
    expect(response.statusCode).toBe(200);
    const sheet = await readSheet(response.rawPayload);
    expect(sheet.name).toBe('Визиты');
    expect(sheet.getRow(1).getCell(2).value).toBe('Начало');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    // Only the visits of 2025 (two of the three), latest first as the list shows them.
    expect(sheet.rowCount).toBe(3);
    const start = sheet.getRow(2).getCell(2);
    expect(start.value).toBeInstanceOf(Date);
    expect((start.value as Date).toISOString()).toBe('2025-09-18T00:00:00.000Z');
    expect(start.numFmt).toBe('DD.MM.YYYY');
    expect(sheet.getRow(3).getCell(4).value).toBe('Минск');
    expect(sheet.getColumn(11).width).toBeGreaterThan(20);
    expect(sheet.getRow(2).getCell(11).value).toBe(AWKWARD);

    // The list's order parameter carries over too: earliest first.
    const ascending = await readSheet((await get('admin', '/api/exports/visits.xlsx?order=asc')).rawPayload);
    expect((ascending.getRow(2).getCell(2).value as Date).toISOString()).toBe('2024-05-10T00:00:00.000Z');
  });

  it("gives a city viewer only what they may read: no other city's private rows", async () => {
    const visits = (await get('baranovichiViewer', '/api/exports/visits.csv')).rawPayload.toString('utf8');
    expect(visits).toContain('Кузнецк');
    expect(visits).not.toContain('Минск');
    expect(visits).not.toContain('Закрытая встреча');
    const organizations = await readSheet(
      (await get('baranovichiViewer', '/api/exports/organizations.xlsx')).rawPayload,
    );
    const names = organizations.getColumn(2).values.slice(2);
    expect(names).toContain('гимназия № 5');
    expect(names).not.toContain('Минский тракторный завод');
    const all = (await get('admin', '/api/exports/organizations.csv')).rawPayload.toString('utf8');
    expect(all).toContain('Минский тракторный завод');

    // Documents by the records they sourced: Baranovichi's, not Minsk's, and no unreviewed one.
    const { db } = database;
    const store = async (title: string, cityId: number | null) => {
      const { document } = await storeDocument(db, SYSTEM_ACTOR, { title, body: `${title}: текст.` });
      if (cityId !== null)
        await linkRecordSource(db, SYSTEM_ACTOR, {
          documentId: document.id,
          recordType: 'city',
          recordId: cityId,
        });
    };
    await store('Пресс-релиз Барановичей', city.baranovichi);
    await store('Пресс-релиз Минска', city.minsk);
    await store('Непроверенный текст', null);
    const documents = (await get('baranovichiViewer', '/api/exports/documents.csv')).rawPayload.toString(
      'utf8',
    );
    expect(documents).toContain('Пресс-релиз Барановичей');
    expect(documents).not.toContain('Пресс-релиз Минска');
    expect(documents).not.toContain('Непроверенный текст');
    const every = (await get('admin', '/api/exports/documents.csv')).rawPayload.toString('utf8');
    expect(every).toContain('Пресс-релиз Минска');
  });

  it("lists the registry's cities: the twin network the asker may read, with what users entered", async () => {
    await database.db
      .updateTable('city')
      .set({ founded_year: 1780, city_day: '--09-16' })
      .where('id', '=', city.kuznetsk)
      .execute();
    const rows = (who: Who) =>
      get(who, '/api/exports/cities.csv').then(
        (response) => parse(response.rawPayload, { bom: true, delimiter: ';' }) as string[][],
      );
    const viewer = await rows('baranovichiViewer');
    expect(viewer.map((row) => row[1])).toEqual(['Название', 'Барановичи', 'Кузнецк']);
    expect(viewer[2]!.slice(4, 10)).toEqual(['RU', '', 'Барановичи', '', '1780', '16.09']);
    // Places users added, twinned or not, are the administrator's to see.
    expect((await rows('admin')).map((row) => row[1])).toEqual([
      'Название',
      'Барановичи',
      'Брест',
      'Кузнецк',
      'Минск',
    ]);
    const russian = await get('admin', '/api/exports/cities.csv?country=ru');
    expect(russian.rawPayload.toString('utf8')).not.toContain('Минск');
  });

  it('refuses strangers, non-administrators the accounts, and a bad filter', async () => {
    expect((await get('public', '/api/exports/visits.csv')).statusCode).toBe(401);
    expect((await get('baranovichiViewer', '/api/exports/users.xlsx')).statusCode).toBe(403);
    expect((await get('baranovichiViewer', '/api/export.json')).statusCode).toBe(403);
    const bad = await get('admin', '/api/exports/visits.csv?year=двадцать');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    expect((await get('admin', '/api/exports/twinnings.csv')).statusCode).toBe(400);
  });

  it('exports every list in both formats, with names instead of ids', async () => {
    for (const kind of EXPORT_KINDS) {
      const query = kind.kind === 'twinnings' ? `?cityId=${city.baranovichi}` : '';
      const csv = await get('admin', `/api/exports/${kind.kind}.csv${query}`);
      expect(csv.statusCode, kind.kind).toBe(200);
      const xlsx = await get('admin', `/api/exports/${kind.kind}.xlsx${query}`);
      expect(xlsx.statusCode, kind.kind).toBe(200);
      const sheet = await readSheet(xlsx.rawPayload);
      const header = parse(csv.rawPayload, { bom: true, delimiter: ';' })[0] as string[];
      expect((sheet.getRow(1).values as unknown[]).slice(1), kind.kind).toEqual(header);
    }
    const plan = (await get('admin', '/api/exports/plan-items.csv')).rawPayload.toString('utf8');
    expect(plan).toContain('Обмен учащимися;Договор о сотрудничестве гимназии и лицея;гимназия № 5;');
    expect(plan).toContain(';01.05.2026;запланировано;');
    const twins = (await get('admin', `/api/exports/twinnings.csv?cityId=${city.kuznetsk}`)).rawPayload;
    expect(twins.toString('utf8')).toContain('Кузнецк;Барановичи;BY;города-побратимы;действует;;2019;');
  });

  it('gives administrators the whole registry as JSON', async () => {
    const response = await get('admin', '/api/export.json');
    expect(response.statusCode).toBe(200);
    const document = registryExportSchema.parse(response.json());
    expect(document.visits).toHaveLength(3);
    expect(document.users.map((user) => user.email)).toContain('baranovichiViewer@example.org');
  });
});
