import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { agreementDetailsSchema, getAgreementDetails } from '../agreements/agreement-details.service.ts';
import { agreementRecord } from '../agreements/agreement.routes.ts';
import { authorize } from '../../server/auth.plugin.ts';
import { getVisitDetails, visitDetailsSchema } from './visit-details.service.ts';
import { visitRecord } from './visit.routes.ts';
import { programItemSchema } from '../visit-program/program-item.schema.ts';
import { listProgramItems } from '../visit-program/program-item.service.ts';
import { idParamsSchema } from '../audit/fields.schema.ts';

const delegationSchema = z.array(
  z.object({ personId: z.number().int(), fullName: z.string(), role: z.string().nullable() }),
);

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
        response: {
          200: visitDetailsSchema.extend({
            delegation: delegationSchema,
            program: z.array(programItemSchema),
          }),
        },
      },
    },
    async (request) => {
      const details = await getVisitDetails(db, request.params.id);
      authorize(request, 'read', await visitRecord.scopeOf(db, details));
      const ids = details.members.map((member) => member.personId);
      const people = ids.length
        ? await db.selectFrom('person').select(['id', 'full_name']).where('id', 'in', ids).execute()
        : [];
      const delegation = details.members.map((member) => ({
        personId: member.personId,
        fullName: people.find((person) => person.id === member.personId)?.full_name ?? '',
        role: member.role,
      }));
      const program = await listProgramItems(db, { visitId: details.id, limit: 500 });
      return { ...details, delegation, program: program.items };
    },
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
