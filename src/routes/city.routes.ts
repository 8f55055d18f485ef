import { SIGNED_IN_OR_PUBLIC } from '../plugins/openapi.ts';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { forbidden } from '../errors.ts';
import { hasOwnEditors } from '../modules/auth/partners.ts';
import { cityFactsScope, INSTALLATION, isAdministrator } from '../modules/auth/policy.ts';
import { actorOf, authorize } from '../plugins/auth.plugin.ts';
import { citySchema, cityCreateSchema, cityUpdateSchema } from '../modules/cities/city.schema.ts';
import { createCity, getCity, searchCities, updateCity } from '../modules/cities/city.service.ts';
import { loadGazetteer } from '../gazetteer/index.ts';
import { selectTwinningsOfCity } from '../modules/twinnings/twinning.repository.ts';
import { idParamsSchema } from '../modules/audit/fields.schema.ts';

const tags = ['cities'];
/** What names a gazetteer place (its names and where it lies): an administrator's to change. */
const PLACE_FIELDS = ['nameRu', 'nameBe', 'nameEn', 'country', 'admin1', 'latitude', 'longitude'] as const;
const searchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  countries: z
    .string()
    .regex(/^[A-Z]{2}(,[A-Z]{2})*$/, 'is a comma-separated list of ISO country codes')
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(10),
});

/**
 * /api/cities: the gazetteer is reference data anyone may search and read; a city's editors set its
 * facts (founding year, city day, population…), and so do the editors of the cities twinned with it
 * through an established twinning when it has no editors of its own; only administrators add places
 * the gazetteer lacks and rename the gazetteer's.
 */
export const cityRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/cities',
    {
      schema: {
        tags,
        summary: 'Find cities by name in any language',
        querystring: searchQuery,
        response: { 200: z.array(citySchema) },
      },
    },
    async (request) => {
      const { q, countries, limit } = request.query;
      // The gazetteer knows inflected and transliterated forms («Кузнецка», «Baranavichy») the database's
      // trigrams miss; it is loaded once per process (the extractor shares it).
      const query = { q, limit, ...(countries ? { countries: countries.split(',') } : {}) };
      return searchCities(db, query, loadGazetteer());
    },
  );

  app.get(
    '/cities/:id',
    {
      schema: {
        tags,
        summary: 'One city by id, with its names in Russian, Belarusian and English',
        security: SIGNED_IN_OR_PUBLIC,
        params: idParamsSchema,
        response: { 200: citySchema },
      },
    },
    async (request) => getCity(db, request.params.id),
  );

  app.post(
    '/cities',
    {
      schema: {
        tags,
        summary: 'Add a place the gazetteer lacks',
        body: cityCreateSchema,
        response: { 201: citySchema },
      },
    },
    async (request, reply) => {
      authorize(request, 'create', INSTALLATION);
      return reply.status(201).send(await createCity(db, actorOf(request), request.body));
    },
  );

  app.patch(
    '/cities/:id',
    {
      schema: {
        tags,
        summary: "Change a city's facts (its editors', and its twinned cities' editors')",
        params: idParamsSchema,
        body: cityUpdateSchema,
        response: { 200: citySchema },
      },
    },
    async (request) => {
      const id = request.params.id;
      const [twinnings, ownEditors, city] = await Promise.all([
        selectTwinningsOfCity(db, id),
        hasOwnEditors(db, id),
        getCity(db, id),
      ]);
      authorize(request, 'update', cityFactsScope(id, twinnings, ownEditors));
      const renamed = PLACE_FIELDS.filter(
        (field) => request.body[field] !== undefined && request.body[field] !== city[field],
      );
      if (city.source === 'geonames' && renamed.length > 0 && !isAdministrator(request.principal)) {
        throw forbidden(`Only an administrator changes a gazetteer city's ${renamed.join(', ')}.`);
      }
      return updateCity(db, actorOf(request), request.params.id, request.body);
    },
  );
};
