import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret with 256 bits of entropy, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The secret of a link that goes by mail: HMAC-SHA256 of the link's id under the server key,
 * URL-safe, as long as a random secret. Whoever has the key and the id can make it again; the
 * database holds only its hash (see link-mail.ts).
 */
export function derivedLinkSecret(key: Buffer, linkId: string): string {
  return createHmac('sha256', key).update(`one-time-link:${linkId}`).digest('base64url');
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

/** Letters and digits no one mistakes for another when reading them off a log: no 0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V. */
const SETUP_CODE_ALPHABET = 'ACDEFGHJKMNPQRTWXY34679';

/**
 * A code to type by hand, e.g. "K7QX3-…": four groups of five characters from an alphabet of 23,
 * about 90 bits; it guards the first-run page only until the first tenant exists.
 */
export function newSetupCode(): string {
  const bytes = randomBytes(20);
  const characters = [...bytes].map((byte) => SETUP_CODE_ALPHABET[byte % SETUP_CODE_ALPHABET.length]);
  return [0, 5, 10, 15].map((start) => characters.slice(start, start + 5).join('')).join('-');
}
