import { notFound } from '../../errors.ts';
import type { RecordRoutesDefinition } from '../audit/record-definition.ts';
import { findVisitById } from '../visits/visit.repository.ts';
import { visitRecord } from '../visits/visit.record.ts';
import { findProgramItemById } from './program-item.repository.ts';
import {
  programItemCreateSchema,
  programItemListQuerySchema,
  programItemSchema,
  programItemUpdateSchema,
  type ProgramItem,
} from './program-item.schema.ts';
import {
  createProgramItem,
  deleteProgramItem,
  listProgramItems,
  updateProgramItem,
} from './program-item.service.ts';

/** A program item belongs where its visit does. */
export async function scopeOfVisit(db: Parameters<typeof findVisitById>[0], visitId: number | undefined) {
  const visit = visitId ? await findVisitById(db, visitId) : undefined;
  if (!visit) throw notFound('Visit', visitId ?? 0);
  return visitRecord.scopeOf(db, visit);
}

/** /api/visit-program-items: the meetings, visits, events and signings of a visit. */
export const programItemRecord: RecordRoutesDefinition<ProgramItem> = {
  path: 'visit-program-items',
  what: 'Program item',
  recordType: 'visit_program_item',
  schemas: {
    record: programItemSchema,
    create: programItemCreateSchema,
    update: programItemUpdateSchema,
    list: programItemListQuerySchema,
  },
  find: findProgramItemById,
  list: listProgramItems,
  create: createProgramItem,
  update: updateProgramItem,
  remove: deleteProgramItem,
  scopeOf: (db, item) => scopeOfVisit(db, item.visitId),
  scopeOfInput: (db, input, stored) =>
    scopeOfVisit(db, (input.visitId as number | undefined) ?? stored?.visitId),
};
