import { recordRoutes, type RecordRoutesDefinition } from '../../server/record-routes.ts';
import { resolveScope, type ScopeIds } from '../auth/record-scope.ts';
import type { Kysely } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/database.ts';
import { attachment } from '../../server/attachment.ts';
import { authorize } from '../../server/auth.plugin.ts';
import { fileResponse } from '../../server/openapi.ts';
import { idParamsSchema } from '../audit/fields.schema.ts';
import { findPersonById, findPersonByIdOrThrow } from './person.repository.ts';
import { personVCard, positionPlaces } from './person-vcard.ts';
import {
  personCreateSchema,
  personListQuerySchema,
  personSchema,
  personUpdateSchema,
  type Person,
} from './person.schema.ts';
import { createPerson, deletePerson, listPersons, updatePerson } from './person.service.ts';

type Positions = Array<{ cityId?: number | null; organizationId?: number | null }>;

/** A person belongs to their city and to the cities and organizations of their positions. */
function personScopeIds(cityId: number | null | undefined, positions: Positions): ScopeIds {
  return {
    cityIds: [cityId, ...positions.map((position) => position.cityId)],
    organizationIds: positions.map((position) => position.organizationId),
  };
}

/** /api/persons. */
export const personRecord: RecordRoutesDefinition<Person> = {
  path: 'persons',
  what: 'Person',
  recordType: 'person',
  schemas: {
    record: personSchema,
    create: personCreateSchema,
    update: personUpdateSchema,
    list: personListQuerySchema,
  },
  find: findPersonById,
  list: listPersons,
  create: createPerson,
  update: updatePerson,
  remove: deletePerson,
  scopeOf: (db, person) =>
    resolveScope(db, personScopeIds(person.cityId, person.positions), { partnerKept: true }),
  scopeOfInput: (db, input, stored) =>
    resolveScope(
      db,
      personScopeIds(
        input.cityId === undefined ? stored?.cityId : (input.cityId as number | null),
        (input.positions as Positions | undefined) ?? stored?.positions ?? [],
      ),
      { partnerKept: true },
    ),
};

/**
 * The REST routes of the record, and `GET /api/persons/:id/vcard`: the person's card for an address
 * book, read by whoever may read the person.
 */
export const personRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, options) => {
  await app.register(recordRoutes(personRecord), { db: options.db });
  const { db } = options;
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
      const fileName = `${person.fullName}.vcf`;
      return reply
        .type('text/vcard; charset=utf-8')
        .header('content-disposition', attachment(`person-${person.id}.vcf`, fileName))
        .header('cache-control', 'private, no-store')
        .send(card);
    },
  );
};
