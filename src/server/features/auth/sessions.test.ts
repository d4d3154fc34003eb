import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { authSettingsFrom } from '../../auth/auth-settings.ts';
import { eq } from 'drizzle-orm';
import { hashSecret } from '../../auth/secrets.ts';
import { createSession, findSession, SESSION_COOKIE } from '../../auth/sessions.ts';
import { sessions } from '../../db/schema/sessions.ts';
import { loadConfig } from '../../config.ts';
import {
  clientFor,
  createHarness,
  HARNESS_PASSWORD,
  type Client,
  type Harness,
} from '../../../../test/support/harness.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Signs in over HTTP and returns a browser for that session. */
async function signIn(
  h: Harness,
  email: string,
  password = HARNESS_PASSWORD,
): Promise<{ client: Client; cookie: string; status: number }> {
  const response = await h.app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) return { client: h.anonymous, cookie: '', status: response.status };
  const cookie = response.headers.get('set-cookie')!;
  const body = (await response.json()) as { csrfToken: string };
  return {
    client: clientFor(h.app, { cookie: cookie.split(';')[0]!, 'x-csrf-token': body.csrfToken }),
    cookie,
    status: 200,
  };
}

describe('sessions: idle expiry that slides with use, and an absolute maximum', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());
  const email = (who: string) => `${who}-${h.suffix}@example.se`;

  test('the cookie is a browser-session cookie: no fixed lifetime from sign-in', async () => {
    const { cookie } = await signIn(h, email('reader'));
    expect(cookie).not.toMatch(/Max-Age/i);
    expect(cookie).not.toMatch(/Expires/i);
  });

  test('a person who works (a request every 7 h 59 min) stays signed in over two days; 8 h 1 min idle ends the session', async () => {
    const { client } = await signIn(h, email('coordinator'));
    // Idle time counts from the last use, not from sign-in nor from the last time the deadline was written.
    h.clock.advance(3 * HOUR);
    expect((await client.get('/me')).status).toBe(200);
    for (let step = 1; step <= 7; step++) {
      h.clock.advance(7 * HOUR + 59 * MINUTE);
      expect((await client.get('/me')).status, `after step ${step}`).toBe(200);
    }
    h.clock.advance(8 * HOUR + MINUTE);
    expect((await client.get('/me')).status).toBe(401);
  });

  test('the idle deadline is written at most once a minute: a use 59 s after the last write leaves it, a use 60 s after moves it', async () => {
    const started = h.clock.now();
    const session = await createSession(h.db, h.tenant.tenantId, h.userIds.reader!, started);
    const storedDeadline = async () =>
      (
        await h.db
          .select({ expiresAt: sessions.expiresAt })
          .from(sessions)
          .where(eq(sessions.secretHash, hashSecret(session.secret)))
      )[0]!.expiresAt.getTime();
    expect(await storedDeadline()).toBe(started.getTime() + 8 * HOUR);
    expect(await findSession(h.db, session.secret, new Date(started.getTime() + 59_000))).not.toBeNull();
    expect(await storedDeadline()).toBe(started.getTime() + 8 * HOUR);
    expect(await findSession(h.db, session.secret, new Date(started.getTime() + 60_000))).not.toBeNull();
    expect(await storedDeadline()).toBe(started.getTime() + 60_000 + 8 * HOUR);
  });

  test('however busy, a session ends 7 days after sign-in', async () => {
    const { client } = await signIn(h, email('responsible'));
    for (let hours = 6; hours < 7 * 24; hours += 6) {
      h.clock.advance(6 * HOUR);
      expect((await client.get('/me')).status, `after ${hours} h`).toBe(200);
    }
    h.clock.advance(6 * HOUR);
    expect((await client.get('/me')).status).toBe(401);
  });
});

describe('sessions: idle and maximum lifetimes are configurable', () => {
  let h: Harness;
  beforeAll(async () => {
    // The lifetimes come from the configuration the way the server reads it at boot.
    h = await createHarness({
      auth: authSettingsFrom(loadConfig({ SESSION_IDLE_MINUTES: '30', SESSION_MAX_HOURS: '2' })),
    });
  });
  afterAll(() => h.close());

  test('30 minutes idle and 2 hours at most', async () => {
    const idle = await signIn(h, `reader-${h.suffix}@example.se`);
    h.clock.advance(29 * MINUTE);
    expect((await idle.client.get('/me')).status).toBe(200);
    h.clock.advance(31 * MINUTE);
    expect((await idle.client.get('/me')).status).toBe(401);
    const busy = await signIn(h, `reader-${h.suffix}@example.se`);
    for (let minutes = 20; minutes < 120; minutes += 20) {
      h.clock.advance(20 * MINUTE);
      expect((await busy.client.get('/me')).status).toBe(200);
    }
    h.clock.advance(20 * MINUTE);
    expect((await busy.client.get('/me')).status).toBe(401);
  });

  test('SESSION_IDLE_MINUTES: a request 1 minute before the idle limit works, 1 minute after it is 401', async () => {
    const { client } = await signIn(h, `coordinator-${h.suffix}@example.se`);
    h.clock.advance(29 * MINUTE);
    expect((await client.get('/me')).status).toBe(200);
    // Idle time counts from the last request, so another 29 minutes are fine as well.
    h.clock.advance(29 * MINUTE);
    expect((await client.get('/me')).status).toBe(200);
    h.clock.advance(31 * MINUTE);
    expect((await client.get('/me')).status).toBe(401);
  });

  test('SESSION_MAX_HOURS: however busy, a request 1 minute before the maximum age works, 1 minute after it is 401', async () => {
    const { client } = await signIn(h, `auditor-${h.suffix}@example.se`);
    for (let minutes = 17; minutes <= 119; minutes += 17) {
      h.clock.advance(17 * MINUTE);
      expect((await client.get('/me')).status, `after ${minutes} min`).toBe(200);
    }
    h.clock.advance(2 * MINUTE);
    expect((await client.get('/me')).status).toBe(401);
  });

  test('SESSION_MAX_HOURS: a session begun under a longer lifetime ends at this server’s maximum age, though its own idle deadline lies later', async () => {
    // As after a restart with a shorter SESSION_MAX_HOURS: the stored idle deadline (8 hours ahead) must not keep it alive.
    const started = h.clock.now();
    const session = await createSession(h.db, h.tenant.tenantId, h.userIds.responsible!, started, {
      idleMs: 8 * HOUR,
      maxMs: 7 * 24 * HOUR,
    });
    const client = clientFor(h.app, {
      cookie: `${SESSION_COOKIE}=${session.secret}`,
      'x-csrf-token': session.csrfToken,
    });
    h.clock.set(new Date(started.getTime() + 2 * HOUR - MINUTE));
    expect((await client.get('/me')).status).toBe(200);
    h.clock.set(new Date(started.getTime() + 2 * HOUR + MINUTE));
    expect((await client.get('/me')).status).toBe(401);
  });
});

describe('changing a password ends the person’s other sessions', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());
  const email = (who: string) => `${who}-${h.suffix}@example.se`;

  test('a person changes their own password: this session stays, their others end, the old password no longer opens', async () => {
    const here = await signIn(h, email('reader'));
    const elsewhere = await signIn(h, email('reader'));
    expect((await elsewhere.client.get('/me')).status).toBe(200);
    const wrong = await here.client.post('/me/password', {
      currentPassword: 'inte-mitt-lösenord',
      newPassword: 'ett helt nytt lösenord',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([{ path: 'currentPassword', message: 'Det är inte ditt nuvarande lösenord.' }]);
    const short = await here.client.post('/me/password', { currentPassword: HARNESS_PASSWORD, newPassword: 'kort' });
    expect(short.status).toBe(400);
    expect(short.body.errors[0].path).toBe('newPassword');
    expect(
      (
        await here.client.post(
          '/me/password',
          { currentPassword: HARNESS_PASSWORD, newPassword: 'ett helt nytt lösenord' },
          { 'x-csrf-token': '' },
        )
      ).status,
    ).toBe(403);

    const changed = await here.client.post('/me/password', {
      currentPassword: HARNESS_PASSWORD,
      newPassword: 'ett helt nytt lösenord',
    });
    expect(changed.status).toBe(204);
    expect((await here.client.get('/me')).status).toBe(200);
    expect((await elsewhere.client.get('/me')).status).toBe(401);
    expect((await signIn(h, email('reader'))).status).toBe(401);
    expect((await signIn(h, email('reader'), 'ett helt nytt lösenord')).status).toBe(200);
    const history = await (await h.as('tenantAdmin')).get(`/audit-events?entityId=${h.userIds.reader}`);
    // The sign-ins since are audited too; the change of the password is the update.
    expect(history.body.items.find((event: { operation: string }) => event.operation === 'update')).toMatchObject({
      operation: 'update',
      actorUserId: h.userIds.reader,
      changes: { passwordHash: ['[redacted]', '[redacted]'] },
    });
  });

  test('an API token cannot change its person’s password', async () => {
    const token = (
      await (
        await h.as('tenantAdmin')
      ).post('/api-tokens', { name: 'Skript', access: 'read_write', userId: h.userIds.coordinator })
    ).body.token as string;
    const reply = await clientFor(h.app, { authorization: `Bearer ${token}` }).post('/me/password', {
      currentPassword: HARNESS_PASSWORD,
      newPassword: 'ett helt nytt lösenord',
    });
    expect(reply.status).toBe(403);
  });

  test('an administrator sets a person’s password: every session of that person ends', async () => {
    const person = await signIn(h, email('responsible'));
    const admin = await h.as('tenantAdmin');
    const current = await admin.get(`/users/${h.userIds.responsible}`);
    const reset = await admin.patch(`/users/${h.userIds.responsible}`, {
      version: current.body.version,
      password: 'nytt lösenord från admin',
    });
    expect(reset.status).toBe(200);
    expect((await person.client.get('/me')).status).toBe(401);
    expect((await signIn(h, email('responsible'), 'nytt lösenord från admin')).status).toBe(200);
  });

  test('an administrator who sets their own password through the user form stays signed in here, and only here', async () => {
    const here = await signIn(h, email('kommunadmin'));
    const elsewhere = await signIn(h, email('kommunadmin'));
    const current = await here.client.get(`/users/${h.userIds.tenantAdmin}`);
    expect(
      (
        await here.client.patch(`/users/${h.userIds.tenantAdmin}`, {
          version: current.body.version,
          password: 'administratörens nya lösenord',
        })
      ).status,
    ).toBe(200);
    expect((await here.client.get('/me')).status).toBe(200);
    expect((await elsewhere.client.get('/me')).status).toBe(401);
  });
});
