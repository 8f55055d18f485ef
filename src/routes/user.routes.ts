import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { addAccount } from '../modules/users/account-keeper.ts';
import { roleGrantSchema } from '../modules/auth/auth.schema.ts';
import { emailSchema } from '../modules/auth/email.ts';
import { INSTALLATION } from '../modules/auth/policy.ts';
import { pageSchema } from '../modules/audit/cursor-page.ts';
import { actorOf, authorize } from '../plugins/auth.plugin.ts';
import { userListQuerySchema, userSchema } from '../modules/users/user.schema.ts';
import { addUserRole, listUsers, removeUserRole } from '../modules/users/user.service.ts';
import { conflict } from '../errors.ts';
import { idParamsSchema } from '../modules/audit/fields.schema.ts';

const tags = ['users'];
const newUserSchema = z.object({
  email: emailSchema,
  displayName: z.string().trim().min(1).max(200),
  locale: z.enum(['ru', 'be', 'en']).optional(),
  roles: z.array(roleGrantSchema).max(100).default([]),
  password: z.string().min(1).max(1024).optional(),
});

/** /api/users: accounts and their roles, for administrators. */
export const userRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/users',
    {
      schema: {
        tags,
        summary: 'A page of the accounts and their roles (administrators only)',
        querystring: userListQuerySchema,
        response: { 200: pageSchema(userSchema) },
      },
    },
    async (request) => {
      authorize(request, 'manage_users', INSTALLATION);
      return listUsers(db, request.query);
    },
  );

  app.post(
    '/users',
    {
      schema: {
        tags,
        summary: 'Create an account; without a password one is generated and returned once',
        body: newUserSchema,
        response: { 201: z.object({ user: userSchema, password: z.string().nullable() }) },
      },
    },
    async (request, reply) => {
      authorize(request, 'manage_users', INSTALLATION);
      const { password, ...rest } = request.body;
      const result = await addAccount(db, { ...rest, password }, actorOf(request));
      return reply
        .status(201)
        .send({ user: result.user, password: result.generated ? result.password : null });
    },
  );

  app.post(
    '/users/:id/roles',
    {
      schema: {
        tags,
        summary: 'Grant a role',
        params: idParamsSchema,
        body: roleGrantSchema,
        response: { 200: userSchema },
      },
    },
    async (request) => {
      authorize(request, 'manage_users', INSTALLATION);
      return addUserRole(db, actorOf(request), request.params.id, request.body);
    },
  );

  app.delete(
    '/users/:id/roles',
    {
      schema: {
        tags,
        summary: 'Take a role away (the role in the body, as it was granted)',
        params: idParamsSchema,
        body: roleGrantSchema,
        response: { 200: userSchema },
      },
    },
    async (request) => {
      authorize(request, 'manage_users', INSTALLATION);
      const actor = actorOf(request);
      // An administrator who took their own role away could lock the installation out of its users.
      if (request.body.role === 'admin' && actor.userId === request.params.id)
        throw conflict('You cannot take the administrator role from yourself.');
      return removeUserRole(db, actor, request.params.id, request.body);
    },
  );
};
