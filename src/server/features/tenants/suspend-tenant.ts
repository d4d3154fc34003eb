import { eq } from 'drizzle-orm';
import type { Clock } from '../../../domain/clock.ts';
import { recordAuditEvents } from '../../audit/record-audit-events.ts';
import type { Database } from '../../db/client.ts';
import { tenants } from '../../db/schema/tenants.ts';
import { AppError } from '../../errors.ts';

/**
 * Suspends a tenant or lifts its suspension (an operator's action, from the command line).
 * While suspended nobody of it can sign in, and its sessions and API tokens are refused; nothing
 * of it is removed, and lifting the suspension lets everyone back in. Audited in the tenant's log.
 * Returns whether anything changed (suspending a suspended tenant changes nothing).
 */
export async function setTenantSuspended(
  db: Database,
  slug: string,
  suspended: boolean,
  options: { clock: Clock; actorLabel: string },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [tenant] = await tx.select().from(tenants).where(eq(tenants.slug, slug)).for('update');
    if (!tenant) throw new AppError('not_found', `No tenant has the slug "${slug}".`);
    if ((tenant.suspendedAt !== null) === suspended) return false;
    const suspendedAt = suspended ? options.clock.now() : null;
    await tx.update(tenants).set({ suspendedAt, updatedAt: options.clock.now() }).where(eq(tenants.id, tenant.id));
    await recordAuditEvents(tx, { kind: 'system', tenantId: tenant.id, label: options.actorLabel }, [
      {
        entityType: 'tenant',
        entityId: tenant.id,
        operation: suspended ? 'suspend' : 'resume',
        changes: { suspendedAt: [tenant.suspendedAt?.toISOString() ?? null, suspendedAt?.toISOString() ?? null] },
      },
    ]);
    return true;
  });
}
