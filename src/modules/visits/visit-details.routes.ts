import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import { agreementSchema } from '../agreements/agreement.schema.ts';
import { listAgreements } from '../agreements/agreement.service.ts';
import { recordSourceSchema } from '../documents/document.schema.ts';
import { listSourcesOfRecord } from '../documents/record-source.repository.ts';
import { eventSchema } from '../events/event.schema.ts';
import { listEvents } from '../events/event.service.ts';
import { authorize } from '../../server/auth.plugin.ts';
import { findVisitById } from './visit.repository.ts';
import { visitRecord } from './visit.routes.ts';
import { visitSchema } from './visit.schema.ts';

const visitDetailsSchema = z.object({
  visit: visitSchema,
  delegation: z.array(
    z.object({ personId: z.number().int(), fullName: z.string(), role: z.string().nullable() }),
  ),
  agreementsSigned: z.array(agreementSchema),
  events: z.array(eventSchema),
  sources: z.array(recordSourceSchema),
});

/** GET /api/visits/:id/details: a visit with its delegation by name, agreements signed, program events and sources. */
export const visitDetailRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/visits/:id/details',
    {
      schema: {
        tags: ['visits'],
        summary: 'A visit with its delegation, the agreements signed at it, its events and source documents',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: visitDetailsSchema },
      },
    },
    async (request) => {
      const visit = await findVisitById(db, request.params.id);
      if (!visit) throw notFound('Visit', request.params.id);
      authorize(request, 'read', await visitRecord.scopeOf(db, visit));
      const people = visit.members.length
        ? await db
            .selectFrom('person')
            .select(['id', 'full_name'])
            .where(
              'id',
              'in',
              visit.members.map((m) => m.personId),
            )
            .execute()
        : [];
      const delegation = visit.members.map((member) => ({
        personId: member.personId,
        fullName: people.find((p) => p.id === member.personId)?.full_name ?? '',
        role: member.role,
      }));
      const [agreements, events, sources] = await Promise.all([
        listAgreements(db, { visitId: visit.id, limit: 500 }),
        listEvents(db, { visitId: visit.id, limit: 500 }),
        listSourcesOfRecord(db, 'visit', visit.id),
      ]);
      return { visit, delegation, agreementsSigned: agreements.items, events: events.items, sources };
    },
  );
};
