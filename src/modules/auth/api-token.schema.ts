import { z } from 'zod';
import { queryIdSchema } from '../audit/fields.schema.ts';

/** An API token as its owner sees it: never the secret nor its hash. */
export const apiTokenSchema = z
  .object({
    id: z.number().int(),
    userId: z.number().int(),
    name: z.string(),
    createdAt: z.iso.datetime(),
    /** When a request last came with it (noted at most once a minute); null when never used. */
    lastUsedAt: z.iso.datetime().nullable(),
    /** When it stops working; null when it does not expire. */
    expiresAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof apiTokenSchema>;

/** The tokens of one user, newest first. */
export const apiTokenListSchema = z.object({ items: z.array(apiTokenSchema) });

/** Whose tokens to list: your own unless an administrator names another user. */
export const apiTokenListQuerySchema = z.object({ userId: queryIdSchema.optional() });

/** A new token: a name that says which script or system holds it, and optionally how long it lives. */
export const apiTokenCreateSchema = z.object({
  name: z.string().trim().min(1).max(100),
  /** Days until the token stops working; without it the token lives until revoked. */
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type ApiTokenCreate = z.infer<typeof apiTokenCreateSchema>;

/** The token just created: its secret is shown this once and cannot be read again. */
export const apiTokenIssuedSchema = apiTokenSchema
  .extend({ token: z.string() })
  .meta({ id: 'ApiTokenIssued' });
