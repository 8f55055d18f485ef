import type { RecordRoutesDefinition } from '../audit/record-definition.ts';
import { resolveScope, type ScopeIds } from '../auth/record-scope.ts';
import { findPersonById } from './person.repository.ts';
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
