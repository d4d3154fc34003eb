import { describe, expect, test } from 'vitest';
import { ONE_TIME_LINK_LIFETIMES_MS, oneTimeLinkUrl } from './one-time-links.ts';

describe('one-time links', () => {
  test('the address is PUBLIC_URL, the page, and the secret after # (which browsers never send to a server)', () => {
    expect(oneTimeLinkUrl('https://uppsikt.kommun.se', 'abc_-1')).toBe(
      'https://uppsikt.kommun.se/valj-losenord#abc_-1',
    );
    // Under a path, with the slashes a person may leave at the end.
    expect(oneTimeLinkUrl('https://intra.kommun.se/uppsikt//', 's')).toBe(
      'https://intra.kommun.se/uppsikt/valj-losenord#s',
    );
    // A slash inside the address is not touched, only those at its end.
    expect(oneTimeLinkUrl('http://127.0.0.1:3000/a/b', 's')).toBe('http://127.0.0.1:3000/a/b/valj-losenord#s');
  });

  test('a first password’s link lasts a day, an invitation a week, a forgotten password an hour', () => {
    expect(ONE_TIME_LINK_LIFETIMES_MS).toEqual({
      set_password: 24 * 3_600_000,
      invitation: 7 * 24 * 3_600_000,
      password_reset: 3_600_000,
    });
  });
});
