import { z } from 'zod';
import { sortSchema } from '../audit/cursor-page.ts';
import type { RecordSourceKind, TwinningStatus, TwinningTier } from '../../db/database.ts';
import {
  isoDateSchema,
  optionalTextSchema,
  recordIdSchema,
  storedFields,
  versionSchema,
} from '../audit/fields.schema.ts';

/** How close the tie is: twin towns, partner cities, or friendship. */
export const twinningTierSchema = z.enum([
  'twin',
  'partner',
  'friendship',
] as const satisfies readonly TwinningTier[]);

/** Where the tie stands. */
export const twinningStatusSchema = z.enum([
  'proposed',
  'active',
  'suspended',
  'ended',
] as const satisfies readonly TwinningStatus[]);

const twinningFields = z.object({
  tier: twinningTierSchema,
  status: twinningStatusSchema,
  establishedOn: isoDateSchema.nullable(),
  establishedYear: z.number().int().min(1900).max(2100).nullable(),
  endedOn: isoDateSchema.nullable(),
  notes: optionalTextSchema,
});

/** A new twinning: two different cities, in either order; the rest may follow later. */
export const twinningCreateSchema = twinningFields
  .partial()
  .extend({ cityIds: z.tuple([recordIdSchema, recordIdSchema]) })
  .refine(({ cityIds: [a, b] }) => a !== b, {
    message: 'a twinning joins two different cities',
    path: ['cityIds'],
  });
export type TwinningCreate = z.infer<typeof twinningCreateSchema>;

/** A change to a twinning: the fields to change and the version the editor saw. */
export const twinningUpdateSchema = twinningFields.partial().extend({ version: versionSchema });
export type TwinningUpdate = z.infer<typeof twinningUpdateSchema>;

/** A twinning as the registry shows it: its two cities with the smaller id first. */
export const twinningSchema = twinningFields.extend({
  ...storedFields,
  cityAId: recordIdSchema,
  cityBId: recordIdSchema,
  source: z.enum(['user', 'import', 'document'] as const satisfies readonly RecordSourceKind[]),
  sourceRef: z.string().nullable(),
});
export type Twinning = z.infer<typeof twinningSchema>;

/** A twinning as an import brings it: the pair, and where in the source it was read. */
export interface ImportedTwinning {
  cityIds: [number, number];
  sourceRef: string;
}

/** The fields a city's twinnings can be sorted by (`sort=`); `partner` is the other city's name. */
export const TWINNING_SORTS = [
  'partner',
  'establishedOn',
  'tier',
  'status',
  'createdAt',
  'updatedAt',
] as const;

/** How a city's twinnings are listed: in the order they were recorded unless a sort is asked for. */
export const twinningListQuerySchema = z.object({
  sort: sortSchema(TWINNING_SORTS),
  order: z.enum(['asc', 'desc']).optional(),
});
export type TwinningListQuery = z.infer<typeof twinningListQuerySchema>;
