import { PUBLIC } from '../plugins/openapi.ts';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { FIRST_ADMIN_EMAIL } from '../modules/users/account-keeper.ts';
import { mustChangePassword } from '../modules/auth/password-change.ts';

const setupStatusSchema = z.object({
  /**
   * A fresh installation: the administrator the first start made still has the one-time password
   * it printed (the sign-in page tells where to find it only then).
   */
  firstStart: z.boolean(),
});

/** GET /api/setup/status: what the sign-in page may say before anyone signs in. */
export const setupRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/setup/status',
    {
      schema: {
        tags: ['auth'],
        summary: "Whether the installation is fresh (the first administrator's one-time password unused)",
        security: PUBLIC,
        response: { 200: setupStatusSchema },
      },
    },
    async () => {
      const first = await db
        .selectFrom('app_user')
        .select('id')
        .where('email', '=', FIRST_ADMIN_EMAIL)
        .executeTakeFirst();
      return { firstStart: first !== undefined && (await mustChangePassword(db, first.id)) };
    },
  );
};
