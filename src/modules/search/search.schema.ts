import { z } from 'zod';

/** The kinds of record the search looks through. */
export const searchKindSchema = z.enum([
  'city',
  'organization',
  'person',
  'visit',
  'agreement',
  'project',
  'event',
  'document',
  'file',
]);
export type SearchKind = z.infer<typeof searchKindSchema>;

/** A search across the registry. */
export const searchQuerySchema = z.object({
  q: z.string().trim().min(2, 'needs at least two characters').max(200),
  // «kinds=visit,file» in the URL; an array once the route has parsed it, when the service parses
  // the query again (each kind must pass both).
  kinds: z
    .union([z.string().transform((value) => value.split(',')), z.array(z.string())])
    .pipe(z.array(searchKindSchema))
    .optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

/** Part of a fragment: text, and whether it is what matched (to highlight without HTML in the data). */
export const fragmentPartSchema = z.object({ text: z.string(), match: z.boolean() });

/** One hit: which record, its label, how well it matched, and the matching fragment split into parts. */
export const searchHitSchema = z.object({
  kind: searchKindSchema,
  id: z.number().int(),
  label: z.string(),
  rank: z.number(),
  fragment: z.array(fragmentPartSchema),
  /** A file's hit: the record the file is attached to, whose page shows it. */
  record: z.object({ kind: z.string(), id: z.number().int() }).optional(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

/** Hits grouped by kind, best first within each. */
export const searchResultSchema = z.object({
  groups: z.array(z.object({ kind: searchKindSchema, hits: z.array(searchHitSchema) })),
});
