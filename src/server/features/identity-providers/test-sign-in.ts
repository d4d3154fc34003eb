import { and, eq } from 'drizzle-orm';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { ssoAttempts } from '../../db/schema/identity-providers.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import type { FlowProvider } from '../../sso/browser-flow.ts';
import { SsoFailure } from '../../sso/failures.ts';
import { beginOidcSignIn } from '../../sso/oidc-flow.ts';
import { startSamlSignIn } from '../../sso/saml-flow.ts';
import { findProvider, tenantSlug } from './providers.ts';

/**
 * Starts an administrator's test sign-in through a provider (also one turned off): the address
 * to open, where the administrator signs in at the provider as anyone. Coming back, nobody is
 * signed in or changed; the outcome is kept for the administrator to read.
 */
export async function startTestSignIn(
  db: Database,
  access: Access,
  id: string,
  context: { serverKey: Buffer | null; publicUrl: string; now: Date },
): Promise<{ url: string; attemptId: string }> {
  const row = await findProvider(db, access, id);
  if (row.archivedAt !== null) throw new AppError('not_found');
  const provider: FlowProvider = { ...row, tenantSlug: await tenantSlug(db, access.tenantId) };
  const testedById = access.actor.kind === 'user' ? access.actor.userId : null;
  if (testedById === null) throw new AppError('forbidden');
  try {
    if (provider.protocol === 'saml')
      return await startSamlSignIn(db, provider, {
        publicUrl: context.publicUrl,
        returnTo: undefined,
        now: context.now,
        testedById,
      });
    return await beginOidcSignIn(db, provider, context, { testedById });
  } catch (error) {
    if (error instanceof SsoFailure)
      throw new AppError('validation_failed', undefined, [
        { path: 'settings', message: localize((m) => m.sso.providerUnreachable(error.details || error.code)) },
      ]);
    throw error;
  }
}

/** A test sign-in's outcome, for the administrator who started it. */
export async function readTestSignIn(db: Database, access: Access, providerId: string, attemptId: string) {
  await findProvider(db, access, providerId);
  const [attempt] = await db
    .select()
    .from(ssoAttempts)
    .where(
      and(
        eq(ssoAttempts.tenantId, access.tenantId),
        eq(ssoAttempts.providerId, providerId),
        eq(ssoAttempts.id, attemptId),
      ),
    );
  if (!attempt || attempt.testedById === null) throw new AppError('not_found');
  return {
    id: attempt.id,
    createdAt: attempt.createdAt.toISOString(),
    finished: attempt.testResult !== null,
    result: attempt.testResult,
  };
}
