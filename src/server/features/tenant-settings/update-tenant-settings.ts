import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { tenantSettingsUpdate } from '../../../domain/contracts/tenant-settings.ts';
import type { Access } from '../../access/access.ts';
import { assertCurrentVersion, changedFields } from '../../audit/audited-writes.ts';
import { recordAuditEvents } from '../../audit/record-audit-events.ts';
import { breakGlassAdministrators, enabledIdentityProviders } from '../../auth/sign-in-policy.ts';
import type { Transaction } from '../../db/client.ts';
import { tenants } from '../../db/schema/tenants.ts';
import { AppError, type FieldError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { presentTenantSettings } from './get-tenant-settings.ts';

export interface UpdateTenantSettingsOptions {
  /** The version the caller read; a stale one is refused with 409. */
  version: number;
  changes: Omit<z.infer<typeof tenantSettingsUpdate>, 'version'>;
}

/**
 * Changes the tenant's local sign-in policy (tenant administrator), audited as an update of the
 * tenant. Requiring SSO is refused unless someone can still get in: at least one break-glass
 * administrator and one identity provider in use.
 */
export async function updateTenantSettings(
  tx: Transaction,
  access: Access,
  { version, changes }: UpdateTenantSettingsOptions,
) {
  access.assertTenantAdministrator();
  const [current] = await tx.select().from(tenants).where(eq(tenants.id, access.tenantId)).for('update');
  if (!current) throw new AppError('not_found');
  const before = await presentTenantSettings(tx, current);
  assertCurrentVersion(current, version, () => before);
  if (changes.requireSso === true && !current.requireSso) {
    const problems: FieldError[] = [];
    if ((await breakGlassAdministrators(tx, access.tenantId)).length === 0)
      problems.push({ path: 'requireSso', message: localize((m) => m.tenantSettings.ssoNeedsBreakGlass) });
    if ((await enabledIdentityProviders(tx, access.tenantId)) === 0)
      problems.push({ path: 'requireSso', message: localize((m) => m.tenantSettings.ssoNeedsProvider) });
    if (problems.length > 0) throw new AppError('validation_failed', undefined, problems);
  }
  const changed = changedFields(current, changes);
  if (Object.keys(changed).length === 0) return before;
  const [row] = await tx
    .update(tenants)
    .set({ ...changes, updatedAt: sql`now()`, version: sql`${tenants.version} + 1` })
    .where(and(eq(tenants.id, access.tenantId), eq(tenants.version, version)))
    .returning();
  await recordAuditEvents(tx, access.actor, [
    { entityType: 'tenant', entityId: access.tenantId, operation: 'update', unitId: null, changes: changed },
  ]);
  return presentTenantSettings(tx, row!);
}
