import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { agreementSchema } from '../modules/agreements/agreement.schema.ts';
import { listAgreementsUnderTwinning } from '../modules/agreements/agreement.service.ts';
import { can } from '../modules/auth/policy.ts';
import { projectSchema } from '../modules/projects/project.schema.ts';
import { listProjectsUnderTwinning } from '../modules/projects/project.service.ts';
import { actorOf, authorize } from '../plugins/auth.plugin.ts';
import { resolveScope } from '../modules/auth/record-scope.ts';
import {
  twinningCreateSchema,
  twinningListQuerySchema,
  twinningSchema,
  twinningUpdateSchema,
  type Twinning,
} from '../modules/twinnings/twinning.schema.ts';
import {
  createTwinning,
  getTwinning,
  listTwinningsOfCity,
  updateTwinning,
} from '../modules/twinnings/twinning.service.ts';
import { idParamsSchema } from '../modules/audit/fields.schema.ts';

const tags = ['twinnings'];
/** A twinning belongs to both cities, and is public when one of them publishes. */
const scopeOf = (db: Kysely<Database>, twinning: Pick<Twinning, 'cityAId' | 'cityBId'>) =>
  resolveScope(db, { cityIds: [twinning.cityAId, twinning.cityBId] }, { publishable: true });

/** A twinning with everything under it: the agreements and projects of the two cities and their institutions. */
const twinningDetailSchema = twinningSchema.extend({
  agreements: z.array(agreementSchema),
  projects: z.array(projectSchema),
});

/** /api/twinnings and a city's twinnings; a twinning belongs to both of its cities. */
export const twinningRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/cities/:id/twinnings',
    {
      schema: {
        tags,
        summary: "A city's twin and partner cities",
        params: idParamsSchema,
        querystring: twinningListQuerySchema,
        response: { 200: z.array(twinningSchema) },
      },
    },
    async (request) => {
      const visible = [];
      for (const twinning of await listTwinningsOfCity(db, request.params.id, request.query)) {
        if (can(request.principal, 'read', await scopeOf(db, twinning))) visible.push(twinning);
      }
      if (visible.length === 0)
        authorize(
          request,
          'read',
          await scopeOf(db, { cityAId: request.params.id, cityBId: request.params.id }),
        );
      return visible;
    },
  );

  app.get(
    '/twinnings/:id',
    {
      schema: {
        tags,
        summary: 'A twinning with the agreements and projects under it',
        params: idParamsSchema,
        response: { 200: twinningDetailSchema },
      },
    },
    async (request) => {
      const twinning = await getTwinning(db, request.params.id);
      authorize(request, 'read', await scopeOf(db, twinning));
      const [agreements, projects] = await Promise.all([
        listAgreementsUnderTwinning(db, twinning.cityAId, twinning.cityBId),
        listProjectsUnderTwinning(db, twinning.cityAId, twinning.cityBId),
      ]);
      return { ...twinning, agreements, projects };
    },
  );

  app.post(
    '/twinnings',
    {
      schema: {
        tags,
        summary: 'Twin two cities (or record a partnership): tier, status, dates',
        body: twinningCreateSchema,
        response: { 201: twinningSchema },
      },
    },
    async (request, reply) => {
      const [a, b] = request.body.cityIds;
      authorize(request, 'create', { cityIds: [a, b], organizationIds: [] });
      return reply.status(201).send(await createTwinning(db, actorOf(request), request.body));
    },
  );

  app.patch(
    '/twinnings/:id',
    {
      schema: {
        tags,
        summary: 'Change a twinning (tier, status, established on, ended on); `version` as read',
        params: idParamsSchema,
        body: twinningUpdateSchema,
        response: { 200: twinningSchema },
      },
    },
    async (request) => {
      authorize(request, 'update', await scopeOf(db, await getTwinning(db, request.params.id)));
      return updateTwinning(db, actorOf(request), request.params.id, request.body);
    },
  );
};
