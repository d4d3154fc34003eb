import { describe, expect, test } from 'vitest';
import { hashSecret, newSecret, newSetupCode, sameSecret } from './secrets.ts';

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

describe('the setup code', () => {
  test('four groups of five characters anyone can read off a log: no 0/O, 1/I/L, 2/Z, 5/S, 8/B', () => {
    const codes = Array.from({ length: 200 }, () => newSetupCode());
    for (const code of codes) expect(code).toMatch(/^[ACDEFGHJKMNPQRTWXY34679]{5}(-[ACDEFGHJKMNPQRTWXY34679]{5}){3}$/);
    expect(new Set(codes).size).toBe(codes.length);
    // Every character of the alphabet turns up: the code is not drawn from a smaller set.
    expect(new Set(codes.join('').replaceAll('-', '')).size).toBe(23);
  });
});
