import { z } from 'zod';
import { emailSchema } from '../auth/email.ts';

/**
 * A contact e-mail address: the same rules as an account's (no look-alike letters, no spaces), so
 * a letter sent to it reaches the address the office typed.
 */
export const contactEmailSchema = emailSchema.nullable();

/**
 * A phone number as offices write it: «+375 (163) 41-22-33», «8 800 555-35-35 доб. 12». Digits,
 * spaces and the usual separators, with at least five digits; an extension may follow.
 */
export const phoneSchema = z
  .string()
  .trim()
  .max(60)
  .regex(/^\+?[\d\s().-]+(\s*(доб\.|ext\.|дадат\.)\s*\d{1,6})?$/u, {
    message: 'must be a phone number: digits, spaces, «+», «-», «(», «)»; an extension as «доб. 12»',
  })
  .refine((phone) => (phone.match(/\d/g) ?? []).length >= 5, { message: 'has fewer than five digits' });

/** Up to ten phone numbers, the main one first. */
export const phonesSchema = z.array(phoneSchema).max(10);

/** The fields a person and an organization share for reaching them. */
export const contactFields = { email: contactEmailSchema, phones: phonesSchema };
