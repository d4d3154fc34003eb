import { eq } from 'drizzle-orm';
import type { Access } from '../../access/access.ts';
import { breakGlassAdministrators, enabledIdentityProviders } from '../../auth/sign-in-policy.ts';
import type { Database } from '../../db/client.ts';
import { tenants } from '../../db/schema/tenants.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';

export type TenantRow = typeof tenants.$inferSelect;

/** The tenant's row, for the settings; the caller must administer the tenant. */
export async function findTenant(db: Database, access: Access): Promise<TenantRow> {
  if (!access.isTenantAdministrator) {
    throw new AppError(
      'forbidden',
      localize((m) => m.access.tenantAdministratorOnly),
    );
  }
  const [row] = await db.select().from(tenants).where(eq(tenants.id, access.tenantId));
  if (!row) throw new AppError('not_found');
  return row;
}

/** The tenant's sign-in policy as the API shows it, with what keeps it from locking the tenant out. */
export async function presentTenantSettings(db: Database, row: TenantRow) {
  return {
    requireSso: row.requireSso,
    requireSecondFactorForAdmins: row.requireSecondFactorForAdmins,
    breakGlassAdministrators: (await breakGlassAdministrators(db, row.id)).length,
    enabledIdentityProviders: await enabledIdentityProviders(db, row.id),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The tenant's local sign-in policy (tenant administrator). */
export async function getTenantSettings(db: Database, access: Access) {
  return presentTenantSettings(db, await findTenant(db, access));
}
