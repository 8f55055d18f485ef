import { z } from 'zod';
import { roleGrantSchema } from '../auth/auth.schema.ts';
import { emailSchema } from '../auth/email.ts';
import { pageQuerySchema, sortSchema } from '../audit/cursor-page.ts';
import { searchTextSchema, storedFields, textSchema } from '../audit/fields.schema.ts';

const userFields = z.object({
  email: emailSchema,
  displayName: textSchema,
  locale: z.enum(['ru', 'be', 'en']),
});

/** A new account: e-mail, the name shown, the interface language, and its first roles. */
export const userCreateSchema = userFields
  .partial({ locale: true })
  .extend({ roles: z.array(roleGrantSchema).max(100).default([]) });
export type UserCreate = z.infer<typeof userCreateSchema>;

/** An account with its roles; the password hash never leaves the database. */
export const userSchema = userFields
  .extend(storedFields)
  .extend({ disabled: z.boolean(), roles: z.array(roleGrantSchema) });
export type User = z.infer<typeof userSchema>;

/** The fields an account list can be sorted by (`sort=`). */
export const USER_SORTS = ['email', 'displayName', 'createdAt', 'updatedAt'] as const;

/** Accounts by e-mail fragment, in e-mail order. */
export const userListQuerySchema = pageQuerySchema.extend({
  sort: sortSchema(USER_SORTS),
  q: searchTextSchema.optional(),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;
