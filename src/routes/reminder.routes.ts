import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { notFound } from '../errors.ts';
import { findCityById } from '../modules/cities/city.repository.ts';
import { authorize, requireUser } from '../plugins/auth.plugin.ts';
import { resolveScope } from '../modules/auth/record-scope.ts';
import { reminderListSchema, reminderQuerySchema } from '../reports/reminders/reminder.schema.ts';
import { listReminders, readableCityIds, todayUtc } from '../reports/reminders/reminder.service.ts';

/** GET /api/reminders: city days, jubilees, anniversaries, agreements ending, plan items due, quiet partnerships. */
export const reminderRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/reminders',
    {
      schema: {
        tags: ['reminders'],
        summary: 'Reminders for a city (or every city the asker may read), overdue first, then by date',
        querystring: reminderQuerySchema,
        response: { 200: reminderListSchema },
      },
    },
    async (request) => {
      const principal = requireUser(request);
      const { cityId, from = todayUtc(), days } = request.query;
      let cityIds: number[];
      if (cityId === undefined) {
        cityIds = await readableCityIds(db, principal);
      } else {
        if (!(await findCityById(db, cityId))) throw notFound('City', cityId);
        authorize(request, 'read', await resolveScope(db, { cityIds: [cityId] }, { publishable: true }));
        cityIds = [cityId];
      }
      return listReminders(db, principal, { cityIds, from, days });
    },
  );
};
