import { Hono } from 'hono';
import { describe, expect, test } from 'vitest';
import { authSettingsFrom, clientAddress, DEFAULT_AUTH_SETTINGS } from './auth-settings.ts';

/** The address clientAddress reads for a request with these headers, behind `trustProxy` proxies, from a socket at `socketAddress` (none: an in-process request). */
async function addressOf(
  trustProxy: number,
  headers: Record<string, string>,
  socketAddress?: string,
): Promise<string | null> {
  const app = new Hono();
  app.get('/', (c) => c.json({ address: clientAddress(c, trustProxy) }));
  const env = socketAddress === undefined ? undefined : { incoming: { socket: { remoteAddress: socketAddress } } };
  const response = await app.request('/', { headers }, env);
  return ((await response.json()) as { address: string | null }).address;
}

describe('the client address the sign-in limits key on', () => {
  test('without trusted proxies, X-Forwarded-For is ignored: the socket’s address, or null without a socket', async () => {
    expect(await addressOf(0, { 'x-forwarded-for': '203.0.113.7' }, '10.0.0.1')).toBe('10.0.0.1');
    expect(await addressOf(0, { 'x-forwarded-for': '203.0.113.7' })).toBeNull();
  });

  test('behind one proxy, the last entry counts (the one the proxy wrote), trimmed; what the client wrote before it does not', async () => {
    expect(await addressOf(1, { 'x-forwarded-for': '203.0.113.7, 198.51.100.3' }, '10.0.0.1')).toBe('198.51.100.3');
    expect(await addressOf(1, { 'x-forwarded-for': ' 198.51.100.3 ' }, '10.0.0.1')).toBe('198.51.100.3');
    // Empty entries are no hops.
    expect(await addressOf(1, { 'x-forwarded-for': '198.51.100.3, ,' }, '10.0.0.1')).toBe('198.51.100.3');
  });

  test('behind two proxies, the second entry from the end; fewer entries than proxies give the first', async () => {
    expect(await addressOf(2, { 'x-forwarded-for': '203.0.113.7, 198.51.100.3, 10.1.1.1' }, '10.0.0.1')).toBe(
      '198.51.100.3',
    );
    expect(await addressOf(2, { 'x-forwarded-for': '198.51.100.3' }, '10.0.0.1')).toBe('198.51.100.3');
  });

  test('behind a proxy but without the header (or only empty entries), the socket’s address', async () => {
    expect(await addressOf(1, {}, '10.0.0.1')).toBe('10.0.0.1');
    expect(await addressOf(1, { 'x-forwarded-for': ' , ' }, '10.0.0.1')).toBe('10.0.0.1');
    expect(await addressOf(1, {})).toBeNull();
  });
});

describe('the sign-in and session settings', () => {
  test('the defaults: no proxy, 8 hours idle, 7 days at most, 10 failures per account and 100 per address in 15 minutes', () => {
    expect(DEFAULT_AUTH_SETTINGS).toEqual({
      trustProxy: 0,
      session: { idleMs: 8 * 3_600_000, maxMs: 7 * 24 * 3_600_000 },
      signIn: { perAccount: 10, perAddress: 100, windowMs: 15 * 60_000 },
    });
  });

  test('from the configuration: minutes and hours become milliseconds, the per-address limit is taken, the rest stays', () => {
    expect(
      authSettingsFrom({ trustProxy: 2, sessionIdleMinutes: 30, sessionMaxHours: 3, signInLimitPerAddress: 7 }),
    ).toEqual({
      trustProxy: 2,
      session: { idleMs: 30 * 60_000, maxMs: 3 * 3_600_000 },
      signIn: { perAccount: 10, perAddress: 7, windowMs: 15 * 60_000 },
    });
  });
});
