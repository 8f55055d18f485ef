import { createGzip } from 'node:zlib';
import type { Kysely } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/database.ts';
import { forbidden, unauthenticated } from '../../errors.ts';
import { isAdministrator } from '../auth/policy.ts';
import { writeBackup } from './backup.ts';

/**
 * `GET /api/backup`: the whole installation as one file, taken while the server runs (on the
 * embedded engine the server holds the data directory, so this is how its backup is taken live).
 * Administrators only: it holds every account's password hash.
 */
export const backupRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
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
      if (request.principal.kind === 'public') throw unauthenticated();
      if (!isAdministrator(request.principal)) throw forbidden('Backups are for administrators.');
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
};
