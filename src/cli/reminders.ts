import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { ReminderList } from '../reports/reminders/reminder.schema.ts';

/**
 * DEFAULT_REMINDER_DAYS of reminder.schema.ts, written here so that `--help` does not load the
 * schemas (reminders.test.ts checks that the two agree).
 */
export const DEFAULT_DAYS_SHOWN = 60;

export interface RemindersOptions {
  city: string;
  from?: string;
  days?: string;
  json?: boolean;
}

/** Checks the options, reads the reminders and returns what the command prints. */
export async function remindersReport(db: Kysely<Database>, options: RemindersOptions): Promise<string> {
  const [{ resolveCityArgument }, { DEFAULT_REMINDER_DAYS }, { listReminders, todayUtc }, { isoDateSchema }] =
    await Promise.all([
      import('../modules/cities/city-argument.ts'),
      import('../reports/reminders/reminder.schema.ts'),
      import('../reports/reminders/reminder.service.ts'),
      import('../modules/audit/fields.schema.ts'),
    ]);
  const from = options.from ?? todayUtc();
  if (!isoDateSchema.safeParse(from).success)
    throw new Error(`--from must be a date YYYY-MM-DD, got "${from}"`);
  const days = options.days === undefined ? DEFAULT_REMINDER_DAYS : Number(options.days);
  if (!Number.isInteger(days) || days < 1 || days > 3660)
    throw new Error(`--days must be a whole number from 1 to 3660, got "${options.days}"`);
  const found = await resolveCityArgument(db, options.city);
  const city = { id: found.id, name: found.nameRu ?? found.nameEn };
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
    .requiredOption(
      '--city <name or id>',
      'the city; among places of one name, the one the registry has records of',
    )
    .option('--from <YYYY-MM-DD>', 'first day of the window (default: today)')
    .option(
      '--days <N>',
      `days ahead for city days, jubilees and anniversaries (default: ${DEFAULT_DAYS_SHOWN})`,
    )
    .option('--json', 'print JSON instead of text')
    .action(async (options: RemindersOptions) => {
      const [{ readConfig }, { openRegistry }] = await Promise.all([
        import('../config.ts'),
        import('../commands/open-registry.ts'),
      ]);
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
