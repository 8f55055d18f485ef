import { z } from 'zod';

// Characters that show nothing: soft hyphen, zero-width space and joiners, word joiner, BOM.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200D\u2060-\u2064\uFEFF]/g;
// Bidirectional controls reorder what is shown: «‮gro.elpmaxe@nimda» reads as another address.
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
// Cyrillic and Greek letters drawn like Latin ones: a part made only of them passes for Latin.
const LATIN_LOOKALIKES = /^[аеорсухіјѕԁһԛԝνοαρτκАВЕКМНОРСТХІЈЅΑΒΕΖΗΙΚΜΝΟΡΤΥΧ0-9._+-]+$/u;
const SCRIPTS = [/\p{Script=Latin}/u, /\p{Script=Cyrillic}/u, /\p{Script=Greek}/u];

/**
 * An e-mail address as typed, made comparable: compatibility forms folded (NFKC: full-width letters,
 * ligatures), invisible characters dropped, the ends trimmed. Case is kept; `emailKey` lowers it.
 */
export function normalizeEmail(email: string): string {
  return email.normalize('NFKC').replace(INVISIBLE, '').trim();
}

/** The key an account is found and throttled by: normalized and in lower case, as the unique index compares. */
export function emailKey(email: string): string {
  return normalizeEmail(email).toLowerCase();
}

/** Why an address that identifies an account is refused, or undefined when it is acceptable. */
export function emailProblem(email: string): string | undefined {
  if (BIDI.test(email)) return 'must not contain characters that reorder text';
  if (/[\p{Cc}\p{Z}\s]/u.test(email)) return 'must not contain spaces or control characters';
  if (!/^[^@]+@[^@]+$/.test(email)) return 'is not an e-mail address';
  for (const part of email.split(/[@.]/)) {
    const scripts = SCRIPTS.filter((script) => script.test(part)).length;
    if (scripts > 1) return 'mixes alphabets within one part (a Cyrillic «а» looks like a Latin «a»)';
    if (scripts === 1 && !/\p{Script=Latin}/u.test(part) && LATIN_LOOKALIKES.test(part)) {
      return 'is written in letters that look like Latin ones';
    }
  }
  return undefined;
}

/**
 * A name that identifies a record among others (an organization in its city): composed (NFC),
 * invisible characters dropped, every run of spaces (a no-break space too) made one, the ends
 * trimmed. Not NFKC, which would turn «№» into «No».
 */
export function normalizeName(name: string): string {
  return name.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
}

/**
 * Why a name that identifies a record is refused: characters that reorder text, or a word that mixes
 * alphabets («Гимназия» with a Latin «a» would pass for the gymnasium already there). Words of
 * different alphabets side by side («IT-лицей») are fine.
 */
export function nameProblem(name: string): string | undefined {
  if (BIDI.test(name)) return 'must not contain characters that reorder text';
  for (const word of name.split(/[^\p{L}]+/u)) {
    if (SCRIPTS.filter((script) => script.test(word)).length > 1) {
      return `mixes alphabets within the word «${word}» (a Latin «a» looks like a Cyrillic «а»)`;
    }
  }
  return undefined;
}

/**
 * An e-mail address that identifies an account (sign-in, a new account): normalized, and refused
 * when it could pass for another address (mixed alphabets, look-alike letters, reordering or
 * invisible characters, spaces of any kind).
 */
export const emailSchema = z
  .string()
  .overwrite(normalizeEmail)
  .min(3)
  .max(254)
  .superRefine((email, context) => {
    const problem = emailProblem(email);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });
