import { describe, expect, test } from 'vitest';
import { hashSecret, newSecret, newSetupCode, openSecret, sameSecret, sealSecret } from './secrets.ts';

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

describe('sealed secrets', () => {
  const key = Buffer.from('a server key of the tests, 32 by', 'utf8');

  test('a sealed secret opens again with the same key, and is sealed anew (another IV) every time', () => {
    const sealed = sealSecret(key, 'JBSWY3DPEHPK3PXP');
    expect(sealed).toMatch(/^v1\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(openSecret(key, sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(sealSecret(key, 'JBSWY3DPEHPK3PXP')).not.toBe(sealed);
    expect(openSecret(key, sealSecret(key, ''))).toBe('');
  });

  test('another key, a changed ciphertext or an unknown format does not open', () => {
    const sealed = sealSecret(key, 'hemlighet');
    expect(() => openSecret(Buffer.from('another key', 'utf8'), sealed)).toThrow();
    const [version, iv, tag, ciphertext] = sealed.split('.');
    const flipped = Buffer.from(ciphertext!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => openSecret(key, [version, iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
    expect(() => openSecret(key, sealed.replace(/^v1/, 'v2'))).toThrow(/known version/);
    expect(() => openSecret(key, 'hemlighet')).toThrow(/known version/);
  });
});
