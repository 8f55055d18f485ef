import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { notFound } from '../errors.ts';
import { actorOf, authorize, requireUser } from '../plugins/auth.plugin.ts';
import { idParamsSchema } from '../modules/audit/fields.schema.ts';
import { findAgreementById } from '../modules/agreements/agreement.repository.ts';
import { agreementRecord } from '../modules/agreements/agreement.record.ts';
import {
  agreementStageMoveSchema,
  agreementWithStagesSchema,
} from '../modules/agreements/agreement-stage.schema.ts';
import {
  findAgreementWithStages,
  moveAgreementStage,
} from '../modules/agreements/agreement-stage.service.ts';

/** GET and POST /api/agreements/:id/stages: the agreement's legal path, and a move along it. */
export const agreementStageRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/agreements/:id/stages',
    {
      schema: {
        tags: ['agreements'],
        summary: 'An agreement with its legal path (draft … registered … ended), oldest stage first',
        params: idParamsSchema,
        response: { 200: agreementWithStagesSchema },
      },
    },
    async (request) => {
      const agreement = await findAgreementWithStages(db, request.params.id);
      if (!agreement) throw notFound('Agreement', request.params.id);
      authorize(request, 'read', await agreementRecord.scopeOf(db, agreement));
      return agreement;
    },
  );
  app.post(
    '/agreements/:id/stages',
    {
      schema: {
        tags: ['agreements'],
        summary:
          'Move an agreement to a later stage of its legal path, dated, with the stage’s fields and the version seen',
        params: idParamsSchema,
        body: agreementStageMoveSchema,
        response: { 200: agreementWithStagesSchema },
      },
    },
    async (request) => {
      requireUser(request);
      const { id } = request.params;
      const agreement = await findAgreementById(db, id);
      if (!agreement) throw notFound('Agreement', id);
      authorize(request, 'update', await agreementRecord.scopeOf(db, agreement));
      return moveAgreementStage(db, actorOf(request), id, request.body);
    },
  );
};
