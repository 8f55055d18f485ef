import { hash, verify } from '@node-rs/argon2';

/** Passwords shorter than this are refused: the one rule that matters more than any character class. */
export const MIN_PASSWORD_LENGTH = 10;

/** An argon2id hash (the library's default algorithm) with its parameters and salt, as stored. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Whether the password matches the stored hash; a malformed hash is a mismatch, never an error. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}
