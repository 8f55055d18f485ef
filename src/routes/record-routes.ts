import { SIGNED_IN_OR_PUBLIC } from '../plugins/openapi.ts';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { forbidden, notFound, unauthenticated } from '../errors.ts';
import { listAuditEntriesOfRecord } from '../modules/audit/audit.repository.ts';
import { auditEntrySchema, type AuditedRecordType } from '../modules/audit/audit.schema.ts';
import { pageSchema } from '../modules/audit/cursor-page.ts';
import type { RecordRoutesDefinition } from '../modules/audit/record-definition.ts';
import type { FastifyRequest } from 'fastify';
import { can, readFilter, type ReadFilter, type Scope } from '../modules/auth/policy.ts';
import { keptPartnerCityIds } from '../modules/auth/partners.ts';
import type { Principal } from '../modules/auth/principal.ts';
import { actorOf, authorize, requireUser } from '../plugins/auth.plugin.ts';
import { publicMayList, readableRows } from '../modules/auth/record-scope.ts';
import { assertReferencesReadable, referencesOf, type Reference } from '../modules/auth/references.ts';
import { idParamsSchema, versionSchema } from '../modules/audit/fields.schema.ts';
import { includeQuerySchema, recordNamesSchema, withNames } from './record-names.ts';

type Db = Kysely<Database>;

type Body = Record<string, unknown>;

/** The kinds of record a city's staff keep for the partners without editors of their own. */
const PARTNER_KEPT: ReadonlySet<AuditedRecordType> = new Set(['organization', 'person', 'event']);

/** Whether two scopes name the same cities and organizations: a write that keeps them moves nothing. */
function samePlaces(a: Scope, b: Scope): boolean {
  const key = (scope: Scope) =>
    `${[...new Set(scope.cityIds)].sort((x, y) => x - y).join()}|${[...new Set(scope.organizationIds)]
      .sort((x, y) => x - y)
      .join()}`;
  return key(a) === key(b);
}

/**
 * The check every new record passes, whether a route or an import creates it: the right to create
 * where it would belong, and the right to read every record it names (a reference is a read).
 * `except` names references already judged elsewhere (the document an import is accepting).
 */
export async function authorizeCreate<T extends { id: number; version: number }>(
  db: Db,
  request: FastifyRequest,
  def: Pick<RecordRoutesDefinition<T>, 'recordType' | 'scopeOfInput'>,
  body: Body,
  except: (reference: Reference) => boolean = () => false,
): Promise<void> {
  const scope = await def.scopeOfInput(db, body);
  if (
    scope.cityIds.length === 0 &&
    scope.organizationIds.length === 0 &&
    !can(request.principal, 'create', scope)
  ) {
    // Nobody but an administrator could ever read a record that belongs nowhere: say what is missing.
    throw forbidden('Name its city or organization: a record of no city is kept by administrators only.');
  }
  authorize(request, 'create', scope);
  const references = referencesOf(def.recordType, body).filter((reference) => !except(reference));
  await assertReferencesReadable(db, request.principal, references);
}

/**
 * The check every change of a record passes: the right to update it where it is; when the change
 * moves it (other cities or organizations), the right to delete it where it was and to create it
 * where it goes, since moving is leaving and arriving; and the right to read every record the change
 * newly names.
 */
export async function authorizeUpdate<T extends { id: number; version: number }>(
  db: Db,
  request: FastifyRequest,
  def: Pick<RecordRoutesDefinition<T>, 'recordType' | 'scopeOf' | 'scopeOfInput'>,
  stored: T,
  body: Body,
): Promise<void> {
  const storedScope = await def.scopeOf(db, stored);
  authorize(request, 'update', storedScope);
  const [here, there] = await Promise.all([
    def.scopeOfInput(db, {}, stored),
    def.scopeOfInput(db, body, stored),
  ]);
  if (!samePlaces(here, there)) {
    authorize(request, 'delete', storedScope);
    authorize(request, 'create', there);
  }
  await assertReferencesReadable(db, request.principal, referencesOf(def.recordType, body, stored));
}

const versionQuery = z.object({ version: z.coerce.number().pipe(versionSchema) });

/**
 * The read filter of a list: the asker's grants, and for a partner's institutions, people and
 * events also the partner cities the asker's city keeps (as the policy's `keeperCityIds` has it
 * for one record).
 */
async function listFilter(db: Db, recordType: AuditedRecordType, principal: Principal): Promise<ReadFilter> {
  const filter = readFilter(principal);
  if (filter.everything || !PARTNER_KEPT.has(recordType)) return filter;
  const kept = await keptPartnerCityIds(db, principal, 'city roles');
  return kept.length === 0 ? filter : { ...filter, keptCityIds: kept };
}

/**
 * The five REST routes of a record (list, get, create, update, delete) and its history, each thin:
 * parse (the zod schemas), check permission (the policy on the record's scope, `authorizeCreate` and
 * `authorizeUpdate` for writes), call the service.
 */
export function recordRoutes<T extends { id: number; version: number }>(
  def: RecordRoutesDefinition<T>,
): FastifyPluginAsyncZod<{ db: Db }> {
  const tags = [def.path];
  // Words of the OpenAPI summaries: «visit program items», «a visit program item», «an event».
  const plural = def.path.replace(/-/g, ' ');
  const one = def.what.toLowerCase();
  const article = /^[aeiou]/.test(one) ? 'an' : 'a';
  // A read may ask for the names of what the record refers to (`include=names`).
  const named = { names: recordNamesSchema.optional() };
  const readRecord =
    def.schemas.record instanceof z.ZodObject
      ? def.schemas.record.extend(named)
      : z.intersection(def.schemas.record, z.object(named));
  const listQuery =
    def.schemas.list instanceof z.ZodObject
      ? def.schemas.list.extend(includeQuerySchema.shape)
      : z.intersection(def.schemas.list, includeQuerySchema);
  return async (app, { db }) => {
    async function loadOrThrow(id: number): Promise<T> {
      const record = await def.find(db, id);
      if (!record) throw notFound(def.what, id);
      return record;
    }

    app.get(
      `/${def.path}`,
      {
        schema: {
          tags,
          summary: `A page of ${plural} the asker may read (the public: published ones), by the list's filters`,
          security: SIGNED_IN_OR_PUBLIC,
          querystring: listQuery,
          response: { 200: pageSchema(readRecord) },
        },
      },
      async (request) => {
        const { include, ...query } = request.query as { cityId?: number; include?: 'names' };
        const { cityId } = query;
        if (request.principal.kind === 'public' && !(await publicMayList(db, def.recordType, cityId))) {
          throw unauthenticated();
        }
        // The asker's scope is a condition of the query, so a page is full whatever the asker may read.
        const page = await def.list(
          db,
          query,
          readableRows(def.recordType, await listFilter(db, def.recordType, request.principal)),
        );
        const shown =
          request.principal.kind === 'public' && def.forPublic
            ? { ...page, items: page.items.map(def.forPublic) }
            : page;
        // Names are of what the record as shown refers to: the public's, without people, names none.
        return include === 'names' ? { ...shown, items: await withNames(db, shown.items) } : shown;
      },
    );

    app.get(
      `/${def.path}/:id`,
      {
        schema: {
          tags,
          summary: `One ${one} by id`,
          security: SIGNED_IN_OR_PUBLIC,
          params: idParamsSchema,
          querystring: includeQuerySchema,
          response: { 200: readRecord },
        },
      },
      async (request) => {
        const record = await loadOrThrow(request.params.id);
        authorize(request, 'read', await def.scopeOf(db, record));
        const shown = request.principal.kind === 'public' && def.forPublic ? def.forPublic(record) : record;
        return request.query.include === 'names' ? (await withNames(db, [shown]))[0] : shown;
      },
    );

    app.post(
      `/${def.path}`,
      {
        schema: {
          tags,
          summary: `Create ${article} ${one}`,
          body: def.schemas.create,
          response: { 201: def.schemas.record },
        },
      },
      async (request, reply) => {
        await authorizeCreate(db, request, def, request.body as Body);
        return reply.status(201).send(await def.create(db, actorOf(request), request.body));
      },
    );

    app.patch(
      `/${def.path}/:id`,
      {
        schema: {
          tags,
          summary: `Change ${article} ${one}: the fields given, with the \`version\` last read`,
          params: idParamsSchema,
          body: def.schemas.update,
          response: { 200: def.schemas.record },
        },
      },
      async (request) => {
        const stored = await loadOrThrow(request.params.id);
        await authorizeUpdate(db, request, def, stored, request.body as Body);
        return def.update(db, actorOf(request), request.params.id, request.body);
      },
    );

    app.delete(
      `/${def.path}/:id`,
      {
        schema: {
          tags,
          summary: `Delete ${article} ${one}, with the \`version\` last read`,
          params: idParamsSchema,
          querystring: versionQuery,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const stored = await loadOrThrow(request.params.id);
        authorize(request, 'delete', await def.scopeOf(db, stored));
        await def.remove(db, actorOf(request), request.params.id, request.query.version);
        return reply.status(204).send(null);
      },
    );

    app.get(
      `/${def.path}/:id/history`,
      {
        schema: {
          tags,
          summary: `The change history of ${article} ${one}: who changed what, before and after`,
          params: idParamsSchema,
          response: { 200: z.array(auditEntrySchema) },
        },
      },
      async (request) => {
        // A record's history (who changed what, its former values) is not published: it needs an account.
        requireUser(request);
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
