import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { actorOf, authorize } from '../plugins/auth.plugin.ts';
import { idParamsSchema } from '../modules/audit/fields.schema.ts';
import { scopeOfVisit } from '../modules/visit-program/program-item.record.ts';
import { programOrderSchema, reorderedProgramSchema } from '../modules/visit-program/program-order.schema.ts';
import { reorderProgram } from '../modules/visit-program/program-order.service.ts';

/** PUT /api/visits/:id/program/order: a visit's program moved into a new order at once. */
export const programOrderRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.put(
    '/visits/:id/program/order',
    {
      schema: {
        tags: ['visit-program-items'],
        summary:
          'Reorders a visit’s whole program in one transaction: each item’s day and position, at the version the editor saw',
        params: idParamsSchema,
        body: programOrderSchema,
        response: { 200: reorderedProgramSchema },
      },
    },
    async (request) => {
      // Whoever may change an item of the visit may change the program's order.
      authorize(request, 'update', await scopeOfVisit(db, request.params.id));
      return { items: await reorderProgram(db, actorOf(request), request.params.id, request.body) };
    },
  );
};
