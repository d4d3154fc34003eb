import { and, asc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { identityProviderCreate, identityProviderUpdate } from '../../../domain/contracts/identity-providers.ts';
import { oidcSettings, samlSettings } from '../../../domain/contracts/identity-providers.ts';
import type { Access } from '../../access/access.ts';
import { insertAudited, setArchived, updateAudited, type Row } from '../../audit/audited-writes.ts';
import { sealSecret } from '../../auth/secrets.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { identityProviders } from '../../db/schema/identity-providers.ts';
import { tenants } from '../../db/schema/tenants.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';

type ProviderRow = typeof identityProviders.$inferSelect;

/** The tenant's short name, for the providers' addresses. */
export async function tenantSlug(db: Database | Transaction, tenantId: string): Promise<string> {
  const [tenant] = await db.select({ slug: tenants.slug }).from(tenants).where(eq(tenants.id, tenantId));
  return tenant!.slug;
}

/** The tenant's identity providers (tenant administrator), archived ones only when asked for. */
export async function listProviders(db: Database, access: Access, options: { includeArchived: boolean }) {
  access.assertTenantAdministrator();
  return db
    .select()
    .from(identityProviders)
    .where(
      and(
        eq(identityProviders.tenantId, access.tenantId),
        options.includeArchived ? undefined : isNull(identityProviders.archivedAt),
      ),
    )
    .orderBy(asc(identityProviders.name));
}

/** One provider of the tenant, or 404. */
export async function findProvider(db: Database | Transaction, access: Access, id: string): Promise<ProviderRow> {
  access.assertTenantAdministrator();
  const [row] = await db
    .select()
    .from(identityProviders)
    .where(and(eq(identityProviders.tenantId, access.tenantId), eq(identityProviders.id, id)));
  if (!row) throw new AppError('not_found');
  return row;
}

/** A client secret sealed with the server key; without a key none can be kept. */
function sealed(serverKey: Buffer | null, secret: string): string {
  if (serverKey === null)
    throw new AppError('validation_failed', undefined, [
      { path: 'clientSecret', message: localize((m) => m.sso.serverKeyRequired) },
    ]);
  return sealSecret(serverKey, secret);
}

async function assertSlugFree(tx: Transaction, tenantId: string, slug: string) {
  const [taken] = await tx
    .select({ id: identityProviders.id })
    .from(identityProviders)
    .where(and(eq(identityProviders.tenantId, tenantId), eq(identityProviders.slug, slug)));
  if (taken)
    throw new AppError('validation_failed', undefined, [{ path: 'slug', message: localize((m) => m.sso.slugTaken) }]);
}

/** Adds an identity provider (tenant administrator). The client secret is kept sealed, never shown again. */
export async function createProvider(
  tx: Transaction,
  access: Access,
  input: z.infer<typeof identityProviderCreate>,
  serverKey: Buffer | null,
): Promise<ProviderRow> {
  access.assertTenantAdministrator();
  await assertSlugFree(tx, access.tenantId, input.slug);
  const secret = input.protocol === 'oidc' ? input.clientSecret : null;
  return (await insertAudited(
    tx,
    identityProviders,
    {
      tenantId: access.tenantId,
      protocol: input.protocol,
      name: input.name,
      slug: input.slug,
      enabled: input.enabled,
      settings: input.settings,
      sealedSecret: secret ? sealed(serverKey, secret) : null,
    },
    { actor: access.actor, entityType: 'identity_provider', unitId: null },
  )) as ProviderRow;
}

/** Changes a provider; settings are checked against its protocol; 409 when someone else changed it first. */
export async function updateProvider(
  tx: Transaction,
  access: Access,
  id: string,
  input: z.infer<typeof identityProviderUpdate>,
  serverKey: Buffer | null,
  present: (row: Row) => unknown,
): Promise<ProviderRow> {
  const current = await findProvider(tx, access, id);
  let settings: Record<string, unknown> | undefined;
  if (input.settings !== undefined) {
    const parsed = (current.protocol === 'oidc' ? oidcSettings : samlSettings).safeParse(input.settings);
    if (!parsed.success)
      throw new AppError('validation_failed', undefined, [
        { path: 'settings', message: localize((m) => m.sso.settingsForOtherProtocol) },
      ]);
    settings = parsed.data;
  }
  if (input.clientSecret && current.protocol !== 'oidc')
    throw new AppError('validation_failed', undefined, [
      { path: 'clientSecret', message: localize((m) => m.sso.secretOnlyForOidc) },
    ]);
  return (await updateAudited(
    tx,
    identityProviders,
    {
      current,
      expectedVersion: input.version,
      values: {
        name: input.name,
        enabled: input.enabled,
        settings,
        sealedSecret:
          input.clientSecret === undefined
            ? undefined
            : input.clientSecret === null
              ? null
              : sealed(serverKey, input.clientSecret),
      },
      present,
    },
    { actor: access.actor, entityType: 'identity_provider', unitId: null },
  )) as ProviderRow;
}

/** Archives (or restores) a provider: nobody signs in through it; people and history stay. */
export async function archiveProvider(tx: Transaction, access: Access, id: string, archived: boolean) {
  const current = await findProvider(tx, access, id);
  return (await setArchived(tx, identityProviders, current, archived, {
    actor: access.actor,
    entityType: 'identity_provider',
    unitId: null,
  })) as ProviderRow;
}
