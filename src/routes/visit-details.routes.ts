import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { readFilter } from '../modules/auth/policy.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import {
  agreementDetailsSchema,
  getAgreementDetails,
} from '../modules/agreements/agreement-details.service.ts';
import { agreementRecord } from '../modules/agreements/agreement.record.ts';
import { authorize } from '../plugins/auth.plugin.ts';
import {
  getVisitDetails,
  visitDetailsSchema,
  type DetailsReader,
} from '../modules/visits/visit-details.service.ts';
import { idParamsSchema } from '../modules/audit/fields.schema.ts';

/** The asker as the reader of a visit's details. */
export function detailsReader(request: FastifyRequest): DetailsReader {
  return {
    authorizeRead: (scope) => authorize(request, 'read', scope),
    filter: readFilter(request.principal),
    signedIn: request.principal.kind === 'user',
  };
}

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
    (request) => getVisitDetails(db, request.params.id, detailsReader(request)),
  );

  app.get(
    '/agreements/:id/details',
    {
      schema: {
        tags: ['agreements'],
        summary: 'An agreement with its plan of joint activities, its sources and its legal path',
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
