import { and, eq, isNull } from 'drizzle-orm';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { reportTemplates } from '../../db/schema/report-templates.ts';

/** The tenant's template is the tenant administrator's; a unit's is its coordinators'. */
export function assertMayWriteTemplate(access: Access, unitId: string | null): void {
  if (unitId === null) access.assertTenantAdministrator();
  else access.assertRole(unitId, MANAGING_ROLES);
}

/** The stored template of one scope (the tenant's for null), locked for a change when `forUpdate`. */
export async function templateOfScope(
  db: Database | Transaction,
  access: Access,
  unitId: string | null,
  forUpdate = false,
) {
  const query = db
    .select()
    .from(reportTemplates)
    .where(
      and(
        eq(reportTemplates.tenantId, access.tenantId),
        unitId === null ? isNull(reportTemplates.unitId) : eq(reportTemplates.unitId, unitId),
      ),
    );
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}
