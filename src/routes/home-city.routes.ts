import { SIGNED_IN_OR_PUBLIC } from '../plugins/openapi.ts';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { notFound } from '../errors.ts';
import { findCityByIdOrThrow } from '../modules/cities/city.repository.ts';
import { queryIdSchema, recordIdSchema } from '../modules/audit/fields.schema.ts';
import { INSTALLATION } from '../modules/auth/policy.ts';
import { authorize } from '../plugins/auth.plugin.ts';

const tags = ['cities'];
const homeCitySchema = z.object({ cityId: recordIdSchema, published: z.boolean() });

/**
 * /api/home-cities: the cities this installation works for, and whether each publishes its twin
 * network (its visits, agreements, projects, events and institutions, never its people) to the public.
 */
export const homeCityRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/home-cities',
    {
      schema: {
        tags,
        summary: "The installation's own cities and whether each publishes",
        security: SIGNED_IN_OR_PUBLIC,
        response: { 200: z.array(homeCitySchema) },
      },
    },
    async () => {
      const rows = await db
        .selectFrom('home_city')
        .select(['city_id', 'published'])
        .orderBy('city_id')
        .execute();
      return rows.map((row) => ({ cityId: row.city_id, published: row.published }));
    },
  );

  app.put(
    '/home-cities/:cityId',
    {
      schema: {
        tags,
        summary: "Make a city one of the installation's, and say whether it publishes",
        params: z.object({ cityId: queryIdSchema }),
        body: z.object({ published: z.boolean() }),
        response: { 200: homeCitySchema },
      },
    },
    async (request) => {
      const { cityId } = request.params;
      authorize(request, 'update', { cityIds: [cityId], organizationIds: [] });
      await findCityByIdOrThrow(db, cityId);
      await db
        .insertInto('home_city')
        .values({ city_id: cityId, published: request.body.published })
        .onConflict((oc) => oc.column('city_id').doUpdateSet({ published: request.body.published }))
        .execute();
      return { cityId, published: request.body.published };
    },
  );

  app.delete(
    '/home-cities/:cityId',
    {
      schema: {
        tags,
        summary: "Take a city out of the installation's (its records and twinnings stay)",
        params: z.object({ cityId: queryIdSchema }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      authorize(request, 'delete', INSTALLATION);
      const removed = await db
        .deleteFrom('home_city')
        .where('city_id', '=', request.params.cityId)
        .executeTakeFirst();
      if (removed.numDeletedRows === 0n) throw notFound('Home city', request.params.cityId);
      return reply.status(204).send(null);
    },
  );
};
