import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { requireUser } from '../plugins/auth.plugin.ts';
import { searchQuerySchema, searchResultSchema } from '../modules/search/search.schema.ts';
import { searchRegistry } from '../modules/search/search.service.ts';

/** GET /api/search?q=…: across cities, organizations, persons, visits, agreements, projects, events and documents. */
export const searchRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Search the registry: Russian morphology, similar names, grouped by kind, fragments marked',
        querystring: searchQuerySchema,
        response: { 200: searchResultSchema },
      },
    },
    async (request) => searchRegistry(db, requireUser(request), request.query),
  );
};
