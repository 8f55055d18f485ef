import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { forbidden, notFound } from '../errors.ts';
import { actorOf, requireUser } from '../plugins/auth.plugin.ts';
import { idParamsSchema } from '../modules/audit/fields.schema.ts';
import { findApiTokenOwner, listApiTokensOfUser } from '../modules/auth/api-token.list.ts';
import {
  apiTokenCreateSchema,
  apiTokenIssuedSchema,
  apiTokenListQuerySchema,
  apiTokenListSchema,
} from '../modules/auth/api-token.schema.ts';
import { createApiToken, revokeApiToken } from '../modules/auth/api-token.service.ts';
import { can, INSTALLATION } from '../modules/auth/policy.ts';

const tags = ['auth'];

/** Whether the asker manages accounts, and so everyone's tokens. */
function managesUsers(request: FastifyRequest): boolean {
  return can(request.principal, 'manage_users', INSTALLATION);
}

/** /api/tokens: the API tokens of scripts and partner systems, for their owner (and administrators). */
export const apiTokenRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/tokens',
    {
      schema: {
        tags,
        summary: 'Your API tokens (an administrator may name another user with userId); never their secrets',
        querystring: apiTokenListQuerySchema,
        response: { 200: apiTokenListSchema },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const userId = request.query.userId ?? user.userId;
      if (userId !== user.userId && !managesUsers(request)) throw forbidden();
      return { items: await listApiTokensOfUser(db, userId) };
    },
  );

  app.post(
    '/tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token for a script: its secret is in this answer and never again',
        body: apiTokenCreateSchema,
        response: { 201: apiTokenIssuedSchema },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      return reply.status(201).send(await createApiToken(db, actorOf(request), user.userId, request.body));
    },
  );

  app.delete(
    '/tokens/:id',
    {
      schema: {
        tags,
        summary: 'Revoke an API token: your own, or anyone’s for an administrator',
        params: idParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const ownerId = await findApiTokenOwner(db, request.params.id);
      // Someone else's token is, to a user who may not manage it, a token that does not exist.
      if (ownerId === undefined || (ownerId !== user.userId && !managesUsers(request)))
        throw notFound('API token', request.params.id);
      await revokeApiToken(db, actorOf(request), ownerId, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
