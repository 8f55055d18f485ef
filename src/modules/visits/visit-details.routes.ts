import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { agreementDetailsSchema, getAgreementDetails } from '../agreements/agreement-details.service.ts';
import { agreementRecord } from '../agreements/agreement.routes.ts';
import { authorize } from '../../server/auth.plugin.ts';
import { getVisitDetails, visitDetailsSchema } from './visit-details.service.ts';
import { idParamsSchema } from '../audit/fields.schema.ts';

/** The pages of one visit and one agreement with everything related, as the web application shows them. */
export const detailRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/visits/:id/details',
    {
      schema: {
        tags: ['visits'],
        summary:
          'A visit with its delegation by name, its program, the agreements signed at it, its events and sources',
        params: idParamsSchema,
        response: { 200: visitDetailsSchema },
      },
    },
    (request) => getVisitDetails(db, request.params.id, (scope) => authorize(request, 'read', scope)),
  );

  app.get(
    '/agreements/:id/details',
    {
      schema: {
        tags: ['agreements'],
        summary: 'An agreement with its plan of joint activities and its sources',
        params: idParamsSchema,
        response: { 200: agreementDetailsSchema },
      },
    },
    async (request) => {
      const details = await getAgreementDetails(db, request.params.id);
      authorize(request, 'read', await agreementRecord.scopeOf(db, details));
      return details;
    },
  );
};
