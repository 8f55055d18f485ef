import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { exportRegistry } from '../reports/exports/export-registry.ts';
import { INSTALLATION } from '../modules/auth/policy.ts';
import { authorize, requireUser } from '../plugins/auth.plugin.ts';
import { attachment } from '../plugins/attachment.ts';
import { fileResponse } from '../plugins/openapi.ts';
import { ADMIN_ONLY_KINDS, EXPORT_KINDS } from '../reports/exports/export-kinds.ts';
import { clientGone } from '../plugins/work/work-pool.ts';

// The files are written on the worker pool's threads (exceljs loads there, not at the server's start).
const FORMATS = {
  csv: { type: 'text/csv; charset=utf-8', media: 'text/csv' },
  xlsx: {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    media: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
} as const;

const today = () => new Date().toISOString().slice(0, 10);

/**
 * /api/exports/<kind>.csv and .xlsx: every list of the application, with the list's own filters
 * and order, all its pages, only the rows the asker may read; /api/export.json: the whole registry
 * as `pobratim export` writes it, for administrators.
 */
export const exportRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  for (const source of EXPORT_KINDS) {
    for (const [extension, format] of Object.entries(FORMATS)) {
      app.get(
        `/exports/${source.kind}.${extension}`,
        {
          schema: {
            tags: ['exports'],
            summary: `«${source.title}» as ${extension.toUpperCase()}: the list's filters, every page, what the asker may read`,
            querystring: source.query,
            produces: [format.media],
            response: { 200: fileResponse(`the list as a ${extension.toUpperCase()} file`, [format.media]) },
          },
        },
        async (request, reply) => {
          const principal = requireUser(request);
          if (ADMIN_ONLY_KINDS.has(source.kind)) authorize(request, 'manage_users', INSTALLATION);
          const sheet = await source.sheet(db, principal, request.query as Record<string, unknown>);
          const body = await app.work.file(
            { kind: 'sheet', sheet, format: extension as keyof typeof FORMATS },
            clientGone(reply.raw),
          );
          const date = today();
          return reply
            .header('content-type', format.type)
            .header(
              'content-disposition',
              attachment(`${source.kind}-${date}.${extension}`, `${source.title} ${date}.${extension}`),
            )
            .header('cache-control', 'no-store')
            .send(body);
        },
      );
    }
  }

  app.get(
    '/export.json',
    {
      schema: {
        tags: ['exports'],
        summary: 'The whole registry as one JSON document `pobratim import` reads',
        produces: ['application/json'],
        response: { 200: fileResponse('the registry as a JSON file', ['application/json']) },
      },
    },
    async (request, reply) => {
      authorize(request, 'manage_users', INSTALLATION);
      const document = await db
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute((trx) => exportRegistry(trx));
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', attachment(`pobratim-${today()}.json`, `pobratim-${today()}.json`))
        .header('cache-control', 'no-store')
        .send(`${JSON.stringify(document, null, 2)}\n`);
    },
  );
};
