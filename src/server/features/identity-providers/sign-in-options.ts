import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { identityProviders } from '../../db/schema/identity-providers.ts';
import { tenants } from '../../db/schema/tenants.ts';
import { ssoAddresses } from '../../sso/browser-flow.ts';

/**
 * How the people of an organisation sign in, for the sign-in page: its enabled identity
 * providers, and whether local passwords are still accepted. Without an organisation named, the
 * installation's only organisation when there is just one. Open to everyone: it names nothing
 * but the organisation and its buttons.
 */
export async function signInOptions(db: Database, organisation: string | undefined, publicUrl: string) {
  const candidates = await db
    .select({ id: tenants.id, slug: tenants.slug, name: tenants.name, requireSso: tenants.requireSso })
    .from(tenants)
    .where(and(isNull(tenants.suspendedAt), organisation === undefined ? undefined : eq(tenants.slug, organisation)))
    .limit(2);
  if (candidates.length !== 1) return { organisation: null, options: [], passwordSignIn: true };
  const tenant = candidates[0]!;
  const providers = await db
    .select({ name: identityProviders.name, slug: identityProviders.slug, protocol: identityProviders.protocol })
    .from(identityProviders)
    .where(
      and(
        eq(identityProviders.tenantId, tenant.id),
        eq(identityProviders.enabled, true),
        isNull(identityProviders.archivedAt),
      ),
    )
    .orderBy(asc(identityProviders.name));
  return {
    organisation: { slug: tenant.slug, name: tenant.name },
    options: providers.map((provider) => ({
      name: provider.name,
      protocol: provider.protocol,
      // A path of this site: the page may be opened at another address than the public one.
      signIn: new URL(ssoAddresses(publicUrl, tenant.slug, provider).signIn).pathname,
    })),
    // Break-glass administrators still sign in with a password: the form stays, made small.
    passwordSignIn: !tenant.requireSso,
  };
}
