import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { DEFAULT_FILE_LIMITS, type FileLimits } from '../config.ts';
import type { Database, FileRecordType } from '../db/database.ts';
import { AppError, forbidden, notFound, validationFailed } from '../errors.ts';
import { attachment } from '../plugins/attachment.ts';
import { actorOf, authorize, requireUser } from '../plugins/auth.plugin.ts';
import type { RecordRoutesDefinition } from '../modules/audit/record-definition.ts';
import { agreementRecord } from '../modules/agreements/agreement.record.ts';
import { idParamsSchema, queryIdSchema } from '../modules/audit/fields.schema.ts';
import { insertAuditEntry } from '../modules/audit/audit.repository.ts';
import { isAdministrator } from '../modules/auth/policy.ts';
import { eventRecord } from '../modules/events/event.record.ts';
import { organizationRecord } from '../modules/organizations/organization.record.ts';
import { personRecord } from '../modules/persons/person.record.ts';
import { projectRecord } from '../modules/projects/project.record.ts';
import { visitRecord } from '../modules/visits/visit.record.ts';
import {
  ALLOWED_KINDS,
  checkFileContent,
  cleanFileName,
  extractText,
  isPreviewable,
} from '../modules/files/file.content.ts';
import {
  deleteFile,
  deleteSlot,
  fileUsage,
  findFile,
  insertFile,
  listFiles,
  lockUploads,
  readFileContent,
} from '../modules/files/file.repository.ts';
import {
  attachedFileSchema,
  fileSlotSchema,
  fileUsageSchema,
  type AttachedFile,
} from '../modules/files/file.schema.ts';

/** What the audit trail keeps of a file attached or deleted: where it was and what it was, not its bytes. */
function auditSnapshot(file: AttachedFile) {
  const { recordType, recordId, slot, name, mediaType, size, sha256 } = file;
  return { recordType, recordId, slot, name, mediaType, size, sha256 };
}

type Db = Kysely<Database>;
// Each kind's own definition: its `find` and `scopeOf` say where a record belongs, as its routes do.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyRecordDefinition = RecordRoutesDefinition<any>;

/** The records files are attached to, by the definitions their own routes are served by. */
export const FILE_RECORDS: ReadonlyArray<[FileRecordType, AnyRecordDefinition]> = [
  ['organization', organizationRecord],
  ['person', personRecord],
  ['visit', visitRecord],
  ['agreement', agreementRecord],
  ['project', projectRecord],
  ['event', eventRecord],
];

const fileParamsSchema = idParamsSchema.extend({ fileId: queryIdSchema });
const uploadQuerySchema = z.object({ slot: fileSlotSchema.optional() });
const downloadQuerySchema = z.object({ inline: z.enum(['true', 'false']).optional() });

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** A name for clients that read only the ASCII `filename`: the rest of the letters as «_». */
function asciiName(name: string): string {
  return name.replace(/[^\u0020-\u007e]/g, '_').replace(/["\\]/g, '_');
}

/**
 * Files attached to records: list, upload, download, delete under each record kind's own path
 * (`/api/agreements/7/files`). Who may read the record may list and download its files; who may
 * change it may attach and delete them: the policy judges the record's own scope, from the same
 * definition its routes use. Files are the office's papers, never the public page's: every file
 * route needs an account, even for a published record.
 */
export const fileRoutes: FastifyPluginAsyncZod<{ db: Db; limits?: FileLimits }> = async (app, options) => {
  const { db } = options;
  const limits = options.limits ?? DEFAULT_FILE_LIMITS;
  // Only these routes take multipart bodies; one file a request, a few fields.
  await app.register(multipart, { limits: { fileSize: limits.fileMaxBytes, files: 1, fields: 5, parts: 6 } });

  app.get(
    '/files/usage',
    {
      schema: {
        tags: ['files'],
        summary: 'The limits on files and what is used',
        response: { 200: fileUsageSchema },
      },
    },
    async (request) => {
      requireUser(request);
      if (!isAdministrator(request.principal)) throw forbidden();
      return {
        ...limits,
        ...(await fileUsage(db)),
        acceptedKinds: Object.values(ALLOWED_KINDS).map((kind) => kind.label),
      };
    },
  );

  for (const [recordType, def] of FILE_RECORDS) {
    const tags = ['files'];

    /** The record, after checking the asker may do `action` to it (files follow the record). */
    async function authorizeRecord(request: FastifyRequest, id: number, action: 'read' | 'update') {
      requireUser(request);
      const record = await def.find(db, id);
      if (!record) throw notFound(def.what, id);
      authorize(request, action, await def.scopeOf(db, record));
      return record;
    }

    app.get(
      `/${def.path}/:id/files`,
      {
        schema: {
          tags,
          summary: 'The files attached to the record (whoever may read the record)',
          params: idParamsSchema,
          response: { 200: z.array(attachedFileSchema) },
        },
      },
      async (request) => {
        await authorizeRecord(request, request.params.id, 'read');
        return listFiles(db, recordType, request.params.id);
      },
    );

    app.post(
      `/${def.path}/:id/files`,
      {
        schema: {
          tags,
          summary: 'Attach a file (multipart/form-data, one part named «file»)',
          params: idParamsSchema,
          querystring: uploadQuerySchema,
          response: { 201: attachedFileSchema },
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        await authorizeRecord(request, id, 'update');
        const slot = request.query.slot ?? null;
        if (slot === 'signed_scan' && recordType !== 'agreement') {
          throw validationFailed('Only an agreement has a signed scan.', [
            { path: 'querystring.slot', message: 'only an agreement has a signed scan' },
          ]);
        }
        const { name, bytes } = await receiveFile(request, limits);
        const checked = await checkFileContent(name, bytes);
        const text = await extractText(checked.mediaType, bytes);
        // One transaction: the room left is counted under a lock, a replaced scan goes with the new
        // one's arrival, and a refusal leaves nothing stored.
        const fileId = await db.transaction().execute(async (trx) => {
          await lockUploads(trx);
          const { usedBytes } = await fileUsage(trx);
          if (usedBytes + bytes.length > limits.totalMaxBytes) {
            throw new AppError(
              'files_storage_full',
              `The installation's files would take ${megabytes(usedBytes + bytes.length)}, over its limit of ` +
                `${megabytes(limits.totalMaxBytes)} (FILES_TOTAL_MAX_MB); delete files or ask the administrator.`,
              [{ path: 'file', message: 'installation full' }],
            );
          }
          const actor = actorOf(request);
          if (slot) {
            const replaced = (await listFiles(trx, recordType, id)).find((file) => file.slot === slot);
            if (replaced) {
              await deleteSlot(trx, recordType, id, slot);
              await insertAuditEntry(trx, {
                actor,
                action: 'delete',
                recordType: 'attached_file',
                recordId: replaced.id,
                before: auditSnapshot(replaced),
              });
            }
          }
          const newId = await insertFile(trx, {
            recordType,
            recordId: id,
            slot,
            name,
            mediaType: checked.mediaType,
            sha256: checked.sha256,
            content: bytes,
            text,
            uploadedBy: actor.userId,
          });
          const stored = await findFile(trx, recordType, id, newId);
          await insertAuditEntry(trx, {
            actor,
            action: 'create',
            recordType: 'attached_file',
            recordId: newId,
            after: stored && auditSnapshot(stored),
          });
          return newId;
        });
        const stored = await findFile(db, recordType, id, fileId);
        if (!stored) throw notFound('File', fileId);
        return reply.status(201).send(stored);
      },
    );

    app.get(
      `/${def.path}/:id/files/:fileId`,
      {
        schema: {
          tags,
          summary:
            'Download a file with its original name (`inline=true`: shown in place, for a PDF or an image)',
          params: fileParamsSchema,
          querystring: downloadQuerySchema,
        },
      },
      async (request, reply) => {
        const { id, fileId } = request.params;
        await authorizeRecord(request, id, 'read');
        const file = await findFile(db, recordType, id, fileId);
        const content = file && (await readFileContent(db, file.id));
        if (!file || !content) throw notFound('File', fileId);
        const disposition = attachment(asciiName(file.name), file.name);
        const inline = request.query.inline === 'true' && isPreviewable(file.mediaType);
        return reply
          .header('content-type', file.mediaType)
          .header('content-disposition', inline ? disposition.replace(/^attachment/, 'inline') : disposition)
          .header('cache-control', 'private, no-store')
          .send(content);
      },
    );

    app.delete(
      `/${def.path}/:id/files/:fileId`,
      {
        schema: {
          tags,
          summary: 'Delete a file attached to the record (whoever may edit the record)',
          params: fileParamsSchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const { id, fileId } = request.params;
        await authorizeRecord(request, id, 'update');
        await db.transaction().execute(async (trx) => {
          const file = await findFile(trx, recordType, id, fileId);
          if (!file || !(await deleteFile(trx, file.id))) throw notFound('File', fileId);
          await insertAuditEntry(trx, {
            actor: actorOf(request),
            action: 'delete',
            recordType: 'attached_file',
            recordId: file.id,
            before: auditSnapshot(file),
          });
        });
        return reply.status(204).send(null);
      },
    );
  }
};

/** Reads the one file part of a multipart request whole, refusing a missing or too large one. */
async function receiveFile(
  request: FastifyRequest,
  limits: FileLimits,
): Promise<{ name: string; bytes: Buffer }> {
  const missing = () =>
    validationFailed('Send the file as multipart/form-data, in a part named «file».', [
      { path: 'file', message: 'is required' },
    ]);
  if (!request.isMultipart()) throw missing();
  const part = await request.file();
  if (!part || part.fieldname !== 'file') throw missing();
  const name = cleanFileName(part.filename);
  try {
    return { name, bytes: await part.toBuffer() };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError(
        'file_too_large',
        `The file «${name}» is over the limit of ${megabytes(limits.fileMaxBytes)} a file (FILE_MAX_MB).`,
        [{ path: 'file', message: `over ${megabytes(limits.fileMaxBytes)}` }],
      );
    }
    throw error;
  }
}
