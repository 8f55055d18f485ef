import { z } from 'zod';
import { isoDateSchema, recordIdSchema, versionSchema } from '../audit/fields.schema.ts';
import { programItemSchema } from './program-item.schema.ts';

/** One item's place in a visit's new order, with the version of the item the editor saw. */
const programPlaceSchema = z.object({
  id: recordIdSchema,
  version: versionSchema,
  day: isoDateSchema.nullable(),
  position: z.number().int().min(0).max(10_000),
});

/** Each item named once and each position taken once: the API lists a program by position alone. */
function refuseRepeats(items: z.infer<typeof programPlaceSchema>[], context: z.RefinementCtx) {
  const ids = new Set<number>();
  const positions = new Set<number>();
  items.forEach((item, index) => {
    if (ids.has(item.id)) {
      context.addIssue({ code: 'custom', path: [index, 'id'], message: `names item ${item.id} again` });
    }
    if (positions.has(item.position)) {
      context.addIssue({
        code: 'custom',
        path: [index, 'position'],
        message: `position ${item.position} is taken by another item`,
      });
    }
    ids.add(item.id);
    positions.add(item.position);
  });
}

/**
 * A visit's whole program in its new order (`PUT /api/visits/:id/program/order`): every item of the
 * visit, each once, with the day and position it moves to and the version the editor saw.
 */
export const programOrderSchema = z.object({
  items: z.array(programPlaceSchema).max(1000).superRefine(refuseRepeats),
});
export type ProgramOrder = z.infer<typeof programOrderSchema>;

/** The visit's program after the reorder, in its order. */
export const reorderedProgramSchema = z.object({ items: z.array(programItemSchema) });
