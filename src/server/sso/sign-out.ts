import { and, eq } from 'drizzle-orm';
import type { LinkMail } from '../auth/link-mail.ts';
import type { Database } from '../db/client.ts';
import { identityProviders } from '../db/schema/identity-providers.ts';
import { tenants } from '../db/schema/tenants.ts';
import { ssoAddresses } from './browser-flow.ts';
import { oidcSignOutUrl } from './oidc.ts';

/**
 * Where to send a browser that signed out of Uppsikt to end its session at the OpenID provider it
 * signed in through (RP-initiated logout), or null: a SAML provider, one without an end-session
 * endpoint, or one that does not answer.
 */
export async function providerSignOutUrl(
  db: Database,
  tenantId: string,
  providerId: string,
  linkMail: LinkMail,
  now: Date,
): Promise<string | null> {
  const [provider] = await db
    .select({
      protocol: identityProviders.protocol,
      slug: identityProviders.slug,
      settings: identityProviders.settings,
      sealedSecret: identityProviders.sealedSecret,
      tenantSlug: tenants.slug,
    })
    .from(identityProviders)
    .innerJoin(tenants, eq(tenants.id, identityProviders.tenantId))
    .where(and(eq(identityProviders.tenantId, tenantId), eq(identityProviders.id, providerId)));
  if (provider?.protocol !== 'oidc') return null;
  const { signOut } = ssoAddresses(linkMail.publicUrl, provider.tenantSlug, provider);
  return oidcSignOutUrl(provider, linkMail.key, { postLogoutRedirectUri: signOut!, now });
}
