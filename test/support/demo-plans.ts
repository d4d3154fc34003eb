import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../src/server/db/client.ts';
import { plans } from '../../src/server/db/schema/plans.ts';
import { tenants } from '../../src/server/db/schema/tenants.ts';

/** Every plan of the demo data loaded into a harness, leaving out the harness's own tenants. */
export async function demoPlansOf(db: Database) {
  return (
    await db
      .select({ tenantId: plans.tenantId, planId: plans.id, kind: plans.kind, title: plans.title, slug: tenants.slug })
      .from(plans)
      .innerJoin(tenants, eq(tenants.id, plans.tenantId))
      .orderBy(asc(tenants.slug), asc(plans.id))
  ).filter((row) => !row.slug.startsWith('huvud-') && !row.slug.startsWith('annan-'));
}
