import { z } from 'zod';
import { recordIdSchema } from '../audit/fields.schema.ts';

/** A party to an agreement or a project: a city, or an organization (never both, never neither). */
export const partyInputSchema = z
  .object({
    cityId: recordIdSchema.nullable().default(null),
    organizationId: recordIdSchema.nullable().default(null),
  })
  .refine((party) => (party.cityId === null) !== (party.organizationId === null), {
    message: 'A party is either a city or an organization.',
  });
export type PartyInput = z.infer<typeof partyInputSchema>;

/** Two or more distinct parties: the rule every agreement and project keeps. */
export const partiesSchema = z
  .array(partyInputSchema)
  .min(2, { message: 'Needs at least two parties (cities or organizations); this has fewer.' })
  .max(50)
  .refine(
    (parties) =>
      new Set(parties.map((party) => `${party.cityId}:${party.organizationId}`)).size === parties.length,
    { message: 'The same party is listed twice.' },
  );

/** A stored party, with its name and the city it belongs to (itself, or the organization's city). */
export const partySchema = z.object({
  cityId: recordIdSchema.nullable(),
  organizationId: recordIdSchema.nullable(),
  name: z.string(),
  homeCityId: recordIdSchema,
});
export type Party = z.infer<typeof partySchema>;
