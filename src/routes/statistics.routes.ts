import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { notFound } from '../errors.ts';
import { authorize, requireUser } from '../plugins/auth.plugin.ts';
import { resolveScope } from '../modules/auth/record-scope.ts';
import { readFilter } from '../modules/auth/policy.ts';
import { findCityById } from '../modules/cities/city.repository.ts';
import {
  activityQuerySchema,
  activitySchema,
  networkQuerySchema,
  networkSchema,
  statisticsQuerySchema,
  statisticsSchema,
} from '../modules/statistics/statistics.schema.ts';
import { cityActivity, cityStatistics, twinNetwork } from '../modules/statistics/statistics.service.ts';

const tags = ['statistics'];

/**
 * /api/statistics, /api/network and /api/activity: what the home page and the map show. The asker
 * must be able to read the city (as for its reminders); what is counted, drawn or listed is only
 * what the asker may read.
 */
export const statisticsRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  async function authorizeCity(request: Parameters<typeof requireUser>[0], cityId: number) {
    if (!(await findCityById(db, cityId))) throw notFound('City', cityId);
    authorize(request, 'read', await resolveScope(db, { cityIds: [cityId] }, { publishable: true }));
  }

  app.get(
    '/statistics',
    {
      schema: {
        tags,
        summary: 'Visits in and out and agreements of a city, counted by year',
        querystring: statisticsQuerySchema,
        response: { 200: statisticsSchema },
      },
    },
    async (request) => {
      const principal = requireUser(request);
      await authorizeCity(request, request.query.cityId);
      return cityStatistics(db, request.query.cityId, readFilter(principal));
    },
  );

  app.get(
    '/network',
    {
      schema: {
        tags,
        summary: 'The twin network for a map: each city once with coordinates, twinnings as index pairs',
        querystring: networkQuerySchema,
        response: { 200: networkSchema },
      },
    },
    async (request) => {
      const principal = requireUser(request);
      if (request.query.cityId !== undefined) await authorizeCity(request, request.query.cityId);
      return twinNetwork(db, request.query, readFilter(principal));
    },
  );

  app.get(
    '/activity',
    {
      schema: {
        tags,
        summary: 'The latest changes of the records concerning a city, newest first',
        querystring: activityQuerySchema,
        response: { 200: activitySchema },
      },
    },
    async (request) => {
      const principal = requireUser(request);
      const { cityId, limit, language } = request.query;
      await authorizeCity(request, cityId);
      return { items: await cityActivity(db, cityId, readFilter(principal), { limit, language }) };
    },
  );
};
