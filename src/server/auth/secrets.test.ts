import { describe, expect, test } from 'vitest';
import { hashSecret, newSecret, sameSecret } from './secrets.ts';

describe('secrets', () => {
  test('a new secret is 32 random bytes, URL-safe (43 characters), never the same twice', () => {
    const one = newSecret();
    expect(one).toMatch(/^[\w-]{43}$/);
    expect(Buffer.from(one, 'base64url')).toHaveLength(32);
    expect(newSecret()).not.toBe(one);
  });

  test('a secret is stored as its SHA-256 in hex', () => {
    expect(hashSecret('x')).toBe('2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881');
  });

  test('secrets compare by value: equal, one character different, or of another length', () => {
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abc', 'abd')).toBe(false);
    // Another length is unequal, not an error (timingSafeEqual alone would throw).
    expect(sameSecret('abc', 'abcd')).toBe(false);
    expect(sameSecret('', 'a')).toBe(false);
  });
});
