import { z } from 'zod';

/** An ISO date (YYYY-MM-DD) or a day without a year (--MM-DD). */
const isoDate = z.string().regex(/^(\d{4}|-)-\d{2}-\d{2}$/);
const span = z.tuple([z.number().int(), z.number().int()]);
const evidence = { span: span.optional(), rule: z.string().optional() };

/** A party of an agreement or project: an institution or a city, and the city it belongs to. */
export const partySchema = z.object({ name: z.string(), city: z.string().nullable(), ...evidence });

/** A person acting in the story, with the position the text gives. */
export const personSchema = z.object({ name: z.string(), position: z.string().nullable(), ...evidence });

export const visitSchema = z.object({
  from_city: z.string().nullable(),
  to_city: z.string().nullable(),
  start: isoDate.nullable(),
  end: isoDate.nullable(),
  kind: z.enum(['official', 'working', 'business', 'other']).nullable(),
  // A head named only by title («во главе с председателем горисполкома») has no name.
  head: personSchema.extend({ name: z.string().nullable() }).nullable(),
  ...evidence,
});

export const agreementSchema = z.object({
  parties: z.array(partySchema),
  kind: z.enum(['twinning', 'cooperation', 'memorandum', 'plan', 'protocol', 'other']),
  signed_on: isoDate.nullable(),
  ...evidence,
});

export const projectSchema = z.object({ parties: z.array(partySchema), ...evidence });

export const eventSchema = z.object({
  name: z.string(),
  city: z.string().nullable(),
  date: isoDate.nullable(),
  ...evidence,
});

export const organizationSchema = z.object({ name: z.string(), city: z.string().nullable(), ...evidence });

/** A mention of a person, place or organization with character offsets and the nominative form. */
export const entitySchema = z.object({
  start: z.number().int(),
  end: z.number().int(),
  type: z.enum(['PER', 'LOC', 'ORG']),
  text: z.string(),
  normal: z.string(),
});

/** The extractor's output: the facts of shared/contracts/extraction.md plus entities and warnings. */
export const extractionResultSchema = z.object({
  visits: z.array(visitSchema),
  agreements: z.array(agreementSchema),
  projects: z.array(projectSchema),
  events: z.array(eventSchema),
  persons: z.array(personSchema),
  organizations: z.array(organizationSchema),
  entities: z.array(entitySchema),
  warnings: z.array(z.string()),
});

export type Party = z.infer<typeof partySchema>;
export type Person = z.infer<typeof personSchema>;
export type Visit = z.infer<typeof visitSchema>;
export type Agreement = z.infer<typeof agreementSchema>;
export type Project = z.infer<typeof projectSchema>;
export type EventFact = z.infer<typeof eventSchema>;
export type Organization = z.infer<typeof organizationSchema>;
export type Entity = z.infer<typeof entitySchema>;
export type ExtractionResult = z.infer<typeof extractionResultSchema>;
