import { identityProvider, roleMappingRule } from '../../../domain/contracts/identity-providers.ts';
import type { identityProviders } from '../../db/schema/identity-providers.ts';
import { presentAs } from '../../http/present.ts';
import { ssoAddresses } from '../../sso/browser-flow.ts';

type ProviderRow = typeof identityProviders.$inferSelect;

const pickProvider = presentAs(identityProvider);

/** A provider as the API shows it: its settings and addresses, never its secret. */
export function presentProvider(row: ProviderRow, context: { publicUrl: string; tenantSlug: string }) {
  return pickProvider({
    ...row,
    hasClientSecret: row.sealedSecret !== null,
    addresses: ssoAddresses(context.publicUrl, context.tenantSlug, row),
  });
}

export const presentRule = presentAs(roleMappingRule);
