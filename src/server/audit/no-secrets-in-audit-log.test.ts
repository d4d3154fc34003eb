import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hashSecret } from '../auth/secrets.ts';
import { apiTokens } from '../db/schema/api-tokens.ts';
import { auditEvents } from '../db/schema/audit-events.ts';
import { sessions } from '../db/schema/sessions.ts';
import { users } from '../db/schema/users.ts';
import { clientFor, createHarness, HARNESS_PASSWORD, type Harness } from '../../../test/support/harness.ts';

// The audit log never holds a secret nor a secret's hash: passwords and their argon2 hashes,
// API tokens and their SHA-256, session secrets, their hashes and CSRF tokens. Every way in
// which this server handles one is exercised here, then every audit event written is scanned.

describe('no secrets in the audit log', () => {
  let h: Harness;
  const secrets = new Set<string>();
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  /** Everything secret the database holds right now (hashes change as passwords do, so this is called after each step). */
  async function collectStoredSecrets() {
    for (const row of await h.db.select({ hash: users.passwordHash }).from(users)) if (row.hash) secrets.add(row.hash);
    for (const row of await h.db.select({ hash: apiTokens.secretHash }).from(apiTokens)) secrets.add(row.hash);
    for (const row of await h.db.select({ hash: sessions.secretHash, csrf: sessions.csrfToken }).from(sessions)) {
      secrets.add(row.hash);
      secrets.add(row.csrf);
    }
  }

  async function signIn(email: string, password: string) {
    const response = await h.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
    const sessionSecret = cookie.split('=')[1]!;
    secrets.add(sessionSecret);
    secrets.add(hashSecret(sessionSecret));
    const body = (await response.json()) as { csrfToken: string };
    secrets.add(body.csrfToken);
    return clientFor(h.app, { cookie, 'x-csrf-token': body.csrfToken });
  }

  test('after people, passwords, sessions and tokens have been created, changed, used and revoked, no audit event holds any of their secrets', async () => {
    const admin = await h.as('tenantAdmin');
    await collectStoredSecrets();

    // A new person with a password; an administrator resets it; the person changes it.
    const passwords = ['första lösenordet 1', 'admin satte detta 2', 'personens eget nya 3'];
    passwords.forEach((password) => secrets.add(password));
    secrets.add(HARNESS_PASSWORD);
    const email = `hemlig-${h.suffix}@example.se`;
    const person = await admin.post('/users', { name: 'Hemlig Person', email, password: passwords[0] });
    expect(person.status).toBe(201);
    await collectStoredSecrets();
    const reset = await admin.patch(`/users/${person.body.id}`, {
      version: person.body.version,
      password: passwords[1],
    });
    expect(reset.status).toBe(200);
    await collectStoredSecrets();
    const browser = await signIn(email, passwords[1]!);
    expect(
      (await browser.post('/me/password', { currentPassword: passwords[1], newPassword: passwords[2] })).status,
    ).toBe(204);
    await collectStoredSecrets();

    // Tokens: created for someone else, used to write, revoked.
    const created = await admin.post('/api-tokens', {
      name: 'Integration',
      access: 'read_write',
      userId: h.userIds.coordinator,
    });
    expect(created.status).toBe(201);
    secrets.add(created.body.token);
    secrets.add(hashSecret(created.body.token));
    const integration = clientFor(h.app, { authorization: `Bearer ${created.body.token}` });
    expect(
      (
        await integration.post('/plans', {
          unitId: h.tenant.unitA,
          kind: 'activity',
          title: 'Via nyckeln',
          startYear: 2026,
        })
      ).status,
    ).toBe(201);
    expect((await admin.post(`/api-tokens/${created.body.id}/revoke`)).status).toBe(200);

    // Deactivation ends sessions; a password removed.
    expect((await admin.post(`/users/${person.body.id}/deactivate`)).status).toBe(200);
    const again = await admin.get(`/users/${person.body.id}`);
    expect(
      (await admin.patch(`/users/${person.body.id}`, { version: again.body.version, password: null })).status,
    ).toBe(200);
    await collectStoredSecrets();

    const events = await h.db.select().from(auditEvents);
    expect(events.length).toBeGreaterThan(5);
    const leaks: string[] = [];
    for (const event of events) {
      const text = JSON.stringify(event);
      for (const secret of secrets)
        if (text.includes(secret)) leaks.push(`${event.entityType} ${event.operation}: holds ${secret.slice(0, 12)}…`);
    }
    expect(leaks).toEqual([]);
    // What the log does say: that a secret changed, not what it is.
    const personHistory = events
      .filter((event) => event.entityId === person.body.id)
      .map((event) => event.changes.passwordHash);
    expect(personHistory).toEqual(
      expect.arrayContaining([
        [null, '[redacted]'],
        ['[redacted]', '[redacted]'],
        ['[redacted]', null],
      ]),
    );
  });
});
