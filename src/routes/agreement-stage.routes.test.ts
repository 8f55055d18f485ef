import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import mammoth from 'mammoth';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connect.ts';
import { testEngines } from '../db/test-database.ts';
import { gatherAnnualReport } from '../reports/annual/annual-report.gather.ts';
import type { ReminderList } from '../reports/reminders/reminder.schema.ts';
import { buildApp } from '../server/app.ts';
import { insertTestAccounts } from '../server/test-accounts.ts';
import { insertTestCity } from '../modules/audit/test-cities.ts';

describe.each(testEngines())('the agreement’s legal path on $engine', ({ open }) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let tokens: Record<string, string>;
  let penza: number;
  let gomel: number;

  beforeAll(async () => {
    database = await open();
    app = await buildApp({ database });
    penza = await insertTestCity(database.db, 'Пенза', 'Penza', 'RU');
    gomel = await insertTestCity(database.db, 'Гомель', 'Gomel', 'BY');
    await database.db.insertInto('home_city').values({ city_id: penza, published: false }).execute();
    tokens = await insertTestAccounts(database.db, [
      ['admin', 'admin', null, null],
      ['editor', 'city_editor', penza, null],
      ['viewer', 'city_viewer', penza, null],
    ]);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${tokens[who]}` },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });

  async function newAgreement(title: string, extra: Record<string, unknown> = {}) {
    const response = await call('POST', '/api/agreements', 'editor', {
      kind: 'cooperation',
      title,
      parties: [{ cityId: penza }, { cityId: gomel }],
      ...extra,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: number; version: number };
  }

  async function reminders(from: string, days = 60): Promise<ReminderList> {
    const response = await call('GET', `/api/reminders?cityId=${penza}&from=${from}&days=${days}`, 'editor');
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  it('moves an agreement along its path, dated and audited; its registration reminder goes when it is registered', async () => {
    const agreement = await newAgreement('Соглашение о сотрудничестве Пензы и Гомеля');
    const signed = await call('POST', `/api/agreements/${agreement.id}/stages`, 'editor', {
      stage: 'signed',
      enteredOn: '2026-12-28',
      version: agreement.version,
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ stage: 'signed', signedOn: '2026-12-28' });

    // Ten working days from Monday 28 December 2026: 31 December to 10 January are not worked.
    const before = await reminders('2027-01-04');
    const due = before.items.filter((item) => item.kind === 'registration_due');
    expect(due.map((item) => [item.date, item.params.recordTitle, item.records])).toEqual([
      ['2027-01-20', 'Соглашение о сотрудничестве Пензы и Гомеля', [{ type: 'agreement', id: agreement.id }]],
    ]);
    expect(due[0]!.title).toBe('Зарегистрировать «Соглашение о сотрудничестве Пензы и Гомеля»');
    // Past the deadline it is overdue.
    const late = await reminders('2027-01-25');
    expect(late.items.find((item) => item.kind === 'registration_due')).toMatchObject({ overdue: true });

    const registered = await call('POST', `/api/agreements/${agreement.id}/stages`, 'editor', {
      stage: 'registered',
      enteredOn: '2027-01-15',
      registrationNumber: '58-МС/27',
      registrationBody: 'Правительство Пензенской области',
      version: signed.json().version,
    });
    expect(registered.statusCode, registered.body).toBe(200);
    expect(
      registered.json().stages.map((s: { stage: string; enteredOn: string }) => [s.stage, s.enteredOn]),
    ).toEqual([
      ['signed', '2026-12-28'],
      ['registered', '2027-01-15'],
    ]);
    expect((await reminders('2027-01-04')).items.some((item) => item.kind === 'registration_due')).toBe(
      false,
    );

    // The audit trail has each move, with the stage added.
    const history = await call('GET', `/api/agreements/${agreement.id}/history`, 'admin');
    expect(history.statusCode, history.body).toBe(200);
    const entries = history.json() as Array<{
      action: string;
      after: { stage?: string; stages?: unknown[] };
    }>;
    const moves = entries.filter((entry) => entry.action === 'update').map((entry) => entry.after.stage);
    expect(moves.sort()).toEqual(['registered', 'signed']);

    // The details the agreement's page reads carry the path.
    const details = await call('GET', `/api/agreements/${agreement.id}/details`, 'viewer');
    expect(details.json().stages[1]).toMatchObject({
      registrationNumber: '58-МС/27',
      registrationBody: 'Правительство Пензенской области',
    });
  });

  it('refuses a move that is incomplete, backwards, earlier than the last stage or made on a stale version, and stores nothing', async () => {
    const agreement = await newAgreement('Меморандум о дружбе');
    const noNumber = await call('POST', `/api/agreements/${agreement.id}/stages`, 'editor', {
      stage: 'registered',
      enteredOn: '2026-03-01',
      registrationBody: 'Правительство области',
      version: agreement.version,
    });
    expect(noNumber.statusCode).toBe(400);
    expect(noNumber.json().error.details).toEqual([
      { path: 'body.registrationNumber', message: 'is required to register an agreement' },
    ]);
    const noReason = await call('POST', `/api/agreements/${agreement.id}/stages`, 'editor', {
      stage: 'ended',
      enteredOn: '2026-03-01',
      version: agreement.version,
    });
    expect(noReason.json().error.details[0].path).toBe('body.endReason');

    const inForce = await call('POST', `/api/agreements/${agreement.id}/stages`, 'editor', {
      stage: 'in_force',
      enteredOn: '2026-03-01',
      version: agreement.version,
    });
    expect(inForce.statusCode, inForce.body).toBe(200);
    const backwards = await call('POST', `/api/agreements/${agreement.id}/stages`, 'editor', {
      stage: 'signed',
      enteredOn: '2026-03-02',
      version: inForce.json().version,
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.message).toContain('already at «in_force»');
    const earlier = await call('POST', `/api/agreements/${agreement.id}/stages`, 'editor', {
      stage: 'ended',
      enteredOn: '2026-02-01',
      endReason: 'terminated',
      version: inForce.json().version,
    });
    expect(earlier.statusCode).toBe(400);
    expect(earlier.json().error.details).toEqual([
      { path: 'enteredOn', message: 'must not be before 2026-03-01' },
    ]);
    const stale = await call('POST', `/api/agreements/${agreement.id}/stages`, 'editor', {
      stage: 'ended',
      enteredOn: '2026-04-01',
      endReason: 'terminated',
      version: agreement.version,
    });
    expect(stale.statusCode).toBe(409);
    const viewer = await call('POST', `/api/agreements/${agreement.id}/stages`, 'viewer', {
      stage: 'ended',
      enteredOn: '2026-04-01',
      endReason: 'terminated',
      version: inForce.json().version,
    });
    expect(viewer.statusCode).toBe(403);
    const path = await call('GET', `/api/agreements/${agreement.id}/stages`, 'viewer');
    expect(path.json().stages.map((s: { stage: string }) => s.stage)).toEqual(['in_force']);
    expect(path.json().status).toBe('in_force');

    // The database keeps the rules itself: a registration without its number is refused there too.
    await expect(
      sql`INSERT INTO agreement_stage (agreement_id, stage, entered_on, registration_body)
          VALUES (${agreement.id}, 'registered', '2026-05-01', 'Правительство области')`.execute(database.db),
    ).rejects.toThrow(/agreement_stage_registration_complete/);
    await expect(
      sql`INSERT INTO agreement_stage (agreement_id, stage, entered_on) VALUES (${agreement.id}, 'finished', '2026-05-01')`.execute(
        database.db,
      ),
    ).rejects.toThrow(/check constraint/);
  });

  it('counts «lapsed» from the stored end, not from the end date alone', async () => {
    const stillStored = await newAgreement('Договор с истёкшей датой', {
      status: 'in_force',
      signedOn: '2024-05-01',
      validUntil: '2025-06-30',
    });
    const ended = await newAgreement('Расторгнутый протокол', {
      signedOn: '2024-02-01',
      validUntil: '2027-12-31',
    });
    const moved = await call('POST', `/api/agreements/${ended.id}/stages`, 'editor', {
      stage: 'ended',
      enteredOn: '2025-09-10',
      endReason: 'terminated',
      version: ended.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().status).toBe('terminated');
    const report = await gatherAnnualReport(database.db, penza, 2025, '2026-12-08');
    expect(report.agreementsLapsed.map((a) => a.id)).toEqual([ended.id]);
    expect(report.agreementsLapsed.some((a) => a.id === stillStored.id)).toBe(false);
  });

  it('writes the annual list of agreements concluded and ended as DOCX and XLSX, read back', async () => {
    const docx = await call('GET', `/api/reports/agreements?cityId=${penza}&year=2025`, 'viewer');
    expect(docx.statusCode, docx.body).toBe(200);
    expect(String(docx.headers['content-disposition'])).toContain('agreements-Penza-2025.docx');
    const { value: text } = await mammoth.extractRawText({ buffer: docx.rawPayload });
    expect(text).toContain(
      'Сведения о соглашениях в сфере международных и внешнеэкономических связей: Пенза, 2025 год',
    );
    const concluded = text.slice(
      text.indexOf('1. Соглашения, заключённые в 2025 году'),
      text.indexOf('2. Соглашения'),
    );
    const endedPart = text.slice(text.indexOf('2. Соглашения, прекратившие действие в 2025 году'));
    expect(concluded).toContain('Нет.');
    expect(endedPart).toContain('Расторгнутый протокол');
    expect(endedPart).toContain('10.09.2025');
    expect(endedPart).toContain('расторжение по инициативе стороны');
    expect(endedPart).toContain('Гомель (Беларусь)');
    // An end date passed while the agreement is still stored as in force is not an end.
    expect(endedPart).not.toContain('Договор с истёкшей датой');

    const xlsx = await call('GET', `/api/reports/agreements?cityId=${penza}&year=2026&format=xlsx`, 'viewer');
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Заключённые')!;
    const rows = sheet.getSheetValues().slice(4) as unknown[][];
    // The agreement signed on 28 December 2026 and registered in January 2027.
    expect(rows.map((row) => [row[2], row[5], row[6]])).toEqual([
      [
        'Соглашение о сотрудничестве Пензы и Гомеля',
        '28.12.2026',
        '№ 58-МС/27 от 15.01.2027, Правительство Пензенской области',
      ],
    ]);
    expect(book.getWorksheet('Прекратившие действие')!.getRow(4).getCell(1).value).toBe('Нет.');

    const refused = await call(
      'GET',
      `/api/reports/agreements?cityId=${penza}&year=2025&format=pdf`,
      'viewer',
    );
    expect(refused.statusCode).toBe(400);
  });

  it('keeps the deadlines as installation settings that administrators change', async () => {
    const settings = await call('GET', '/api/settings/legal', 'viewer');
    expect(settings.json()).toEqual({ registrationWorkingDays: 10, annualListDue: '01-15', version: 1 });
    // The annual list is due on 15 January: reminded in the window that holds it.
    const list = (await reminders('2027-01-04')).items.filter((item) => item.kind === 'annual_list_due');
    expect(list.map((item) => [item.date, item.params.reportYear, item.title])).toEqual([
      ['2027-01-15', 2026, 'Список соглашений за 2026 год — в регион'],
    ]);
    expect((await call('PUT', '/api/settings/legal', 'editor', settings.json())).statusCode).toBe(403);
    const bad = await call('PUT', '/api/settings/legal', 'admin', {
      ...(settings.json() as Record<string, unknown>),
      annualListDue: '02-30x',
    });
    expect(bad.statusCode).toBe(400);
    const changed = await call('PUT', '/api/settings/legal', 'admin', {
      registrationWorkingDays: 5,
      annualListDue: '02-01',
      version: 1,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await call('PUT', '/api/settings/legal', 'admin', settings.json())).statusCode).toBe(409);
    const agreement = await newAgreement('Соглашение о культурном обмене');
    await call('POST', `/api/agreements/${agreement.id}/stages`, 'editor', {
      stage: 'submitted',
      enteredOn: '2027-03-01',
      version: agreement.version,
    });
    const after = await reminders('2027-01-20', 30);
    // Submitted without a stage «signed»: counted from the signing day stored, which it has none of.
    expect(after.items.filter((item) => item.kind === 'registration_due')).toEqual([]);
    expect(after.items.filter((item) => item.kind === 'annual_list_due').map((item) => item.date)).toEqual([
      '2027-02-01',
    ]);
  });
});
