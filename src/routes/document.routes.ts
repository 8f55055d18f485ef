import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/database.ts';
import { forbidden } from '../errors.ts';
import {
  assertCitiesResolved,
  type CreatedKind,
  type DraftGuard,
} from '../modules/press-release-import/draft-acceptor.ts';
import { draftSchema, type Draft } from '../modules/press-release-import/draft.schema.ts';
import {
  acceptImport,
  draftOfDocument,
  importPressRelease,
  importRequestSchema,
  type Extractor,
} from '../modules/press-release-import/importer.ts';
import { extractionResultSchema } from '../extract/extraction.schema.ts';
import { can, isAdministrator, isEditor, type Scope } from '../modules/auth/policy.ts';
import type { Principal } from '../modules/auth/principal.ts';
import { pageSchema } from '../modules/audit/cursor-page.ts';
import { actorOf, authorize, requireUser } from '../plugins/auth.plugin.ts';
import { readableDocuments, resolveScope } from '../modules/auth/record-scope.ts';
import { findDocumentByIdOrThrow } from '../modules/documents/document.repository.ts';
import {
  PreviewGate,
  previewPressRelease,
  previewRequestSchema,
  previewResponseSchema,
} from '../modules/documents/document.preview.ts';
import {
  documentListQuerySchema,
  documentSchema,
  documentSummarySchema,
} from '../modules/documents/document.schema.ts';
import { listDocuments } from '../modules/documents/document.service.ts';
import {
  documentRecordSchema,
  listLabelledRecordsOfDocument,
} from '../modules/documents/document-records.ts';
import { idParamsSchema } from '../modules/audit/fields.schema.ts';
import type { RecordRoutesDefinition } from '../modules/audit/record-definition.ts';
import { authorizeCreate } from './record-routes.ts';
import { assertReferencesReadable } from '../modules/auth/references.ts';
import { agreementRecord } from '../modules/agreements/agreement.record.ts';
import { eventRecord } from '../modules/events/event.record.ts';
import { organizationRecord } from '../modules/organizations/organization.record.ts';
import { personRecord } from '../modules/persons/person.record.ts';
import { projectRecord } from '../modules/projects/project.record.ts';
import { visitRecord } from '../modules/visits/visit.record.ts';
import { getTwinning } from '../modules/twinnings/twinning.service.ts';
import { clientGone } from '../plugins/work/work-pool.ts';

const tags = ['documents'];
const importResponse = z.object({
  document: documentSchema,
  duplicate: z.boolean(),
  extraction: extractionResultSchema,
  draft: draftSchema,
});
const acceptedSchema = z.object({
  records: z.array(
    z.object({
      ref: z.string(),
      type: z.string(),
      id: z.number().int(),
      action: z.enum(['created', 'linked']),
    }),
  ),
});

/** Importing is for those who may write somewhere: administrators and editors, not viewers. */
function requireEditor(request: FastifyRequest): void {
  requireUser(request);
  if (!isEditor(request.principal)) throw forbidden('Viewers cannot import documents.');
}

/**
 * Where a document belongs: the cities and organizations of the records taken from it. One not yet
 * accepted belongs to no city: every editor may review it (the shared import queue).
 */
export async function documentScope(db: Kysely<Database>, documentId: number): Promise<Scope | 'pending'> {
  const rows = await sql<{ city_id: number | null; organization_id: number | null }>`
    SELECT CASE rs.record_type WHEN 'city' THEN rs.record_id END AS city_id,
           CASE rs.record_type WHEN 'organization' THEN rs.record_id END AS organization_id
    FROM record_source rs WHERE rs.document_id = ${documentId} AND rs.record_type IN ('city', 'organization')
  `.execute(db);
  if (rows.rows.length === 0) return 'pending';
  return resolveScope(db, {
    cityIds: rows.rows.map((row) => row.city_id),
    organizationIds: rows.rows.map((row) => row.organization_id),
  });
}

/** Whether the asker may read a document: an accepted one by its scope, a pending one if an editor. */
export async function canReadDocument(
  db: Kysely<Database>,
  principal: Principal,
  documentId: number,
): Promise<boolean> {
  if (isAdministrator(principal)) return true;
  const scope = await documentScope(db, documentId);
  return scope === 'pending' ? isEditor(principal) : can(principal, 'read', scope);
}

async function authorizeDocument(
  db: Kysely<Database>,
  request: FastifyRequest,
  documentId: number,
): Promise<void> {
  const scope = await documentScope(db, documentId);
  if (scope === 'pending') requireEditor(request);
  else authorize(request, 'read', scope);
}

/** The scope a reviewed draft writes into: every city and organization it names. */
function draftScopeIds(draft: Draft) {
  return {
    cityIds: draft.cities.filter((c) => c.include).map((c) => c.chosenId),
    organizationIds: draft.organizations.filter((o) => o.include).map((o) => o.chosenId),
  };
}

const CREATED: Record<
  Exclude<CreatedKind, 'twinning'>,
  Pick<RecordRoutesDefinition<never>, 'recordType' | 'scopeOfInput'>
> = {
  organization: organizationRecord,
  person: personRecord,
  visit: visitRecord,
  agreement: agreementRecord,
  project: projectRecord,
  event: eventRecord,
};

/**
 * An acceptance judged as the records' own routes judge them: each record it creates as its POST
 * would be (the document being accepted aside, which its route has judged), each record it links
 * as a reference.
 */
function draftGuard(request: FastifyRequest, documentId: number): DraftGuard {
  return {
    creating: async (trx, kind, input) => {
      // As POST /twinnings judges it: the right to create in one of its two cities.
      if (kind === 'twinning') {
        const cityIds = input.cityIds as number[];
        authorize(request, 'create', { cityIds, organizationIds: [] });
        return;
      }
      await authorizeCreate(
        trx,
        request,
        CREATED[kind],
        input,
        (ref) => ref.kind === 'document' && ref.id === documentId,
      );
    },
    // Cities are reference data anyone may read.
    linking: async (trx, kind, id) => {
      if (kind === 'city') return;
      if (kind === 'twinning') {
        const twinning = await getTwinning(trx, id);
        const cityIds = [twinning.cityAId, twinning.cityBId];
        authorize(request, 'read', await resolveScope(trx, { cityIds }, { publishable: true }));
        return;
      }
      await assertReferencesReadable(trx, request.principal, [{ path: 'chosenId', kind, id }]);
    },
  };
}

/**
 * The city «наш город» of a release stands for when the request names none: the installation's
 * only home city, else the one city the importing editor works for. The persons the text places
 * nowhere are then of that city, as an editor may create them; the reviewer changes any of it.
 * An administrator with neither gets the persons unplaced, which they may create as they are.
 */
async function defaultHomeCity(
  db: Kysely<Database>,
  principal: FastifyRequest['principal'],
): Promise<string | undefined> {
  const homes = await db
    .selectFrom('home_city')
    .innerJoin('city', 'city.id', 'home_city.city_id')
    .select(['city.id', 'city.name_ru', 'city.name_en'])
    .execute();
  const grants = principal.kind === 'user' ? principal.roles : [];
  const own = grants.flatMap((grant) => (grant.role === 'city_editor' ? [grant.cityId] : []));
  const home = homes.length === 1 ? homes[0] : homes.find((city) => own.length === 1 && city.id === own[0]);
  if (home) return home.name_ru ?? home.name_en;
  if (own.length !== 1) return undefined;
  const city = await db
    .selectFrom('city')
    .select(['name_ru', 'name_en'])
    .where('id', '=', own[0]!)
    .executeTakeFirst();
  return city ? (city.name_ru ?? city.name_en) : undefined;
}

/** The request with its home city filled in when it names none (see defaultHomeCity). */
async function withHomeCity<T extends { homeCity?: string | undefined }>(
  db: Kysely<Database>,
  request: FastifyRequest,
  body: T,
): Promise<T> {
  if (body.homeCity) return body;
  const homeCity = await defaultHomeCity(db, request.principal);
  return homeCity ? { ...body, homeCity } : body;
}

/** /api/documents: press releases in, reviewed drafts accepted into records. */
export const documentRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  const previews = new PreviewGate();
  // Extraction runs on the worker pool's threads (which a listening server starts with the
  // dictionaries loaded); a preview or an import whose client went away leaves the queue.
  const extractorFor =
    (reply: FastifyReply): Extractor =>
    (text, options) =>
      app.work.extract(text, options, clientGone(reply.raw));

  app.post(
    '/documents/preview',
    {
      schema: {
        tags,
        summary:
          'Extract and match a press release without storing it: the draft an import would give, and the document already stored with the same text, if any',
        body: previewRequestSchema,
        response: { 200: previewResponseSchema },
      },
    },
    async (request, reply) => {
      requireEditor(request);
      const userId = request.principal.kind === 'user' ? request.principal.userId : 0;
      const body = await withHomeCity(db, request, request.body);
      const preview = await previews.run(userId, () => previewPressRelease(db, body, extractorFor(reply)));
      if (preview.duplicateOf) await authorizeDocument(db, request, preview.duplicateOf.id);
      return preview;
    },
  );

  app.post(
    '/documents',
    {
      schema: {
        tags,
        summary:
          'Import a press release: store it, extract its facts, draft the records (matched to the registry)',
        body: importRequestSchema,
        response: { 200: importResponse, 201: importResponse },
      },
    },
    async (request, reply) => {
      requireEditor(request);
      const body = await withHomeCity(db, request, request.body);
      const result = await importPressRelease(db, actorOf(request), body, extractorFor(reply));
      if (result.duplicate) await authorizeDocument(db, request, result.document.id);
      return reply.status(result.duplicate ? 200 : 201).send(result);
    },
  );

  app.get(
    '/documents',
    {
      schema: {
        tags,
        summary: 'A page of the imported documents the asker may read, by the list filters',
        querystring: documentListQuerySchema,
        response: { 200: pageSchema(documentSummarySchema) },
      },
    },
    async (request) => {
      requireUser(request);
      return listDocuments(db, request.query, readableDocuments(request.principal));
    },
  );

  app.get(
    '/documents/:id',
    {
      schema: {
        tags,
        summary: 'A document with its facts and its draft, matched against the registry as it is now',
        params: idParamsSchema,
        response: { 200: importResponse.omit({ duplicate: true }) },
      },
    },
    async (request) => {
      await authorizeDocument(db, request, request.params.id);
      const document = await findDocumentByIdOrThrow(db, request.params.id);
      return {
        document,
        extraction: document.extraction as never,
        draft: await draftOfDocument(db, document.id),
      };
    },
  );

  app.get(
    '/documents/:id/records',
    {
      schema: {
        tags,
        summary: 'The records a document is the source of, with their names and evidence spans',
        params: idParamsSchema,
        response: { 200: z.array(documentRecordSchema) },
      },
    },
    async (request) => {
      await authorizeDocument(db, request, request.params.id);
      await findDocumentByIdOrThrow(db, request.params.id);
      return listLabelledRecordsOfDocument(db, request.params.id);
    },
  );

  app.post(
    '/documents/:id/accept',
    {
      schema: {
        tags,
        summary: 'Accept a reviewed draft (all or part) into records, in one transaction',
        params: idParamsSchema,
        body: draftSchema,
        response: { 200: acceptedSchema },
      },
    },
    async (request) => {
      requireEditor(request);
      assertCitiesResolved(request.body);
      authorize(request, 'create', await resolveScope(db, draftScopeIds(request.body)));
      const guard = draftGuard(request, request.params.id);
      return {
        records: await acceptImport(db, actorOf(request), request.params.id, request.body, guard),
      };
    },
  );
};
