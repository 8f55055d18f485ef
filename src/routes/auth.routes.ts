import { PUBLIC, SIGNED_IN_OR_PUBLIC } from '../plugins/openapi.ts';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { notFound } from '../errors.ts';
import { meSchema, signInSchema } from '../modules/auth/auth.schema.ts';
import { signIn } from '../modules/auth/auth.service.ts';
import {
  changeOwnPassword,
  mustChangePassword,
  passwordChangeSchema,
} from '../modules/auth/password-change.ts';
import { loadPrincipal, type Principal } from '../modules/auth/principal.ts';
import { deleteSession, setPasswordChangeRequired } from '../modules/auth/session.repository.ts';
import { keptPartnerCityIds } from '../modules/auth/partners.ts';
import { SESSION_COOKIE, requireUser, setSessionCookie } from '../plugins/auth.plugin.ts';

const tags = ['auth'];

/** The signed-in user as `meSchema` shows them, with the CSRF token their cookie writes must carry. */
async function toMe(
  db: Kysely<Database>,
  user: Extract<Principal, { kind: 'user' }>,
  csrfToken: string | null,
) {
  const { userId, email, displayName, locale, roles } = user;
  const [mustChange, partnerCityIds] = await Promise.all([
    mustChangePassword(db, userId),
    keptPartnerCityIds(db, user, 'city roles'),
  ]);
  return {
    id: userId,
    email,
    displayName,
    locale,
    roles,
    csrfToken,
    mustChangePassword: mustChange,
    partnerCityIds,
  };
}

/** Sign in and out, who am I, one's password (API tokens are under /api/tokens). */
export const authRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.post(
    '/auth/session',
    {
      schema: {
        tags,
        summary: 'Sign in with e-mail and password',
        security: PUBLIC,
        body: signInSchema,
        response: { 200: meSchema },
      },
    },
    async (request, reply) => {
      const session = await signIn(db, request.body, request.ip);
      setSessionCookie(request, reply, session.secret, session.expiresAt);
      const principal = await loadPrincipal(db, session.userId);
      if (!principal || principal.kind !== 'user') throw notFound('User', session.userId);
      const me = await toMe(db, principal, session.csrfToken);
      if (me.mustChangePassword) await setPasswordChangeRequired(db, session.secret, true);
      return me;
    },
  );

  app.delete(
    '/auth/session',
    { schema: { tags, summary: 'Sign out', security: SIGNED_IN_OR_PUBLIC, response: { 204: z.null() } } },
    async (request, reply) => {
      if (request.session) await deleteSession(db, request.session.secret);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    { schema: { tags, summary: 'The signed-in user and their roles', response: { 200: meSchema } } },
    async (request) => {
      return toMe(db, requireUser(request), request.session?.csrfToken ?? null);
    },
  );

  app.post(
    '/auth/password',
    {
      schema: {
        tags,
        summary: 'Change your own password (the current one is required); your other sessions end',
        body: passwordChangeSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      await changeOwnPassword(db, user.userId, request.body, request.ip, request.session?.secret ?? null);
      return reply.status(204).send(null);
    },
  );
};
