import { visitForPublic } from './visit-details.service.ts';
import type { RecordRoutesDefinition } from '../audit/record-definition.ts';
import { resolveScope } from '../auth/record-scope.ts';
import { findVisitById } from './visit.repository.ts';
import {
  visitCreateSchema,
  visitListQuerySchema,
  visitSchema,
  visitUpdateSchema,
  type Visit,
} from './visit.schema.ts';
import { createVisit, deleteVisit, listVisits, updateVisit } from './visit.service.ts';

/** /api/visits: a visit belongs to both of its cities. */
export const visitRecord: RecordRoutesDefinition<Visit> = {
  path: 'visits',
  what: 'Visit',
  recordType: 'visit',
  schemas: {
    record: visitSchema,
    create: visitCreateSchema,
    update: visitUpdateSchema,
    list: visitListQuerySchema,
  },
  find: findVisitById,
  list: listVisits,
  create: createVisit,
  update: updateVisit,
  remove: deleteVisit,
  forPublic: visitForPublic,
  scopeOf: (db, visit) =>
    resolveScope(db, { cityIds: [visit.fromCityId, visit.toCityId] }, { publishable: true }),
  scopeOfInput: (db, input, stored) =>
    resolveScope(db, {
      cityIds: [
        (input.fromCityId as number | undefined) ?? stored?.fromCityId,
        (input.toCityId as number | undefined) ?? stored?.toCityId,
      ],
    }),
};
