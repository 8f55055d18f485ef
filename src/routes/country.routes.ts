import { PUBLIC } from '../plugins/openapi.ts';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { countryCodes, countryName } from '../gazetteer/index.ts';

const countryNamesSchema = z.object({
  code: z.string().length(2).describe('ISO 3166-1 alpha-2 code («BY»)'),
  ru: z.string(),
  be: z.string(),
  en: z.string(),
});

const countriesSchema = z.object({ countries: z.array(countryNamesSchema) });

/** Built once: the names do not change while the server runs. */
let countries: z.infer<typeof countryNamesSchema>[] | undefined;

/**
 * `GET /api/countries`: every country's name in Russian, Belarusian and English, from the server's
 * ICU. Browsers do not all carry Belarusian region names (Debian's Chromium names «Россия» in a
 * Belarusian page), so the web application asks the server, which does.
 */
export const countryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/countries',
    {
      schema: {
        summary: 'Country names in Russian, Belarusian and English',
        security: PUBLIC,
        tags: ['cities'],
        response: { 200: countriesSchema },
      },
    },
    async (_request, reply) => {
      countries ??= countryCodes().map((code) => ({
        code,
        ru: countryName(code, 'ru'),
        be: countryName(code, 'be'),
        en: countryName(code, 'en'),
      }));
      void reply.header('cache-control', 'public, max-age=86400');
      return { countries };
    },
  );
};
