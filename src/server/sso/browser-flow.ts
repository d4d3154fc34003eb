import type { Context } from 'hono';
import { and, eq, isNull } from 'drizzle-orm';
import type { Clock } from '../../domain/clock.ts';
import { recordAuditEvents } from '../audit/record-audit-events.ts';
import type { AuthSettings } from '../auth/auth-settings.ts';
import { setSessionCookie } from '../auth/browser-session.ts';
import { hashSecret, newSecret } from '../auth/secrets.ts';
import { createSession } from '../auth/sessions.ts';
import type { Database, DatabaseHandle } from '../db/client.ts';
import { identityProviders, ssoAttempts, type IdentityProtocol } from '../db/schema/identity-providers.ts';
import { tenants } from '../db/schema/tenants.ts';
import { SsoFailure } from './failures.ts';
import type { ExternalClaims } from './claims.ts';
export { SSO_FAILURES, SsoFailure, type SsoFailureCode } from './failures.ts';
import { matchingRules, rulesFor } from './role-mapping.ts';
import { signInWithClaims } from './sso-sign-in.ts';

/**
 * The browser's way through a sign-in at an identity provider, whatever the protocol: the
 * addresses, the single-use attempt that carries state across the redirect, the failure page and
 * the session at the end. OpenID Connect and SAML each add only their protocol.
 */

/** How long a person has at the provider before the attempt expires. */
export const SSO_ATTEMPT_LIFETIME_MS = 10 * 60_000;

/** The addresses of a provider's sign-in, for the provider's administrator and the sign-in page. */
export function ssoAddresses(
  publicUrl: string,
  tenantSlug: string,
  provider: { slug: string; protocol: IdentityProtocol },
) {
  const base = `${publicUrl.replace(/\/+$/, '')}/sso/${tenantSlug}/${provider.slug}/${provider.protocol}`;
  return provider.protocol === 'oidc'
    ? { signIn: `${base}/login`, redirect: `${base}/callback`, metadata: null, signOut: `${base}/logged-out` }
    : { signIn: `${base}/login`, redirect: `${base}/acs`, metadata: `${base}/metadata`, signOut: null };
}

/** A provider as the browser flow needs it, found by the tenant's and its own short name. */
export interface FlowProvider {
  tenantId: string;
  tenantSlug: string;
  id: string;
  name: string;
  slug: string;
  protocol: IdentityProtocol;
  enabled: boolean;
  settings: Record<string, unknown>;
  sealedSecret: string | null;
}

/** The live provider a sign-in address names, or a failure; `forTest` also finds one turned off. */
export async function findFlowProvider(
  db: Database,
  address: { tenant: string; provider: string; protocol: IdentityProtocol },
  forTest = false,
): Promise<FlowProvider> {
  const [row] = await db
    .select({
      tenantId: identityProviders.tenantId,
      tenantSlug: tenants.slug,
      suspendedAt: tenants.suspendedAt,
      id: identityProviders.id,
      name: identityProviders.name,
      slug: identityProviders.slug,
      protocol: identityProviders.protocol,
      enabled: identityProviders.enabled,
      settings: identityProviders.settings,
      sealedSecret: identityProviders.sealedSecret,
    })
    .from(identityProviders)
    .innerJoin(tenants, eq(tenants.id, identityProviders.tenantId))
    .where(
      and(
        eq(tenants.slug, address.tenant),
        eq(identityProviders.slug, address.provider),
        eq(identityProviders.protocol, address.protocol),
        isNull(identityProviders.archivedAt),
      ),
    );
  if (!row || (!row.enabled && !forTest)) throw new SsoFailure('unknown_provider');
  if (row.suspendedAt !== null) throw new SsoFailure('suspended');
  return row;
}

/** Where the person wants to go after signing in: a path of this site, never another site. */
export function safeReturnTo(value: string | undefined | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}

/** What the protocol keeps across the redirect, besides the state. */
export interface AttemptDetails {
  nonce?: string | null;
  codeVerifier?: string | null;
  requestId?: string | null;
  returnTo?: string | null;
  testedById?: string | null;
}

/** Opens a single-use attempt; returns the state that travels through the provider and back. */
export async function startAttempt(db: Database, provider: FlowProvider, details: AttemptDetails, now: Date) {
  const state = newSecret();
  const [attempt] = await db
    .insert(ssoAttempts)
    .values({
      tenantId: provider.tenantId,
      providerId: provider.id,
      stateHash: hashSecret(state),
      nonce: details.nonce ?? null,
      codeVerifier: details.codeVerifier ?? null,
      requestId: details.requestId ?? null,
      returnTo: details.returnTo ?? null,
      testedById: details.testedById ?? null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SSO_ATTEMPT_LIFETIME_MS),
    })
    .returning({ id: ssoAttempts.id });
  return { state, attemptId: attempt!.id };
}

export type Attempt = typeof ssoAttempts.$inferSelect;

/**
 * Uses up the attempt a returning state names: once only (a second return with the same state
 * is a replay), within its lifetime, for the provider it was started with.
 */
export async function consumeAttempt(
  db: Database,
  provider: FlowProvider,
  state: string | undefined | null,
  now: Date,
): Promise<Attempt> {
  if (!state) throw new SsoFailure('state_unknown', 'no state');
  const [used] = await db
    .update(ssoAttempts)
    .set({ usedAt: now })
    .where(
      and(
        eq(ssoAttempts.stateHash, hashSecret(state)),
        eq(ssoAttempts.tenantId, provider.tenantId),
        eq(ssoAttempts.providerId, provider.id),
        isNull(ssoAttempts.usedAt),
      ),
    )
    .returning();
  if (!used) throw new SsoFailure('state_unknown', 'unknown or used state');
  if (used.expiresAt.getTime() <= now.getTime()) throw new SsoFailure('state_expired');
  return used;
}

/** Errors that are no sign-in failure (the database went away …) go on to the server's error handling. */
function failureOf(error: unknown): SsoFailure {
  if (error instanceof SsoFailure) return error;
  throw error;
}

/**
 * Sends the browser to the sign-in page, which explains the failure, and audits it for the
 * tenant. A failed test sign-in goes back to the administrator's test page with the reason.
 */
export async function failSignIn(c: Context, provider: FlowProvider | null, error: unknown, attempt?: Attempt | null) {
  const failure = failureOf(error);
  const { db } = c.get('database') as DatabaseHandle;
  console.warn(`SSO sign-in failed${provider ? ` (${provider.tenantSlug}/${provider.slug})` : ''}: ${failure.message}`);
  if (provider) {
    await db.transaction((tx) =>
      recordAuditEvents(tx, { kind: 'system', tenantId: provider.tenantId, label: `sso:${provider.name}` }, [
        {
          entityType: 'identity_provider',
          entityId: provider.id,
          operation: 'sso_sign_in_failed',
          changes: { reason: [null, failure.code], details: [null, failure.details.slice(0, 300)] },
        },
      ]),
    );
  }
  if (provider && attempt?.testedById) {
    await db
      .update(ssoAttempts)
      .set({ testResult: { failure: failure.code, details: failure.details.slice(0, 300) } })
      .where(and(eq(ssoAttempts.tenantId, attempt.tenantId), eq(ssoAttempts.id, attempt.id)));
    return c.redirect(testPage(provider, attempt), 303);
  }
  const params = new URLSearchParams({ 'sso-fel': failure.code });
  if (provider) params.set('organisation', provider.tenantSlug);
  return c.redirect(`/logga-in?${params.toString()}`, 303);
}

/** The administration page that shows a test sign-in's outcome. */
function testPage(provider: FlowProvider, attempt: Attempt): string {
  return `/administration/inloggning/${provider.id}/test/${attempt.id}`;
}

/**
 * The end of a sign-in through a provider. A real one signs the person in (found, linked or
 * created; roles from the rules) in one transaction, opens the session and goes where the person
 * was going. A test sign-in by an administrator only records what the provider sent and what the
 * rules would give, and shows it on the administration page; nobody is signed in or changed.
 */
export async function finishSignIn(c: Context, provider: FlowProvider, attempt: Attempt, claims: ExternalClaims) {
  const { db } = c.get('database') as DatabaseHandle;
  const now = (c.get('clock') as Clock).now();
  if (attempt.testedById !== null) {
    const rules = matchingRules(
      await db.transaction((tx) => rulesFor(tx, provider.tenantId, provider.id)),
      claims.values,
    );
    await db
      .update(ssoAttempts)
      .set({
        testResult: {
          subject: claims.subject,
          email: claims.email,
          name: claims.name,
          values: claims.values,
          rules: rules.map((rule) => ({ id: rule.id, role: rule.role, unitId: rule.unitId })),
        },
      })
      .where(and(eq(ssoAttempts.tenantId, attempt.tenantId), eq(ssoAttempts.id, attempt.id)));
    return c.redirect(testPage(provider, attempt), 303);
  }
  const result = await db.transaction((tx) =>
    signInWithClaims(tx, { tenantId: provider.tenantId, id: provider.id, name: provider.name }, claims, now),
  );
  const session = await createSession(
    db,
    provider.tenantId,
    result.userId,
    now,
    (c.get('auth') as AuthSettings).session,
    provider.id,
  );
  setSessionCookie(c, session.secret);
  return c.redirect(safeReturnTo(attempt.returnTo), 303);
}
