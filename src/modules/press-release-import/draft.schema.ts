import { z } from 'zod';
import { agreementKindSchema } from '../agreements/agreement.schema.ts';
import { recordIdSchema } from '../audit/fields.schema.ts';
import { eventKindSchema } from '../events/event.schema.ts';
import { organizationKindSchema } from '../organizations/organization.schema.ts';
import { twinningTierSchema } from '../twinnings/twinning.schema.ts';
import { visitKindSchema } from '../visits/visit.schema.ts';

/** A record of the registry that a proposal may be, and how sure the matcher is (0–1). */
export const matchSchema = z.object({
  id: recordIdSchema,
  /** The record in Russian, as the command line shows it; an interface words it from the rest. */
  label: z.string(),
  confidence: z.number().min(0).max(1),
  /** A city's country, the seat of its region (naming the region) and population. */
  place: z
    .object({
      name: z.object({ ru: z.string().nullable(), be: z.string().nullable(), en: z.string() }),
      country: z.string(),
      region: z.object({ ru: z.string().nullable(), be: z.string().nullable(), en: z.string() }).nullable(),
      population: z.number().int().min(0),
    })
    .optional(),
  /** A visit's days. */
  dates: z.object({ start: z.string(), end: z.string() }).optional(),
});
export type Match = z.infer<typeof matchSchema>;

/** Evidence: [start, end) character offsets into the document's text. */
const spanSchema = z.tuple([z.number().int().min(0), z.number().int().min(0)]).nullable();
/** A reference from one proposal to another within the draft («c1», «o2», «p1»). */
const refSchema = z.string().regex(/^[a-z]\d+$/);
/** A date as the text gives it: full, or day and month only when the text names no year. */
const looseDateSchema = z
  .string()
  .regex(/^(\d{4}|-)-\d{2}-\d{2}$/, 'is YYYY-MM-DD (or --MM-DD when the year is unknown)');

/**
 * What every proposal carries: the matches found, the one chosen (`chosenId`; null means "create a
 * new record"), whether to accept it at all, and the evidence.
 */
const proposal = {
  ref: refSchema,
  matches: z.array(matchSchema).max(10),
  chosenId: recordIdSchema.nullable(),
  include: z.boolean(),
  span: spanSchema,
};

export const cityProposalSchema = z.object({ ...proposal, name: z.string().min(1).max(200) });
export const organizationProposalSchema = z.object({
  ...proposal,
  name: z.string().trim().min(1).max(500),
  kind: organizationKindSchema,
  cityRef: refSchema.nullable(),
});
export const personProposalSchema = z.object({
  ...proposal,
  name: z.string().trim().min(1).max(300),
  position: z.string().trim().max(500).nullable(),
  cityRef: refSchema.nullable(),
});
export const visitProposalSchema = z.object({
  ...proposal,
  fromCityRef: refSchema.nullable(),
  toCityRef: refSchema.nullable(),
  start: looseDateSchema.nullable(),
  end: looseDateSchema.nullable(),
  kind: visitKindSchema.nullable(),
  headRef: refSchema.nullable(),
  headPosition: z.string().trim().max(500).nullable(),
});
export const agreementProposalSchema = z.object({
  ...proposal,
  kind: agreementKindSchema,
  title: z.string().trim().min(1).max(2000),
  signedOn: looseDateSchema.nullable(),
  visitRef: refSchema.nullable(),
  partyRefs: z.array(refSchema).max(50),
});
export const projectProposalSchema = z.object({
  ...proposal,
  title: z.string().trim().min(1).max(2000),
  partyRefs: z.array(refSchema).max(50),
});
export const eventProposalSchema = z.object({
  ...proposal,
  name: z.string().trim().min(1).max(2000),
  kind: eventKindSchema,
  cityRef: refSchema.nullable(),
  date: looseDateSchema.nullable(),
  visitRef: refSchema.nullable(),
});

/**
 * A twinning the release states («город-побратим X») and the registry lacks: the home city and the
 * partner, `active` when the text says they are twins, `proposed` when it says they mean to be.
 * Accepting it links the twinning recorded meanwhile, if any, instead of making a second one.
 */
export const twinningProposalSchema = z.object({
  ...proposal,
  cityRefs: z.tuple([refSchema, refSchema]),
  tier: twinningTierSchema,
  status: z.enum(['proposed', 'active']),
});

/** The reviewable draft of one press release: every proposed record, matched or new, linked by refs. */
export const draftSchema = z
  .object({
    cities: z.array(cityProposalSchema).max(200),
    organizations: z.array(organizationProposalSchema).max(500),
    persons: z.array(personProposalSchema).max(500),
    visits: z.array(visitProposalSchema).max(50),
    agreements: z.array(agreementProposalSchema).max(200),
    projects: z.array(projectProposalSchema).max(200),
    events: z.array(eventProposalSchema).max(200),
    // A draft reviewed before twinnings were proposed has none.
    twinnings: z.array(twinningProposalSchema).max(50).default([]),
  })
  .meta({ id: 'PressReleaseDraft' });
export type Draft = z.infer<typeof draftSchema>;
export type TwinningProposal = z.infer<typeof twinningProposalSchema>;
export type CityProposal = z.infer<typeof cityProposalSchema>;
export type OrganizationProposal = z.infer<typeof organizationProposalSchema>;
export type PersonProposal = z.infer<typeof personProposalSchema>;
