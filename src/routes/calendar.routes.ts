import { PUBLIC } from '../plugins/openapi.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { loadPrincipal } from '../modules/auth/principal.ts';
import { requireUser } from '../plugins/auth.plugin.ts';
import { todayUtc } from '../reports/reminders/reminder.service.ts';
import {
  deleteCalendarFeed,
  findUserIdByCalendarSecret,
  rotateCalendarFeedSecret,
} from '../reports/calendar/calendar-feed.repository.ts';
import { calendarItemsFor } from '../reports/calendar/calendar-items.ts';
import { clientGone } from '../plugins/work/work-pool.ts';

const feedSchema = z
  .object({
    url: z.url().describe('the secret address to subscribe to; anyone who has it reads the feed'),
  })
  .meta({ id: 'CalendarFeed' });

const feedFileParams = z.object({
  file: z.string().max(200).describe('the feed secret followed by .ics'),
});

// One message for a malformed, unknown and revoked secret alike: the answer must not tell them apart.
const unknownFeed = () => new AppError('not_found', 'There is no calendar feed at this address.');

/**
 * The iCalendar feed: POST /api/calendar/feed gives the signed-in user a secret URL (a new one
 * each time: the old one stops working), DELETE stops it, and GET /api/calendar/<secret>.ics
 * serves visits, events, plan deadlines and reminders the user may read, without a cookie.
 */
export const calendarRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.post(
    '/calendar/feed',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Create or replace your calendar feed’s secret URL',
        response: { 200: feedSchema },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const secret = await rotateCalendarFeedSecret(db, user.userId);
      return { url: `${request.protocol}://${request.host}/api/calendar/${secret}.ics` };
    },
  );

  app.delete(
    '/calendar/feed',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Stop your calendar feed (its URL answers 404 from now on)',
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      if (!(await deleteCalendarFeed(db, user.userId)))
        throw new AppError('not_found', 'You have no calendar feed to stop.');
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/calendar/:file',
    {
      schema: {
        tags: ['calendar'],
        summary: 'The calendar feed (text/calendar) at a secret URL; no sign-in needed',
        security: PUBLIC,
        params: feedFileParams,
        produces: ['text/calendar'],
        response: {
          200: {
            description: 'an iCalendar document',
            content: { 'text/calendar': { schema: z.string().describe('an iCalendar document') } },
          },
        },
      },
    },
    async (request, reply) => {
      const secret = /^(.+)\.ics$/.exec(request.params.file)?.[1];
      const userId = secret === undefined ? undefined : await findUserIdByCalendarSecret(db, secret);
      const principal = userId === undefined ? undefined : await loadPrincipal(db, userId);
      if (!principal || principal.kind !== 'user') throw unknownFeed();
      const items = await calendarItemsFor(db, principal, todayUtc());
      // Written on the worker pool's threads: a busy city's feed is megabytes of folded lines.
      const body = await app.work.run(
        { kind: 'calendar', items, options: { name: `Побратим: ${principal.displayName}`, now: new Date() } },
        clientGone(reply.raw),
      );
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .header('content-disposition', 'inline; filename="pobratim.ics"')
        .send(body);
    },
  );
};
