import { asc, count, eq, isNotNull, isNull, and } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { tenants } from '../../db/schema/tenants.ts';
import { users } from '../../db/schema/users.ts';
import type { TenantKind } from '../../../domain/tenant.ts';

export interface TenantSummary {
  id: string;
  slug: string;
  name: string;
  kind: TenantKind;
  createdAt: Date;
  suspendedAt: Date | null;
  /** Units not archived. */
  units: number;
  /** People who can sign in (a password and not deactivated). */
  accounts: number;
}

/** Every tenant of the installation, by slug, with how large it is: for operators only. */
export async function listTenants(db: Database): Promise<TenantSummary[]> {
  const unitCounts = db
    .select({ tenantId: orgUnits.tenantId, units: count().as('units') })
    .from(orgUnits)
    .where(isNull(orgUnits.archivedAt))
    .groupBy(orgUnits.tenantId)
    .as('unit_counts');
  const accountCounts = db
    .select({ tenantId: users.tenantId, accounts: count().as('accounts') })
    .from(users)
    .where(and(isNotNull(users.passwordHash), isNull(users.deactivatedAt)))
    .groupBy(users.tenantId)
    .as('account_counts');
  const rows = await db
    .select({
      id: tenants.id,
      slug: tenants.slug,
      name: tenants.name,
      kind: tenants.kind,
      createdAt: tenants.createdAt,
      suspendedAt: tenants.suspendedAt,
      units: unitCounts.units,
      accounts: accountCounts.accounts,
    })
    .from(tenants)
    .leftJoin(unitCounts, eq(unitCounts.tenantId, tenants.id))
    .leftJoin(accountCounts, eq(accountCounts.tenantId, tenants.id))
    .orderBy(asc(tenants.slug));
  return rows.map((row) => ({ ...row, units: Number(row.units ?? 0), accounts: Number(row.accounts ?? 0) }));
}
