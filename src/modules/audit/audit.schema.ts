import { z } from 'zod';
import { pageQuerySchema, sortSchema } from './cursor-page.ts';
import { queryIdSchema } from './fields.schema.ts';

/** Who makes a change: a user, or `null` for the system itself (seed-demo, imports run from the shell). */
export const actorSchema = z.object({ userId: z.number().int().positive().nullable() });
export type Actor = z.infer<typeof actorSchema>;

/** The system as an actor, for commands run from the shell without an account. */
export const SYSTEM_ACTOR: Actor = { userId: null };

/** The kinds of record whose changes are audited. */
export const auditedRecordTypeSchema = z.enum([
  'city',
  'twinning',
  'organization',
  'person',
  'visit',
  'visit_program_item',
  'agreement',
  'plan_item',
  'project',
  'event',
  'document',
  'record_source',
  'user',
  'user_role',
  'attached_file',
]);
export type AuditedRecordType = z.infer<typeof auditedRecordTypeSchema>;

/** One entry of the audit trail: who did what to which record, with its state before and after. */
export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  userId: z.number().int().nullable(),
  action: z.enum(['create', 'update', 'delete']),
  recordType: z.string(),
  recordId: z.number().int(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** The fields an audit entry list can be sorted by (`sort=`). */
export const AUDIT_SORTS = ['at'] as const;

/** The audit trail filtered by kind of record, record, user or action; newest first. */
export const auditListQuerySchema = pageQuerySchema.extend({
  sort: sortSchema(AUDIT_SORTS),
  recordType: auditedRecordTypeSchema.optional(),
  recordId: queryIdSchema.optional(),
  userId: queryIdSchema.optional(),
  action: z.enum(['create', 'update', 'delete']).optional(),
  /** Entries at or after this moment (an ISO timestamp with its offset). */
  from: z.iso.datetime({ offset: true }).optional(),
  /** Entries before this moment (exclusive). */
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;
