import type { Command } from 'commander';
import { sql, type Kysely } from 'kysely';
import { readConfig } from '../config.ts';
import { openRegistry } from '../commands/open-registry.ts';
import type { Database } from '../db/database.ts';
import { DEFAULT_REMINDER_DAYS, type ReminderList } from '../reports/reminders/reminder.schema.ts';
import { listReminders } from '../reports/reminders/reminder.service.ts';
import { todayUtc } from '../reports/reminders/reminder.routes.ts';
import { isoDateSchema } from '../modules/audit/fields.schema.ts';

export interface RemindersOptions {
  city: string;
  from?: string;
  days?: string;
  json?: boolean;
}

/**
 * The city a `--city` names: an id, or a name in Russian or English (case and «ё» ignored); among
 * several places of that name a home city wins, and a choice still open is an error listing them.
 */
export async function resolveCityArgument(
  db: Kysely<Database>,
  argument: string,
): Promise<{ id: number; name: string }> {
  const text = argument.trim();
  if (/^\d+$/.test(text)) {
    const row = await db
      .selectFrom('city')
      .select(['id', sql<string>`coalesce(name_ru, name_en)`.as('name')])
      .where('id', '=', Number(text))
      .executeTakeFirst();
    if (!row) throw new Error(`there is no city with id ${text}`);
    return row;
  }
  const rows = await db
    .selectFrom('city')
    .leftJoin('home_city', 'home_city.city_id', 'city.id')
    .select([
      'city.id',
      sql<string>`coalesce(city.name_ru, city.name_en)`.as('name'),
      'city.country',
      'city.admin1',
      sql<boolean>`home_city.city_id is not null`.as('home'),
    ])
    .where((eb) =>
      eb.or([
        eb(sql`name_key(city.name_ru)`, '=', sql`name_key(${text})`),
        eb(sql`name_key(city.name_en)`, '=', sql`name_key(${text})`),
      ]),
    )
    .orderBy('city.population', 'desc')
    .orderBy('city.id')
    .limit(20)
    .execute();
  const home = rows.filter((row) => row.home);
  const candidates = home.length > 0 ? home : rows;
  if (candidates.length === 1) return candidates[0] as { id: number; name: string };
  if (candidates.length === 0) throw new Error(`no city is called "${text}"; give its id with --city ID`);
  const listed = candidates.map(
    (row) => `${row.id} (${row.name}, ${row.country}${row.admin1 ? ` ${row.admin1}` : ''})`,
  );
  throw new Error(
    `"${text}" names ${candidates.length} cities: ${listed.join(', ')}; give one id with --city ID`,
  );
}

/** Checks the options, reads the reminders and returns what the command prints. */
export async function remindersReport(db: Kysely<Database>, options: RemindersOptions): Promise<string> {
  const from = options.from ?? todayUtc();
  if (!isoDateSchema.safeParse(from).success)
    throw new Error(`--from must be a date YYYY-MM-DD, got "${from}"`);
  const days = options.days === undefined ? DEFAULT_REMINDER_DAYS : Number(options.days);
  if (!Number.isInteger(days) || days < 1 || days > 3660)
    throw new Error(`--days must be a whole number from 1 to 3660, got "${options.days}"`);
  const city = await resolveCityArgument(db, options.city);
  const list = await listReminders(db, 'everything', { cityIds: [city.id], from, days });
  return options.json ? JSON.stringify({ city, ...list }, null, 2) : formatReminders(city.name, list);
}

const dotted = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;

/** Plain text, one reminder a line, «!» before what is overdue. */
export function formatReminders(cityName: string, list: ReminderList): string {
  const lines = [`Напоминания: ${cityName}, ${dotted(list.from)}–${dotted(list.to)}`];
  if (list.items.length === 0) lines.push('  нет напоминаний');
  for (const item of list.items) {
    const detail = item.detail ? ` — ${item.detail}` : '';
    lines.push(`${item.overdue ? '!' : ' '} ${dotted(item.date)}  ${item.title}${detail}`);
  }
  return lines.join('\n');
}

/** `pobratim reminders --city NAME|ID [--from YYYY-MM-DD] [--days N] [--json]`. */
export function registerRemindersCommand(program: Command): void {
  program
    .command('reminders')
    .description(
      "a city's reminders: partners' city days and jubilees, twinning anniversaries, agreements ending, plan items due, quiet partnerships",
    )
    .requiredOption('--city <name or id>', 'the city (a home city wins among places of the same name)')
    .option('--from <YYYY-MM-DD>', 'first day of the window (default: today)')
    .option(
      '--days <N>',
      `days ahead for city days, jubilees and anniversaries (default: ${DEFAULT_REMINDER_DAYS})`,
    )
    .option('--json', 'print JSON instead of text')
    .action(async (options: RemindersOptions) => {
      const handle = await openRegistry(readConfig(), {
        purpose: 'pobratim reminders',
        loadGazetteer: false,
        log: (message) => console.error(message),
      });
      try {
        console.log(await remindersReport(handle.db, options));
      } finally {
        await handle.close();
      }
    });
}
