import type { FastifyInstance } from 'fastify';
import { ensureFirstAdministrator } from '../modules/users/account-keeper.ts';
import { openRegistry } from '../commands/open-registry.ts';
import type { Config } from '../config.ts';
import { startBackupScheduler } from '../modules/backup/backup-schedule.ts';
import { startDigestScheduler } from '../modules/mail/digest.ts';
import { buildApp } from './app.ts';

/** A listening server and the way to stop it: closes the HTTP side, then the database. */
export interface RunningServer {
  app: FastifyInstance;
  url: string;
  stop(): Promise<void>;
}

/** Opens the registry, builds the app and listens on the configured host and port. */
export async function startServer(
  config: Config,
  log: (message: string) => void = console.log,
): Promise<RunningServer> {
  const database = await openRegistry(config, { purpose: 'pobratim serve', log });
  let app: FastifyInstance;
  try {
    app = await buildApp({
      database,
      trustProxy: config.trustProxy ?? false,
      backupDir: config.backupDir,
      log: { level: config.logLevel ?? 'info' },
      ...(config.fileLimits && { fileLimits: config.fileLimits }),
      ...(config.workers && { workPool: config.workers }),
    });
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await database.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  const firstAdmin = await ensureFirstAdministrator(database.db);
  if (firstAdmin) {
    log(
      `First start: sign in at ${url} as ${firstAdmin.email} with the password ${firstAdmin.password} ` +
        '(shown only this once; change it, or add accounts with `npx pobratim user add`).',
    );
  }
  const stopBackups = startBackupScheduler(database.db, config.backupDir, log);
  const stopDigests = startDigestScheduler(database.db, log);
  return {
    app,
    url,
    async stop() {
      stopBackups();
      stopDigests();
      await app.close();
      await database.close();
    },
  };
}
