import { sql } from 'kysely';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { DatabaseHandle } from '../db/connect.ts';
import { AppError } from '../errors.ts';
import { PUBLIC } from '../plugins/openapi.ts';

const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
  cities: z.number().int(),
  gazetteerLoaded: z.boolean(),
  /** When the last backup (scheduled or «back up now») was written whole; null if none yet. */
  lastBackupAt: z.string().nullable(),
});

/** How long readiness waits for the database before it says the server is not ready. */
const READY_TIMEOUT_MS = 2_000;

/**
 * `GET /api/health`: the engine in use and whether the gazetteer is in place. For a balancer and a
 * supervisor: `/api/health/live`, the process answers (restart it if not); `/api/health/ready`, it
 * can serve (the database answers within two seconds), else 503, so a balancer sends requests
 * elsewhere meanwhile. While the server stops, Fastify refuses new requests (503 on a connection
 * kept open) and finishes those under way.
 */
export const healthRoutes: FastifyPluginAsyncZod<{ database: DatabaseHandle }> = async (
  app,
  { database },
) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['health'],
        summary:
          'The engine in use, the number of places, whether the gazetteer is loaded, the last backup (no sign-in needed)',
        security: PUBLIC,
        response: { 200: healthSchema },
      },
    },
    async () => {
      const { rows } = await sql<{ cities: number; geonames: boolean; backup: Date | null }>`
        SELECT count(*) AS cities, EXISTS (SELECT 1 FROM city WHERE source = 'geonames') AS geonames,
          (SELECT last_finished_at FROM backup_schedule) AS backup
        FROM city
      `.execute(database.db);
      const row = rows[0];
      return {
        status: 'ok' as const,
        database: database.engine,
        version: process.env.npm_package_version ?? '0.1.0',
        cities: row?.cities ?? 0,
        gazetteerLoaded: row?.geonames ?? false,
        lastBackupAt: row?.backup ? new Date(row.backup).toISOString() : null,
      };
    },
  );

  app.get(
    '/health/live',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness: the process answers',
        security: PUBLIC,
        response: { 200: z.object({ status: z.literal('live') }) },
      },
    },
    async () => ({ status: 'live' as const }),
  );

  app.get(
    '/health/ready',
    {
      schema: {
        tags: ['health'],
        summary: 'Readiness: the database answers (503 otherwise)',
        security: PUBLIC,
        response: { 200: z.object({ status: z.literal('ready'), database: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async () => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), READY_TIMEOUT_MS);
      });
      try {
        const answer = await Promise.race([
          sql`SELECT 1`.execute(database.db).then(() => 'answered' as const),
          late,
        ]);
        if (answer === 'late') {
          throw new AppError('not_ready', `The database did not answer within ${READY_TIMEOUT_MS / 1000} s.`);
        }
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw new AppError('not_ready', `The database does not answer: ${(error as Error).message}`);
      } finally {
        clearTimeout(timer);
      }
      return { status: 'ready' as const, database: database.engine };
    },
  );
};
