import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { orgUnits } from '../db/schema/org-units.ts';
import { tenants } from '../db/schema/tenants.ts';

/**
 * The tenant and unit a script names (`--tenant malmo --unit "Grundskolenämnden"`), with an
 * error that lists what there is when a name does not match.
 */
export async function findScopeByNames(
  db: Database,
  tenantSlug: string,
  unitName: string,
): Promise<{ tenantId: string; unitId: string }> {
  const tenant = { id: (await findTenantBySlug(db, tenantSlug)).tenantId };
  const units = await db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenant.id), isNull(orgUnits.archivedAt)))
    .orderBy(asc(orgUnits.name));
  const unit =
    units.find((row) => row.name === unitName) ??
    units.find((row) => row.name.toLowerCase() === unitName.toLowerCase());
  if (!unit)
    throw new ScopeError(
      `No unit "${unitName}" in ${tenantSlug}. Units: ${units.map((row) => `"${row.name}"`).join(', ')}.`,
    );
  return { tenantId: tenant.id, unitId: unit.id };
}

/** The tenant a script names (`--tenant malmo`), with an error that lists the tenants when it does not match. */
export async function findTenantBySlug(db: Database, tenantSlug: string): Promise<{ tenantId: string }> {
  const [tenant] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, tenantSlug));
  if (!tenant) {
    const known = await db.select({ slug: tenants.slug }).from(tenants).orderBy(asc(tenants.slug));
    throw new ScopeError(
      `No tenant "${tenantSlug}". Tenants: ${known.map((row) => row.slug).join(', ') || 'none (load the demo data with "uppsikt seed --demo")'}.`,
    );
  }
  return { tenantId: tenant.id };
}

export class ScopeError extends Error {
  override name = 'ScopeError';
}
