import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

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

/** What the key that seals secrets is derived for: a sealing key is never the link key itself. */
const SEALING_PURPOSE = 'uppsikt:sealed-secret:v1';

/** The AES-256 key for sealed secrets, derived from the server key with HKDF-SHA256. */
function sealingKey(serverKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', serverKey, Buffer.alloc(0), SEALING_PURPOSE, 32));
}

/**
 * Seals a secret the server must read again later (a TOTP secret, an identity provider's client
 * secret) with AES-256-GCM under a key derived from the server key: `v1.<iv>.<tag>.<ciphertext>`,
 * each part base64url, with a random 96-bit IV. A copy of the database alone opens none of them.
 */
export function sealSecret(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(key), iv);
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return ['v1', iv, tag, ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/**
 * Opens what sealSecret sealed. Throws when the text is not a sealed secret of a known version,
 * or when it was sealed under another key or changed since (the GCM tag does not match).
 */
export function openSecret(key: Buffer, sealed: string): string {
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== 'v1') throw new Error('Not a sealed secret of a known version.');
  const [iv, tag, ciphertext] = parts.slice(1).map((part) => Buffer.from(part, 'base64url'));
  if (iv!.length !== 12 || tag!.length !== 16) throw new Error('Not a sealed secret of a known version.');
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(key), iv!);
  decipher.setAuthTag(tag!);
  return Buffer.concat([decipher.update(ciphertext!), decipher.final()]).toString('utf8');
}
