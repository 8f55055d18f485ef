import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import {
  defaultTwinListFile,
  twinSuggester,
  type TwinSuggester,
} from '../modules/twinnings/twin-suggester.ts';
import { findCitiesByIds, findCityByIdOrThrow } from '../modules/cities/city.repository.ts';
import { citySchema } from '../modules/cities/city.schema.ts';
import { idParamsSchema } from '../modules/audit/fields.schema.ts';
import { requireUser } from '../plugins/auth.plugin.ts';
import { selectTwinningsOfCity } from '../modules/twinnings/twinning.repository.ts';

const suggestionsSchema = z.object({
  /** Whether the product has a twin-city list at all (it carries one: src/modules/twinnings/twin-pairs.tsv). */
  available: z.boolean(),
  /** Where the list comes from, to credit it. */
  source: z.literal('Wikipedia'),
  suggestions: z.array(
    z.object({
      city: citySchema,
      /** The registry's twinning with this city, when there is one already. */
      twinningId: z.number().int().nullable(),
    }),
  ),
});

/**
 * GET /api/cities/:id/twin-suggestions: the twin cities Wikipedia's lists name for a city, as
 * registry cities, each with the twinning already recorded, if any; for setting up the twinnings.
 */
export const twinSuggestionRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  let suggest: TwinSuggester | undefined;
  app.get(
    '/cities/:id/twin-suggestions',
    {
      schema: {
        tags: ['twinnings'],
        summary: "The city's twin cities by Wikipedia's lists, for choosing the twinnings to record",
        params: idParamsSchema,
        response: { 200: suggestionsSchema },
      },
    },
    async (request) => {
      requireUser(request);
      const cityId = request.params.id;
      await findCityByIdOrThrow(db, cityId);
      suggest ??= twinSuggester(defaultTwinListFile());
      const ids = suggest(cityId);
      const [cities, twinnings] = await Promise.all([
        findCitiesByIds(db, ids ?? []),
        selectTwinningsOfCity(db, cityId),
      ]);
      const recorded = new Map(
        twinnings.map((twinning) => [
          twinning.cityAId === cityId ? twinning.cityBId : twinning.cityAId,
          twinning.id,
        ]),
      );
      return {
        available: ids !== null,
        source: 'Wikipedia' as const,
        suggestions: cities.map((city) => ({ city, twinningId: recorded.get(city.id) ?? null })),
      };
    },
  );
};
