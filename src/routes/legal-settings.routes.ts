import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import {
  legalSettingsSchema,
  readLegalSettings,
  updateLegalSettings,
} from '../modules/agreements/legal-settings.ts';
import { requireAdministrator, requireUser } from '../plugins/auth.plugin.ts';

/** GET and PUT /api/settings/legal. */
export const legalSettingsRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/settings/legal',
    {
      schema: {
        tags: ['agreements'],
        summary:
          'The installation’s legal deadlines: working days to register an agreement, the annual list’s day',
        response: { 200: legalSettingsSchema },
      },
    },
    async (request) => {
      requireUser(request);
      return readLegalSettings(db);
    },
  );
  app.put(
    '/settings/legal',
    {
      schema: {
        tags: ['agreements'],
        summary: 'Change the legal deadlines (administrators)',
        body: legalSettingsSchema,
        response: { 200: legalSettingsSchema },
      },
    },
    async (request) => {
      requireAdministrator(request, 'Legal settings are for administrators.');
      return updateLegalSettings(db, request.body);
    },
  );
};
