import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { idParamsSchema } from '../modules/audit/fields.schema.ts';
import { findVisitByIdOrThrow } from '../modules/visits/visit.repository.ts';
import { detailsReader } from './visit-details.routes.ts';
import { visitRecord } from '../modules/visits/visit.record.ts';
import { authorize } from '../plugins/auth.plugin.ts';
import { attachment } from '../plugins/attachment.ts';
import { pressReleaseFileNames, writePressRelease } from '../reports/press-release/press-release.service.ts';
import { clientGone } from '../plugins/work/work-pool.ts';

/** The draft as the visit page shows it: title, lead, the paragraphs after it, and all of it as plain text. */
export const pressReleaseSchema = z.object({
  title: z.string(),
  lead: z.string(),
  paragraphs: z.array(z.string()),
  text: z.string(),
});

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** GET /api/visits/:id/press-release: a press-release draft of the visit, for whoever may read the visit. */
export const pressReleaseRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/visits/:id/press-release',
    {
      schema: {
        tags: ['visits'],
        summary:
          'A press-release draft of the visit in Russian: JSON (title, lead, paragraphs, text), plain text or DOCX',
        params: idParamsSchema,
        querystring: z.object({ format: z.enum(['json', 'text', 'docx']).default('json') }),
        produces: ['application/json', 'text/plain', DOCX],
        response: { 200: pressReleaseSchema },
      },
    },
    async (request, reply) => {
      const visit = await findVisitByIdOrThrow(db, request.params.id);
      authorize(request, 'read', await visitRecord.scopeOf(db, visit));
      // What the visit's details page shows this reader, told as a text: the public reads no names.
      const release = await writePressRelease(db, visit.id, {}, detailsReader(request));
      const { format } = request.query;
      if (format === 'json') return release;
      // The typed reply describes the JSON; a file body is sent as it is, past the JSON serializer.
      const file: FastifyReply = reply.header('cache-control', 'no-store');
      if (format === 'text') return file.type('text/plain; charset=utf-8').send(release.text);
      const names = pressReleaseFileNames(visit.id, release, 'docx');
      return file
        .type(DOCX)
        .header('content-disposition', attachment(names.ascii, names.russian))
        .send(await app.work.file({ kind: 'press-release-docx', release }, clientGone(reply.raw)));
    },
  );
};
