import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh random secret for a session, an API token or a calendar URL: 32 bytes, URL-safe. */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/**
 * What the database keeps of a secret: its SHA-256. Secrets are 256 random bits, so a fast hash is
 * enough (no dictionary to guess from) and a stolen table does not open any session.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Compares two strings in time independent of where they differ (for CSRF tokens). */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
