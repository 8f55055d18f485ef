import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { forbidden } from '../errors.ts';
import { requireUser } from '../plugins/auth.plugin.ts';
import { emailSchema } from '../modules/auth/email.ts';
import { isAdministrator } from '../modules/auth/policy.ts';
import { letterHtml, letterText } from '../modules/mail/letter-html.ts';
import {
  mailServerSchema,
  mailServerUpdateSchema,
  readMailServer,
  sendLetter,
  updateMailServer,
} from '../modules/mail/mail-server.ts';
import { WORDS, mailLanguage } from '../modules/mail/mail-words.ts';
import {
  readUserDigest,
  updateUserDigest,
  userDigestSchema,
  userDigestUpdateSchema,
} from '../modules/mail/user-digest.ts';

function requireAdministrator(request: FastifyRequest) {
  const user = requireUser(request);
  if (!isAdministrator(user)) throw forbidden('Mail settings are for administrators.');
  return user;
}

const assigneeSchema = z.object({ id: z.number().int(), displayName: z.string() }).meta({ id: 'Assignee' });

/** /api/mail/…: the SMTP server (administrators), the test letter, a user's digest, who can be assigned. */
export const mailRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/mail/server',
    {
      schema: {
        tags: ['mail'],
        summary: 'The SMTP server mail goes through, without its password (administrators)',
        response: { 200: mailServerSchema },
      },
    },
    async (request) => {
      requireAdministrator(request);
      return readMailServer(db);
    },
  );

  app.put(
    '/mail/server',
    {
      schema: {
        tags: ['mail'],
        summary:
          'Sets the SMTP server, its sign-in, the sender and the digests’ hour; no host turns mail off (administrators)',
        body: mailServerUpdateSchema,
        response: { 200: mailServerSchema },
      },
    },
    async (request) => {
      requireAdministrator(request);
      return updateMailServer(db, request.body);
    },
  );

  app.post(
    '/mail/test',
    {
      schema: {
        tags: ['mail'],
        summary:
          'Sends a test letter through the SMTP server, to the asker or the address given (administrators)',
        body: z.object({ to: emailSchema.optional() }).optional(),
        response: { 200: z.object({ to: z.string() }) },
      },
    },
    async (request) => {
      const user = requireAdministrator(request);
      const to = request.body?.to ?? user.email;
      const language = mailLanguage(user.locale);
      const words = WORDS[language];
      const outline = { intro: words.testBody, sections: [], footer: [{ text: words.footer }] };
      await sendLetter(db, {
        to,
        subject: words.testSubject,
        text: letterText(outline),
        html: letterHtml(outline, language),
      });
      return { to };
    },
  );

  app.get(
    '/mail/digest',
    {
      schema: {
        tags: ['mail'],
        summary: 'The asker’s digest by e-mail: none, daily or weekly, and whether mail is set up',
        response: { 200: userDigestSchema },
      },
    },
    async (request) => readUserDigest(db, requireUser(request).userId),
  );

  app.put(
    '/mail/digest',
    {
      schema: {
        tags: ['mail'],
        summary: 'Chooses the asker’s digest by e-mail: none, daily or weekly',
        body: userDigestUpdateSchema,
        response: { 200: userDigestSchema },
      },
    },
    async (request) => updateUserDigest(db, requireUser(request).userId, request.body.digest),
  );

  app.get(
    '/mail/assignees',
    {
      schema: {
        tags: ['mail'],
        summary: 'The users a plan item can be assigned to (active accounts), by name',
        response: { 200: z.array(assigneeSchema) },
      },
    },
    async (request) => {
      requireUser(request);
      const rows = await db
        .selectFrom('app_user')
        .select(['id', 'display_name'])
        .where('disabled', '=', false)
        .orderBy('display_name')
        .orderBy('id')
        .execute();
      return rows.map((row) => ({ id: row.id, displayName: row.display_name }));
    },
  );
};
