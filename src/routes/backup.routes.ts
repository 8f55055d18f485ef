import { createGzip } from 'node:zlib';
import type { Kysely } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../db/database.ts';
import { requireAdministrator } from '../plugins/auth.plugin.ts';
import { writeBackup } from '../modules/backup/backup.ts';
import {
  backupScheduleSchema,
  backupScheduleUpdateSchema,
  readBackupSchedule,
  takeBackup,
  updateBackupSchedule,
} from '../modules/backup/backup-schedule.ts';

const BACKUPS_REFUSED = 'Backups are for administrators.';

/**
 * `GET /api/backup`: the whole installation as one file, taken while the server runs (on the
 * embedded engine the server holds the data directory, so this is how its backup is taken live).
 * Administrators only: it holds every account's password hash.
 */
export const backupRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database>; backupDir: string }> = async (
  app,
  { db, backupDir },
) => {
  app.get(
    '/backup',
    {
      schema: {
        tags: ['backup'],
        summary:
          'The whole installation as one gzip-compressed file that `pobratim restore` reads (administrators)',
      },
    },
    async (request, reply) => {
      requireAdministrator(request, BACKUPS_REFUSED);
      const gzip = createGzip();
      const day = new Date().toISOString().slice(0, 10);
      reply
        .header('content-type', 'application/gzip')
        .header('content-disposition', `attachment; filename="pobratim-${day}.backup.gz"`);
      writeBackup(db, gzip).then(
        () => gzip.end(),
        (error: unknown) => {
          request.log.error({ err: error }, 'backup failed');
          gzip.destroy(error as Error);
        },
      );
      return reply.send(gzip);
    },
  );

  app.get(
    '/backup/schedule',
    {
      schema: {
        tags: ['backup'],
        summary: 'The scheduled daily backup, its folder and how the last backup went (administrators)',
        response: { 200: backupScheduleSchema },
      },
    },
    async (request) => {
      requireAdministrator(request, BACKUPS_REFUSED);
      return readBackupSchedule(db, backupDir);
    },
  );

  app.put(
    '/backup/schedule',
    {
      schema: {
        tags: ['backup'],
        summary: 'Turns the daily backup on or off, its hour and how many files it keeps (administrators)',
        body: backupScheduleUpdateSchema,
        response: { 200: backupScheduleSchema },
      },
    },
    async (request) => {
      requireAdministrator(request, BACKUPS_REFUSED);
      return updateBackupSchedule(db, request.body, backupDir);
    },
  );

  app.post(
    '/backup/run',
    {
      schema: {
        tags: ['backup'],
        summary: 'Takes a backup into the backup folder now (administrators)',
        response: { 200: backupScheduleSchema },
      },
    },
    async (request) => {
      requireAdministrator(request, BACKUPS_REFUSED);
      await takeBackup(db, backupDir);
      return readBackupSchedule(db, backupDir);
    },
  );
};
