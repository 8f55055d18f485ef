import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { queryIdSchema } from '../modules/audit/fields.schema.ts';
import { resolveScope } from '../modules/auth/record-scope.ts';
import { attachment } from '../plugins/attachment.ts';
import { authorize } from '../plugins/auth.plugin.ts';
import { fileResponse } from '../plugins/openapi.ts';
import { REPORT_YEARS } from '../reports/annual/annual-report.gather.ts';
import { gatherAgreementList } from '../reports/agreement-list/agreement-list.gather.ts';
import {
  AGREEMENT_LIST_CONTENT_TYPES,
  agreementListFileNames,
  agreementListFormatSchema,
  renderAgreementList,
} from '../reports/agreement-list/agreement-list.render.ts';

const agreementListQuerySchema = z.object({
  cityId: queryIdSchema.describe('the city whose agreements are listed'),
  year: z.coerce.number().int().min(REPORT_YEARS.min).max(REPORT_YEARS.max).describe('the calendar year'),
  format: agreementListFormatSchema.default('docx'),
});

/** GET /api/reports/agreements: the annual list of agreements concluded and ended, for the region. */
export const agreementListRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/reports/agreements',
    {
      schema: {
        tags: ['reports'],
        summary:
          'The annual list of a city’s agreements concluded and ended in a year, as regions ask for it (DOCX or XLSX)',
        querystring: agreementListQuerySchema,
        produces: Object.values(AGREEMENT_LIST_CONTENT_TYPES),
        response: {
          200: fileResponse('the list as a file (by `format`)', Object.values(AGREEMENT_LIST_CONTENT_TYPES)),
        },
      },
    },
    async (request, reply) => {
      const { cityId, year, format } = request.query;
      // An internal document, as the annual report: the city's editors, viewers and administrators.
      authorize(request, 'read', await resolveScope(db, { cityIds: [cityId] }));
      const data = await gatherAgreementList(db, cityId, year);
      const body = await renderAgreementList(data, format);
      const names = agreementListFileNames(data, format);
      return reply
        .header('content-type', AGREEMENT_LIST_CONTENT_TYPES[format])
        .header('content-disposition', attachment(names.ascii, names.russian))
        .header('cache-control', 'no-store')
        .send(body);
    },
  );
};
