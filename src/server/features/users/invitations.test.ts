import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../app.ts';
import { DEFAULT_AUTH_SETTINGS } from '../../auth/auth-settings.ts';
import { CSRF_HEADER } from '../../auth/authenticate.ts';
import { fillLinkPlaceholders, type LinkMail } from '../../auth/link-mail.ts';
import { createSession, SESSION_COOKIE } from '../../auth/sessions.ts';
import { auditEvents } from '../../db/schema/audit-events.ts';
import { outboxMessages } from '../../db/schema/outbox-messages.ts';
import { tenants } from '../../db/schema/tenants.ts';
import { runJobs } from '../../jobs/job-runner.ts';
import { smtpTransport } from '../../mail/outbox.ts';
import { clientFor, createHarness, ok, type Harness } from '../../../../test/support/harness.ts';
import { startTestSmtpServer } from '../../../../test/support/smtp-server.ts';

const PUBLIC_URL = 'https://uppsikt.lund.example';
const MAIL_FROM = 'Uppsikt <uppsikt@lund.example>';
const HOUR = 60 * 60 * 1000;

describe('invitations and forgotten passwords by mail', () => {
  let h: Harness;
  const linkMail: LinkMail = { key: randomBytes(32), publicUrl: PUBLIC_URL, smtp: true };
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
  beforeAll(async () => {
    h = await createHarness({ linkMail });
    smtp = await startTestSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
    await h.close();
  });

  /** Sends what waits in the outbox through the real SMTP server, filling in the links as the server does. */
  async function deliver() {
    const before = smtp.accepted.length;
    await runJobs(h.db, {
      clock: h.clock,
      reminderLeadDays: [7],
      mailFrom: MAIL_FROM,
      transport: smtpTransport(smtp.url),
      prepareBody: (body) => fillLinkPlaceholders(body, linkMail.key!, PUBLIC_URL),
    });
    return smtp.accepted.slice(before);
  }

  function secretIn(text: string) {
    const match = new RegExp(`${PUBLIC_URL.replace(/\./g, '\\.')}/valj-losenord#([A-Za-z0-9_-]+)`).exec(text);
    expect(match, text).not.toBeNull();
    return match![1]!;
  }

  async function newPerson(email: string) {
    return ok((await h.as('tenantAdmin')).post('/users', { name: 'Nora Nyanställd', email }));
  }

  async function outboxFor(userId: string) {
    return h.db.select().from(outboxMessages).where(eq(outboxMessages.userId, userId));
  }

  test('an invitation is mailed with a link the outbox never holds; the link chooses the password and signs in', async () => {
    const admin = await h.as('tenantAdmin');
    const person = await newPerson(`nora-${h.suffix}@example.se`);
    const invited = await ok(admin.post(`/users/${person.id}/invitation`));
    expect(invited).toEqual({
      userId: person.id,
      expiresAt: new Date(h.clock.now().getTime() + 7 * 24 * HOUR).toISOString(),
      mailed: true,
      link: null,
    });
    const open = await ok(admin.get('/invitations'));
    expect(open.items).toContainEqual({
      userId: person.id,
      createdAt: h.clock.now().toISOString(),
      expiresAt: invited.expiresAt,
    });

    const [queued] = await outboxFor(person.id);
    expect(queued).toMatchObject({ kind: 'invitation', toAddress: `nora-${h.suffix}@example.se` });
    expect(queued!.body).toMatch(/\[\[engångslänk [0-9a-f-]{36}\]\]/);
    expect(queued!.body).not.toContain('valj-losenord');

    const [mail] = await deliver();
    expect(mail!.to).toEqual([`nora-${h.suffix}@example.se`]);
    expect(mail!.text).toContain('Hej Nora Nyanställd!');
    expect(mail!.text).toContain('Kommunens administratör har bjudit in dig till Uppsikt');
    const secret = secretIn(mail!.text);
    // Neither the outbox nor the audit log can open the account.
    const events = await h.db.select().from(auditEvents).where(eq(auditEvents.tenantId, h.tenant.tenantId));
    expect(JSON.stringify(events)).not.toContain(secret);
    expect(JSON.stringify(await outboxFor(person.id))).not.toContain(secret);

    const described = await ok(h.anonymous.post('/auth/links/describe', { secret }));
    expect(described).toMatchObject({ purpose: 'invitation', user: { name: 'Nora Nyanställd' } });
    const signedIn = await h.anonymous.post('/auth/links/password', { secret, password: 'ett-eget-lösenord-2026' });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get('set-cookie')).toContain(SESSION_COOKIE);
    expect((await ok(admin.get('/invitations'))).items.map((item: { userId: string }) => item.userId)).not.toContain(
      person.id,
    );
  });

  test('inviting again withdraws the older link; withdrawing stops the newest', async () => {
    const admin = await h.as('tenantAdmin');
    const person = await newPerson(`olle-${h.suffix}@example.se`);
    await ok(admin.post(`/users/${person.id}/invitation`));
    await ok(admin.post(`/users/${person.id}/invitation`));
    const [first, second] = await deliver();
    const older = await h.anonymous.post('/auth/links/describe', { secret: secretIn(first!.text) });
    expect(older.status).toBe(410);
    expect(older.body.reason).toBe('withdrawn');
    await ok(h.anonymous.post('/auth/links/describe', { secret: secretIn(second!.text) }));

    const withdrawn = await admin.delete(`/users/${person.id}/invitation`);
    expect(withdrawn.status).toBe(204);
    const newest = await h.anonymous.post('/auth/links/describe', { secret: secretIn(second!.text) });
    expect(newest.body.reason).toBe('withdrawn');
    expect((await ok(admin.get('/invitations'))).items.map((item: { userId: string }) => item.userId)).not.toContain(
      person.id,
    );
    const operations = await h.db
      .select({ operation: auditEvents.operation })
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, h.tenant.tenantId), eq(auditEvents.entityType, 'one_time_link')));
    expect(operations.filter((event) => event.operation === 'withdraw').length).toBeGreaterThanOrEqual(2);
  });

  test('without SMTP the link is shown once to the administrator, and nothing goes to the outbox', async () => {
    const withoutMail = createApp({ database: h.database, clock: h.clock });
    const session = await createSession(
      h.db,
      h.tenant.tenantId,
      h.userIds.tenantAdmin!,
      h.clock.now(),
      DEFAULT_AUTH_SETTINGS.session,
    );
    const admin = clientFor(withoutMail, {
      cookie: `${SESSION_COOKIE}=${session.secret}`,
      [CSRF_HEADER]: session.csrfToken,
    });
    const person = await newPerson(`pia-${h.suffix}@example.se`);
    const invited = await ok(admin.post(`/users/${person.id}/invitation`));
    expect(invited.mailed).toBe(false);
    expect(invited.link).toMatch(/^http:\/\/localhost:3000\/valj-losenord#[A-Za-z0-9_-]{43}$/);
    expect(await outboxFor(person.id)).toEqual([]);
    const secret = (invited.link as string).split('#')[1]!;
    expect((await ok(h.anonymous.post('/auth/links/describe', { secret }))).purpose).toBe('invitation');
    // A forgotten password cannot be mailed here, and everyone is told so, whatever the address.
    const reset = await clientFor(withoutMail, {}).post('/auth/password-reset', {
      email: `pia-${h.suffix}@example.se`,
    });
    expect(reset.status).toBe(202);
    expect(reset.body.message).toContain('Uppsikt skickar inga brev här');
    expect(await outboxFor(person.id)).toEqual([]);
  });

  test('who cannot be invited, and who may not invite', async () => {
    const admin = await h.as('tenantAdmin');
    const withoutAddress = await admin.post(`/users/${h.userIds.unassigned}/invitation`);
    expect(withoutAddress.status).toBe(400);
    expect(withoutAddress.body.errors).toEqual([
      { path: 'email', message: 'Personen har ingen e-postadress. Lägg till en först.' },
    ]);
    const person = await newPerson(`rut-${h.suffix}@example.se`);
    await ok(admin.post(`/users/${person.id}/deactivate`));
    expect((await admin.post(`/users/${person.id}/invitation`)).status).toBe(400);
    for (const who of ['administrator', 'coordinator', 'reader']) {
      const client = await h.as(who);
      expect((await client.post(`/users/${h.userIds.nobody}/invitation`)).status, who).toBe(403);
      expect((await client.get('/invitations')).status, who).toBe(403);
      expect((await client.delete(`/users/${h.userIds.nobody}/invitation`)).status, who).toBe(403);
    }
    const otherAdmin = await h.as('otherAdmin');
    expect((await otherAdmin.post(`/users/${h.userIds.nobody}/invitation`)).status).toBe(404);
  });

  test('a forgotten password: the same answer for every address, a link by mail for an account, at most three an hour', async () => {
    const email = `utan-roll-${h.suffix}@example.se`;
    const known = await h.anonymous.post('/auth/password-reset', { email: email.toUpperCase() });
    const unknown = await h.anonymous.post('/auth/password-reset', { email: `ingen-${h.suffix}@example.se` });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    expect(known.body.message).toContain('Om adressen hör till ett konto');
    const english = await h.anonymous.post(
      '/auth/password-reset',
      { email: 'x@example.se' },
      { 'accept-language': 'en' },
    );
    expect(english.body.message).toContain('If the address belongs to an account');

    const mails = await deliver();
    expect(mails.map((mail) => mail.to[0])).toEqual([email]);
    expect(mails[0]!.text).toContain('Någon, troligen du, har bett om ett nytt lösenord');
    const secret = secretIn(mails[0]!.text);
    expect((await ok(h.anonymous.post('/auth/links/describe', { secret }))).purpose).toBe('password_reset');

    // Two more within the hour are sent; a fourth is not, and the answer does not tell.
    for (let attempt = 0; attempt < 3; attempt++)
      expect((await h.anonymous.post('/auth/password-reset', { email })).status).toBe(202);
    expect((await outboxFor(h.userIds.nobody!)).filter((row) => row.kind === 'password_reset')).toHaveLength(3);
    h.clock.set(new Date(h.clock.now().getTime() + HOUR + 1000));
    await h.anonymous.post('/auth/password-reset', { email });
    expect((await outboxFor(h.userIds.nobody!)).filter((row) => row.kind === 'password_reset')).toHaveLength(4);

    // Only the newest link works; it sets the password, and the old password no longer signs in.
    const [newest] = (await deliver()).slice(-1);
    const older = await h.anonymous.post('/auth/links/describe', { secret });
    expect(older.status).toBe(410);
    await ok(
      h.anonymous.post('/auth/links/password', { secret: secretIn(newest!.text), password: 'mitt-nya-lösenord-99' }),
    );
    const oldPassword = await h.anonymous.post('/auth/login', { email, password: 'rätt-lösenord-123' });
    expect(oldPassword.status).toBe(401);
  });

  test('deactivating a person withdraws their open links', async () => {
    const admin = await h.as('tenantAdmin');
    const person = await newPerson(`tor-${h.suffix}@example.se`);
    await ok(admin.post(`/users/${person.id}/invitation`));
    const [mail] = await deliver();
    await ok(admin.post(`/users/${person.id}/deactivate`));
    await ok(admin.post(`/users/${person.id}/reactivate`));
    const link = await h.anonymous.post('/auth/links/describe', { secret: secretIn(mail!.text) });
    expect(link.status).toBe(410);
    expect(link.body.reason).toBe('withdrawn');
    expect((await ok(admin.get('/invitations'))).items.map((item: { userId: string }) => item.userId)).not.toContain(
      person.id,
    );
  });

  test('no link for a deactivated person or a suspended organisation', async () => {
    const admin = await h.as('tenantAdmin');
    const person = await newPerson(`sara-${h.suffix}@example.se`);
    await ok(admin.post(`/users/${person.id}/deactivate`));
    await h.anonymous.post('/auth/password-reset', { email: `sara-${h.suffix}@example.se` });
    expect(await outboxFor(person.id)).toEqual([]);
    await h.db.update(tenants).set({ suspendedAt: h.clock.now() }).where(eq(tenants.id, h.otherTenant.tenantId));
    await h.anonymous.post('/auth/password-reset', { email: `admin-${h.suffix}@annan.example.se` });
    expect(await outboxFor(h.userIds.otherAdmin!)).toEqual([]);
    await h.db.update(tenants).set({ suspendedAt: null }).where(eq(tenants.id, h.otherTenant.tenantId));
  });
});
