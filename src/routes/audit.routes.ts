import type { Kysely } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../db/database.ts';
import { INSTALLATION } from '../modules/auth/policy.ts';
import { authorize } from '../plugins/auth.plugin.ts';
import { selectAuditPage } from '../modules/audit/audit.repository.ts';
import { auditEntrySchema, auditListQuerySchema } from '../modules/audit/audit.schema.ts';
import { pageSchema } from '../modules/audit/cursor-page.ts';

/** GET /api/audit: the whole trail, newest first, filtered by record, user or action (administrators). */
export const auditRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit trail: who changed what, when, before and after',
        querystring: auditListQuerySchema,
        response: { 200: pageSchema(auditEntrySchema) },
      },
    },
    async (request) => {
      authorize(request, 'read_audit', INSTALLATION);
      return selectAuditPage(db, request.query);
    },
  );
};
