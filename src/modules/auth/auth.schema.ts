import { z } from 'zod';
import { recordIdSchema } from '../audit/fields.schema.ts';
import { emailSchema } from './email.ts';
import { MIN_PASSWORD_LENGTH } from './password.ts';

/** Sign-in form. */
export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(1024),
});
export type SignIn = z.infer<typeof signInSchema>;

/** A password a user chooses. */
export const newPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(1024);

/** A role to grant, with the scope the role requires. */
export const roleGrantSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('admin') }),
  z.object({ role: z.literal('city_editor'), cityId: recordIdSchema }),
  z.object({ role: z.literal('city_viewer'), cityId: recordIdSchema }),
  z.object({ role: z.literal('org_editor'), organizationId: recordIdSchema }),
]);

/** The signed-in user as the API shows them, with the CSRF token their writes must carry. */
export const meSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    displayName: z.string(),
    locale: z.string(),
    roles: z.array(roleGrantSchema),
    csrfToken: z.string().nullable(),
    /** True while the account still has a password someone else chose (the first administrator's). */
    mustChangePassword: z.boolean(),
    /**
     * The partner cities the user's cities keep (twinned through an established twinning, without
     * editors of their own): their institutions and people are the user's to read, and to write
     * for an editor.
     */
    partnerCityIds: z.array(z.number().int()),
  })
  .meta({ id: 'Me' });
