import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret with 256 bits of entropy, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * SHA-256 of a high-entropy secret (session or API token). A slow hash is for passwords; a
 * random 256-bit secret cannot be guessed, and a fast hash lets us look it up by index.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Compares two strings in constant time. */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
