import { z } from 'zod';
import type { AgreementKind, AgreementStage, AgreementStatus } from '../../db/database.ts';
import { pageQuerySchema, sortSchema } from '../audit/cursor-page.ts';
import {
  isoDateSchema,
  optionalTextSchema,
  queryIdSchema,
  recordIdSchema,
  storedFields,
  textSchema,
  versionSchema,
} from '../audit/fields.schema.ts';
import { sphereSchema } from '../organizations/organization.schema.ts';
import { partiesSchema, partySchema } from './party.schema.ts';

/** What was signed: a twinning, a cooperation agreement, a memorandum, a plan of joint activities, a protocol. */
export const agreementKindSchema = z.enum([
  'twinning',
  'cooperation',
  'memorandum',
  'plan',
  'protocol',
  'other',
] as const satisfies readonly AgreementKind[]);
/** Where an agreement stands. */
export const agreementStatusSchema = z.enum([
  'draft',
  'in_force',
  'expired',
  'terminated',
] as const satisfies readonly AgreementStatus[]);

/** The stages of an agreement's legal path, in the order it goes through them. */
export const AGREEMENT_STAGES = [
  'draft',
  'in_approval',
  'signed',
  'submitted',
  'registered',
  'in_force',
  'ended',
] as const satisfies readonly AgreementStage[];
export const agreementStageSchema = z.enum(AGREEMENT_STAGES);

const agreementFields = z.object({
  kind: agreementKindSchema,
  title: textSchema,
  status: agreementStatusSchema,
  signedOn: isoDateSchema.nullable(),
  signedAtVisitId: recordIdSchema.nullable(),
  validFrom: isoDateSchema.nullable(),
  validUntil: isoDateSchema.nullable(),
  autoRenew: z.boolean(),
  documentId: recordIdSchema.nullable(),
  notes: optionalTextSchema,
});

const validRange = (agreement: { validFrom?: string | null; validUntil?: string | null }) =>
  !agreement.validFrom || !agreement.validUntil || agreement.validUntil >= agreement.validFrom;
const validRangeProblem = {
  message: 'An agreement cannot expire before it takes effect.',
  path: ['validUntil'],
};

/** A new agreement with its two or more parties. */
export const agreementCreateSchema = agreementFields
  .partial()
  .required({ kind: true, title: true })
  .extend({ parties: partiesSchema })
  .refine(validRange, validRangeProblem);
export type AgreementCreate = z.infer<typeof agreementCreateSchema>;

/** A change to an agreement; `parties`, when given, replaces them (still two or more). */
export const agreementUpdateSchema = agreementFields
  .partial()
  .extend({ parties: partiesSchema.optional(), version: versionSchema })
  .refine(validRange, validRangeProblem);
export type AgreementUpdate = z.infer<typeof agreementUpdateSchema>;

/** An agreement with its parties and the stage of its legal path entered last (null: none recorded). */
export const agreementSchema = agreementFields
  .extend(storedFields)
  .extend({ parties: z.array(partySchema), stage: agreementStageSchema.nullable() });
export type Agreement = z.infer<typeof agreementSchema>;

/** The fields an agreement list can be sorted by (`sort=`). */
export const AGREEMENT_SORTS = [
  'signedOn',
  'validFrom',
  'validUntil',
  'title',
  'status',
  'kind',
  'createdAt',
  'updatedAt',
] as const;

/** Agreements by status, kind and sphere (of a party), of a city or an organization, signed at a visit, or expiring by a date. */
export const agreementListQuerySchema = pageQuerySchema.extend({
  sort: sortSchema(AGREEMENT_SORTS),
  status: agreementStatusSchema.optional(),
  kind: agreementKindSchema.optional(),
  sphere: sphereSchema.optional(),
  cityId: queryIdSchema.optional(),
  organizationId: queryIdSchema.optional(),
  visitId: queryIdSchema.optional(),
  validUntilBefore: isoDateSchema.optional(),
});
export type AgreementListQuery = z.infer<typeof agreementListQuerySchema>;
