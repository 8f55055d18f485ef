import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Expression, Kysely, SqlBool } from 'kysely';
import type { Database } from '../db/database.ts';
import { notFound, unauthenticated } from '../errors.ts';
import { listAuditEntriesOfRecord } from '../modules/audit/audit.repository.ts';
import { auditEntrySchema, type Actor, type AuditedRecordType } from '../modules/audit/audit.schema.ts';
import { pageSchema, type Page } from '../modules/audit/cursor-page.ts';
import { readFilter, type Scope } from '../modules/auth/policy.ts';
import { actorOf, authorize } from './auth.plugin.ts';
import { publicMayList, readableRows } from './record-scope.ts';
import { idParamsSchema, versionSchema } from '../modules/audit/fields.schema.ts';

type Db = Kysely<Database>;

/** How one kind of record is served: its schemas, its service functions and where it belongs. */
export interface RecordRoutesDefinition<T extends { id: number; version: number }> {
  /** URL segment under /api, e.g. "visits". */
  path: string;
  /** The record's name in messages, e.g. "Visit". */
  what: string;
  recordType: AuditedRecordType;
  schemas: { record: z.ZodType; create: z.ZodType; update: z.ZodType; list: z.ZodType };
  find(db: Db, id: number): Promise<T | undefined>;
  /** A page of the list; `restrict` (from `readableRows`) keeps the rows the asker may read. */
  list(db: Db, query: unknown, restrict?: Expression<SqlBool>): Promise<Page<T>>;
  create(db: Db, actor: Actor, input: unknown): Promise<T>;
  update(db: Db, actor: Actor, id: number, input: unknown): Promise<T>;
  remove(db: Db, actor: Actor, id: number, version: number): Promise<void>;
  /** Where a stored record belongs. */
  scopeOf(db: Db, record: T): Promise<Scope>;
  /** Where a record would belong with these (create or update) values; `undefined` fields keep the stored ones. */
  scopeOfInput(db: Db, input: Record<string, unknown>, stored?: T): Promise<Scope>;
}

const versionQuery = z.object({ version: z.coerce.number().pipe(versionSchema) });

/**
 * The five REST routes of a record (list, get, create, update, delete) and its history, each thin:
 * parse (the zod schemas), check permission (the policy on the record's scope), call the service.
 */
export function recordRoutes<T extends { id: number; version: number }>(
  def: RecordRoutesDefinition<T>,
): FastifyPluginAsyncZod<{ db: Db }> {
  const tags = [def.path];
  return async (app, { db }) => {
    async function loadOrThrow(id: number): Promise<T> {
      const record = await def.find(db, id);
      if (!record) throw notFound(def.what, id);
      return record;
    }

    app.get(
      `/${def.path}`,
      { schema: { tags, querystring: def.schemas.list, response: { 200: pageSchema(def.schemas.record) } } },
      async (request) => {
        const { cityId } = request.query as { cityId?: number };
        if (request.principal.kind === 'public' && !(await publicMayList(db, def.recordType, cityId))) {
          throw unauthenticated();
        }
        // The asker's scope is a condition of the query, so a page is full whatever the asker may read.
        return def.list(db, request.query, readableRows(def.recordType, readFilter(request.principal)));
      },
    );

    app.get(
      `/${def.path}/:id`,
      { schema: { tags, params: idParamsSchema, response: { 200: def.schemas.record } } },
      async (request) => {
        const record = await loadOrThrow(request.params.id);
        authorize(request, 'read', await def.scopeOf(db, record));
        return record;
      },
    );

    app.post(
      `/${def.path}`,
      { schema: { tags, body: def.schemas.create, response: { 201: def.schemas.record } } },
      async (request, reply) => {
        authorize(request, 'create', await def.scopeOfInput(db, request.body as Record<string, unknown>));
        return reply.status(201).send(await def.create(db, actorOf(request), request.body));
      },
    );

    app.patch(
      `/${def.path}/:id`,
      {
        schema: {
          tags,
          params: idParamsSchema,
          body: def.schemas.update,
          response: { 200: def.schemas.record },
        },
      },
      async (request) => {
        const stored = await loadOrThrow(request.params.id);
        authorize(request, 'update', await def.scopeOf(db, stored));
        authorize(
          request,
          'update',
          await def.scopeOfInput(db, request.body as Record<string, unknown>, stored),
        );
        return def.update(db, actorOf(request), request.params.id, request.body);
      },
    );

    app.delete(
      `/${def.path}/:id`,
      { schema: { tags, params: idParamsSchema, querystring: versionQuery, response: { 204: z.null() } } },
      async (request, reply) => {
        const stored = await loadOrThrow(request.params.id);
        authorize(request, 'delete', await def.scopeOf(db, stored));
        await def.remove(db, actorOf(request), request.params.id, request.query.version);
        return reply.status(204).send(null);
      },
    );

    app.get(
      `/${def.path}/:id/history`,
      { schema: { tags, params: idParamsSchema, response: { 200: z.array(auditEntrySchema) } } },
      async (request) => {
        const record = await def.find(db, request.params.id);
        // A deleted record's history stays readable to those who may read the whole audit trail.
        authorize(
          request,
          record ? 'read' : 'read_audit',
          record ? await def.scopeOf(db, record) : { cityIds: [], organizationIds: [] },
        );
        return listAuditEntriesOfRecord(db, def.recordType, request.params.id);
      },
    );
  };
}
