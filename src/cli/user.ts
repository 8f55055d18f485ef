import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';

interface AddOptions {
  name: string;
  role: string;
  city?: string;
  organization?: string;
  locale?: string;
  passwordStdin?: boolean;
}

/** A city given by id or by name («Барановичи», «Baranavichy»): the best match of the gazetteer. */
async function resolveCityId(db: Kysely<Database>, given: string): Promise<number> {
  if (/^\d+$/.test(given)) return Number(given);
  const { searchCities } = await import('../modules/cities/city.service.ts');
  const [best] = await searchCities(db, { q: given, limit: 1 });
  if (!best)
    throw new Error(`No city is called «${given}»: give its name as the registry knows it, or its id.`);
  return best.id;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** `pobratim user add`: manages accounts from the shell (the server must not hold the embedded database). */
export function registerUserCommand(program: Command): void {
  const user = program.command('user').description('manage user accounts');
  user
    .command('add <email>')
    .description('create an account with a role; prints a generated password unless --password-stdin')
    .requiredOption('--name <name>', 'the name shown in the application')
    .option('--role <role>', 'admin | city_editor | city_viewer | org_editor', 'city_editor')
    .option('--city <city>', 'the city of a city role: its name or id')
    .option('--organization <id>', 'the organization id of an org_editor')
    .option('--locale <locale>', 'interface language: ru | be | en')
    .option('--password-stdin', 'read the password from standard input')
    .action(async (email: string, options: AddOptions) => {
      const password = options.passwordStdin ? await readStdin() : undefined;
      const [{ addAccount }, { openRegistry }, { readConfig }] = await Promise.all([
        import('../modules/users/account-keeper.ts'),
        import('../commands/open-registry.ts'),
        import('../config.ts'),
      ]);
      const handle = await openRegistry(readConfig(), {
        purpose: 'pobratim user add',
        loadGazetteer: false,
        log: console.log,
      });
      try {
        const grant: Record<string, unknown> = { role: options.role };
        if (options.city) grant.cityId = await resolveCityId(handle.db, options.city);
        if (options.organization) grant.organizationId = Number(options.organization);
        const result = await addAccount(handle.db, {
          email,
          displayName: options.name,
          roles: [grant],
          password,
          ...(options.locale ? { locale: options.locale } : {}),
        });
        console.log(
          `Account ${result.user.email} (id ${result.user.id}) created with the role ${options.role}.`,
        );
        if (result.generated) console.log(`Password (shown once): ${result.password}`);
      } finally {
        await handle.close();
      }
    });
}
