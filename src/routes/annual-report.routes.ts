import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { queryIdSchema } from '../modules/audit/fields.schema.ts';
import { authorize } from '../plugins/auth.plugin.ts';
import { resolveScope } from '../modules/auth/record-scope.ts';
import { attachment } from '../plugins/attachment.ts';
import { fileResponse } from '../plugins/openapi.ts';
import {
  annualReportFileNames,
  REPORT_CONTENT_TYPES,
  reportFormatSchema,
} from '../reports/annual/annual-report.ts';
import { gatherAnnualReport, REPORT_YEARS } from '../reports/annual/annual-report.gather.ts';
import { clientGone } from '../plugins/work/work-pool.ts';

const annualReportQuerySchema = z.object({
  cityId: queryIdSchema.describe('the city the report is about'),
  year: z.coerce.number().int().min(REPORT_YEARS.min).max(REPORT_YEARS.max).describe('the calendar year'),
  format: reportFormatSchema.default('docx'),
});

/** GET /api/reports/annual: the annual report on a city's international links, as a file. */
export const annualReportRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/reports/annual',
    {
      schema: {
        tags: ['reports'],
        summary:
          'The annual report on international links of a city (DOCX, PDF or XLSX), for those who may read the city’s records',
        querystring: annualReportQuerySchema,
        produces: Object.values(REPORT_CONTENT_TYPES),
        response: {
          200: fileResponse('the report as a file (by `format`)', Object.values(REPORT_CONTENT_TYPES)),
        },
      },
    },
    async (request, reply) => {
      const { cityId, year, format } = request.query;
      // The report is an internal document: the city's editors, viewers and administrators, never the public.
      authorize(request, 'read', await resolveScope(db, { cityIds: [cityId] }));
      const data = await gatherAnnualReport(db, cityId, year);
      // Written on the worker pool's threads: 50 pages of PDF take seconds of CPU.
      const body = await app.work.file({ kind: 'annual-report', data, format }, clientGone(reply.raw));
      const names = annualReportFileNames(data, format);
      return reply
        .header('content-type', REPORT_CONTENT_TYPES[format])
        .header('content-disposition', attachment(names.ascii, names.russian))
        .header('cache-control', 'no-store')
        .send(body);
    },
  );
};
