import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/database.ts';
import { INSTALLATION } from '../auth/policy.ts';
import { authorize } from '../../server/auth.plugin.ts';
import { toAuditEntry } from './audit.repository.ts';
import { auditEntrySchema, auditedRecordTypeSchema } from './audit.schema.ts';
import { afterCursor, idKey, pageQuerySchema, pageSchema, toPage } from './cursor-page.ts';

const auditQuerySchema = pageQuerySchema.extend({
  recordType: auditedRecordTypeSchema.optional(),
  recordId: z.coerce.number().int().positive().optional(),
  userId: z.coerce.number().int().positive().optional(),
  action: z.enum(['create', 'update', 'delete']).optional(),
});

// audit_entry ids are bigint: the cursor allows the whole safe-integer range.
const AUDIT_ID_KEY = idKey(sql.ref('id'), Number.MAX_SAFE_INTEGER);

/** GET /api/audit: the whole trail, newest first, filtered by record, user or action (administrators). */
export const auditRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit trail: who changed what, when, before and after',
        querystring: auditQuerySchema,
        response: { 200: pageSchema(auditEntrySchema) },
      },
    },
    async (request) => {
      authorize(request, 'read_audit', INSTALLATION);
      const { limit, cursor, recordType, recordId, userId, action } = request.query;
      let query = db.selectFrom('audit_entry').selectAll();
      if (recordType) query = query.where('record_type', '=', recordType);
      if (recordId) query = query.where('record_id', '=', recordId);
      if (userId) query = query.where('user_id', '=', userId);
      if (action) query = query.where('action', '=', action);
      if (cursor) query = query.where(afterCursor([AUDIT_ID_KEY], cursor, 'desc'));
      const rows = await query
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute();
      return toPage(rows, limit, (row) => [Number(row.id)], toAuditEntry);
    },
  );
};
