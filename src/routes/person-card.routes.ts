import type { Kysely } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../db/database.ts';
import { idParamsSchema } from '../modules/audit/fields.schema.ts';
import { personRecord } from '../modules/persons/person.record.ts';
import { findPersonByIdOrThrow } from '../modules/persons/person.repository.ts';
import { personVCard, positionPlaces } from '../modules/persons/person-vcard.ts';
import { attachment } from '../plugins/attachment.ts';
import { authorize } from '../plugins/auth.plugin.ts';
import { fileResponse } from '../plugins/openapi.ts';

/**
 * `GET /api/persons/:id/vcard`: the person's card for an address book, read by whoever may read the
 * person.
 */
export const personCardRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/persons/:id/vcard',
    {
      schema: {
        tags: ['persons'],
        summary: 'The person as a vCard 4.0 for an address book: name, position, e-mail, phones, address',
        params: idParamsSchema,
        response: { 200: fileResponse('a vCard (RFC 6350)', ['text/vcard']) },
      },
    },
    async (request, reply) => {
      const person = await findPersonByIdOrThrow(db, request.params.id);
      authorize(request, 'read', await personRecord.scopeOf(db, person));
      const card = personVCard(person, await positionPlaces(db, person));
      return reply
        .type('text/vcard; charset=utf-8')
        .header('content-disposition', attachment(`person-${person.id}.vcf`, `${person.fullName}.vcf`))
        .header('cache-control', 'private, no-store')
        .send(card);
    },
  );
};
