import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_AUTH_SETTINGS } from '../../auth/auth-settings.ts';
import { signInCounters } from '../../auth/sign-in.ts';
import { users } from '../../db/schema/users.ts';
import { createHarness, HARNESS_PASSWORD, type Harness } from '../../../../test/support/harness.ts';

// The limits hold under concurrency: the attempt is counted (reserved) atomically in the
// database before the password is checked, so a burst of parallel attempts cannot slip past
// the count. How many attempts reached the password check is read from a counter, not timed.

const PER_ADDRESS = 20;

describe('sign-in limits under concurrency', () => {
  let h: Harness;
  beforeAll(async () => {
    // Behind one trusted proxy, with a per-address limit low enough to reach in a test.
    h = await createHarness({
      auth: { trustProxy: 1, signIn: { ...DEFAULT_AUTH_SETTINGS.signIn, perAddress: PER_ADDRESS } },
    });
  });
  afterAll(() => h.close());

  const email = (who: string) => `${who}-${h.suffix}@example.se`;

  async function signIn(address: string, password: string, headers: Record<string, string> = {}): Promise<Response> {
    return h.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ email: address, password }),
    });
  }

  test('100 parallel wrong passwords for one account: only 10 are checked, the other 90 get 429 with Retry-After', async () => {
    const before = signInCounters.passwordChecks;
    const replies = await Promise.all(Array.from({ length: 100 }, () => signIn(email('reader'), 'fel-lösenord')));
    const checked = signInCounters.passwordChecks - before;
    console.info(
      `sign-in limit: ${checked} of 100 parallel attempts were checked (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`,
    );
    expect(checked).toBe(10);
    const statuses = replies.map((reply) => reply.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(10);
    const refused = replies.filter((reply) => reply.status === 429);
    expect(refused).toHaveLength(90);
    for (const reply of refused) expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused[0]!.json()) as { detail: string }).detail).toMatch(/för kontot/);
    // The right password is refused too, and not checked.
    expect((await signIn(email('reader'), HARNESS_PASSWORD)).status).toBe(429);
    expect(signInCounters.passwordChecks - before).toBe(10);
    // Fifteen minutes later the account may try again.
    h.clock.advance(15 * 60 * 1000 + 1000);
    expect((await signIn(email('reader'), HARNESS_PASSWORD)).status).toBe(200);
  });

  test('100 parallel attempts from one address at 100 different accounts: only the per-address limit is checked; other addresses and people are not blocked', async () => {
    const before = signInCounters.passwordChecks;
    const attacker = { 'x-forwarded-for': '203.0.113.7' };
    const replies = await Promise.all(
      Array.from({ length: 100 }, (_, index) => signIn(`gissning-${index}-${h.suffix}@example.se`, 'fel', attacker)),
    );
    expect(signInCounters.passwordChecks - before).toBe(PER_ADDRESS);
    expect(replies.filter((reply) => reply.status === 401)).toHaveLength(PER_ADDRESS);
    const refused = replies.filter((reply) => reply.status === 429);
    expect(refused).toHaveLength(100 - PER_ADDRESS);
    expect(Number(refused[0]!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused[0]!.json()) as { detail: string }).detail).toMatch(
      /^För många misslyckade inloggningar från din adress\. Försök igen om \d+ minuter\.$/,
    );
    const inEnglish = await signIn(`gissning-en-${h.suffix}@example.se`, 'fel', {
      ...attacker,
      'accept-language': 'en',
    });
    expect(((await inEnglish.json()) as { detail: string }).detail).toMatch(
      /^Too many failed sign-ins from your address\. Try again in \d+ minutes\.$/,
    );
    // Someone else, from another address, signs in as usual.
    expect((await signIn(email('coordinator'), HARNESS_PASSWORD, { 'x-forwarded-for': '198.51.100.2' })).status).toBe(
      200,
    );
    // From the blocked address even a right password waits.
    expect((await signIn(email('coordinator'), HARNESS_PASSWORD, attacker)).status).toBe(429);
    // Only the entry the trusted proxy wrote counts: what the client put before it is ignored.
    expect(
      (await signIn(email('coordinator'), HARNESS_PASSWORD, { 'x-forwarded-for': '203.0.113.7, 198.51.100.3' })).status,
    ).toBe(200);
  });
});

describe('the window of the limit, and what a right password clears', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  const email = (who: string) => `${who}-${h.suffix}@example.se`;
  const signIn = (address: string, password: string) =>
    h.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      body: JSON.stringify({ email: address, password }),
    });

  test('the account waits until its oldest counted failure is 15 minutes old: refused a second before, let in on the second', async () => {
    const started = h.clock.now().getTime();
    for (let attempt = 0; attempt < 10; attempt++) expect((await signIn(email('reader'), 'fel')).status).toBe(401);
    const refused = await signIn(email('reader'), HARNESS_PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('900');
    expect(((await refused.json()) as { detail: string }).detail).toBe(
      'Too many failed sign-ins for this account. Try again in 15 minutes.',
    );
    h.clock.set(new Date(started + 15 * 60_000 - 1_000));
    const last = await signIn(email('reader'), HARNESS_PASSWORD);
    expect(last.status).toBe(429);
    expect(last.headers.get('retry-after')).toBe('1');
    expect(((await last.json()) as { detail: string }).detail).toBe(
      'Too many failed sign-ins for this account. Try again in 1 minute.',
    );
    const swedish = await h.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'sv' },
      body: JSON.stringify({ email: email('reader'), password: HARNESS_PASSWORD }),
    });
    expect(((await swedish.json()) as { detail: string }).detail).toBe(
      'För många misslyckade inloggningar för kontot. Försök igen om 1 minut.',
    );
    h.clock.set(new Date(started + 15 * 60_000));
    expect((await signIn(email('reader'), HARNESS_PASSWORD)).status).toBe(200);
  });

  test('a right password clears the account’s earlier failures: ten more wrong ones are checked before the limit', async () => {
    for (let attempt = 0; attempt < 9; attempt++) expect((await signIn(email('coordinator'), 'fel')).status).toBe(401);
    expect((await signIn(email('coordinator'), HARNESS_PASSWORD)).status).toBe(200);
    for (let attempt = 0; attempt < 10; attempt++)
      expect((await signIn(email('coordinator'), 'fel')).status, `attempt ${attempt}`).toBe(401);
    expect((await signIn(email('coordinator'), 'fel')).status).toBe(429);
  });

  test('a person with an address but no password yet cannot sign in, whatever is typed', async () => {
    const address = `utan-losenord-${h.suffix}@example.se`;
    await h.db
      .insert(users)
      .values({ tenantId: h.tenant.tenantId, name: 'Utan lösenord', email: address, passwordHash: null });
    const reply = await signIn(address, 'vad som helst');
    expect(reply.status).toBe(401);
    expect(((await reply.json()) as { detail: string }).detail).toBe('Wrong e-mail address or password.');
  });
});

describe('without TRUST_PROXY, X-Forwarded-For is ignored', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({
      auth: { trustProxy: 0, signIn: { ...DEFAULT_AUTH_SETTINGS.signIn, perAddress: PER_ADDRESS } },
    });
  });
  afterAll(() => h.close());

  test('a made-up X-Forwarded-For neither blocks nor helps: attempts are keyed on the socket (none here)', async () => {
    const before = signInCounters.passwordChecks;
    const replies = await Promise.all(
      Array.from({ length: PER_ADDRESS + 5 }, async (_, index) =>
        h.app.request('/api/v1/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
          body: JSON.stringify({ email: `gissning-${index}-${h.suffix}@example.se`, password: 'fel' }),
        }),
      ),
    );
    expect(replies.every((reply) => reply.status === 401)).toBe(true);
    expect(signInCounters.passwordChecks - before).toBe(PER_ADDRESS + 5);
  });
});

describe('over a real connection, the limit per address keys on the socket', () => {
  let h: Harness;
  let server: ReturnType<typeof serve>;
  let base: string;
  beforeAll(async () => {
    h = await createHarness({
      auth: { trustProxy: 0, signIn: { ...DEFAULT_AUTH_SETTINGS.signIn, perAddress: PER_ADDRESS } },
    });
    server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const listening = serve({ fetch: h.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(listening));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await h.close();
  });

  test('attempts from 127.0.0.1 at different accounts stop at the per-address limit, whatever X-Forwarded-For says', async () => {
    const before = signInCounters.passwordChecks;
    const replies = await Promise.all(
      Array.from({ length: PER_ADDRESS + 10 }, async (_, index) =>
        fetch(`${base}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${index}` },
          body: JSON.stringify({ email: `uppkopplad-${index}-${h.suffix}@example.se`, password: 'fel' }),
        }),
      ),
    );
    expect(signInCounters.passwordChecks - before).toBe(PER_ADDRESS);
    expect(replies.filter((reply) => reply.status === 429)).toHaveLength(10);
    await Promise.all(replies.map((reply) => reply.arrayBuffer()));
  });
});
