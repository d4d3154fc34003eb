import { tenants } from './schema/tenants.ts';
import type { Database } from './client.ts';

/** Whether the installation has no tenant yet: a new one, where the first-run page or the demo data comes in. */
export async function hasNoTenant(db: Database): Promise<boolean> {
  const [any] = await db.select({ id: tenants.id }).from(tenants).limit(1);
  return any === undefined;
}
