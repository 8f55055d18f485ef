import { sql } from 'kysely';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { DatabaseHandle } from '../db/connect.ts';
import { PUBLIC } from './openapi.ts';

const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
  cities: z.number().int(),
  gazetteerLoaded: z.boolean(),
});

/** `GET /api/health`: the engine in use and whether the gazetteer is in place. */
export const healthRoutes: FastifyPluginAsyncZod<{ database: DatabaseHandle }> = async (
  app,
  { database },
) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Whether the server and its database answer (no sign-in needed)',
        security: PUBLIC,
        response: { 200: healthSchema },
      },
    },
    async () => {
      const { rows } = await sql<{ cities: number; geonames: boolean }>`
      SELECT count(*) AS cities, EXISTS (SELECT 1 FROM city WHERE source = 'geonames') AS geonames FROM city
    `.execute(database.db);
      const row = rows[0];
      return {
        status: 'ok' as const,
        database: database.engine,
        version: process.env.npm_package_version ?? '0.1.0',
        cities: row?.cities ?? 0,
        gazetteerLoaded: row?.geonames ?? false,
      };
    },
  );
};
