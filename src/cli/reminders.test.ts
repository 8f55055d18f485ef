import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connect.ts';
import { testEngines } from '../db/test-database.ts';
import { insertTestCity } from '../modules/audit/test-cities.ts';
import {
  insertReminderTestRegistry,
  type ReminderTestRegistry,
} from '../reports/reminders/reminder-test-registry.ts';
import { DEFAULT_REMINDER_DAYS } from '../reports/reminders/reminder.schema.ts';
import { DEFAULT_DAYS_SHOWN, remindersReport } from './reminders.ts';

const nbsp = '\u00a0';

describe.each(testEngines())('pobratim reminders on $engine', ({ open }) => {
  let database: DatabaseHandle;
  let ids: ReminderTestRegistry;

  beforeAll(async () => {
    database = await open();
    ids = await insertReminderTestRegistry(database.db);
    // A village of the same name elsewhere: the home city is the one meant.
    await insertTestCity(database.db, 'Барановичи', 'Baranovichi', 'RU');
  });
  afterAll(() => database.close());

  it('prints a home city’s reminders found by its name, overdue first', async () => {
    const text = await remindersReport(database.db, { city: 'барановичи', from: '2025-09-10', days: '30' });
    const lines = text.split('\n');
    expect(lines[0]).toBe('Напоминания: Барановичи, 10.09.2025–09.10.2025');
    expect(lines[1]).toMatch(
      /^! 09\.09\.2025 {2}Просрочен пункт плана «Обмен выставками детского рисунка» — /,
    );
    expect(lines).toContain(`  20.09.2025  245${nbsp}лет со дня основания Кузнецка — основан в 1780 году`);
    expect(lines.filter((line) => line.startsWith('!'))).toHaveLength(1);
  });

  it('prints JSON with --json and takes the city by id', async () => {
    const json = JSON.parse(
      await remindersReport(database.db, {
        city: String(ids.penza),
        from: '2025-09-10',
        days: '30',
        json: true,
      }),
    );
    expect(json.city).toEqual({ id: ids.penza, name: 'Пенза' });
    expect(json.items.map((item: { title: string }) => item.title)).toContain(
      `25${nbsp}лет побратимству с Кузнецком`,
    );
  });

  it('says what is wrong with the options', async () => {
    const report = (options: Parameters<typeof remindersReport>[1]) => remindersReport(database.db, options);
    await expect(report({ city: 'Кузнецк', from: '10.09.2025' })).rejects.toThrow(
      '--from must be a date YYYY-MM-DD, got "10.09.2025"',
    );
    await expect(report({ city: 'Кузнецк', days: 'много' })).rejects.toThrow('--days must be a whole number');
    await expect(report({ city: 'Атлантида' })).rejects.toThrow('City «Атлантида» does not exist.');
    await expect(report({ city: '999999' })).rejects.toThrow('999999');
    // Among places of one name, the one the registry has records of is meant…
    const kazakhKuznetsk = await insertTestCity(database.db, 'Кузнецк', 'Kuznetsk', 'KZ');
    expect((await report({ city: 'Кузнецк' })).split('\n')[0]).toMatch(/^Напоминания: Кузнецк, /);
    // …and when both have records, the command asks for the id.
    await database.db.insertInto('home_city').values({ city_id: kazakhKuznetsk }).execute();
    await expect(report({ city: 'Кузнецк' })).rejects.toThrow(
      /Several cities are named «Кузнецк»: .*id \d+.*id \d+.*Give the id/,
    );
  });
});

describe('pobratim reminders from the shell', () => {
  it('is registered with its options', async () => {
    const help = await promisify(execFile)('node', ['bin/pobratim.mjs', 'reminders', '--help']);
    for (const option of ['--city <name or id>', '--from <YYYY-MM-DD>', '--days <N>', '--json'])
      expect(help.stdout).toContain(option);
  });

  it('shows the default window the reminders use', () => {
    expect(DEFAULT_DAYS_SHOWN).toBe(DEFAULT_REMINDER_DAYS);
  });
});
