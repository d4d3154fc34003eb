import { uuidv7 } from 'uuidv7';
import type { Database } from '../../src/server/db/client.ts';
import { orgUnits } from '../../src/server/db/schema/org-units.ts';
import { plans } from '../../src/server/db/schema/plans.ts';
import { risks } from '../../src/server/db/schema/risks.ts';
import { tenants } from '../../src/server/db/schema/tenants.ts';

// Minimal rows for tests; each returns the ids it created so that tests can point at them.

export async function createTenant(db: Database, slug = `t-${uuidv7().slice(-12)}`) {
  const id = uuidv7();
  await db.insert(tenants).values({ id, slug, name: `Kommun ${slug}` });
  return { tenantId: id, slug };
}

export async function createUnit(
  db: Database,
  tenantId: string,
  options: { name?: string; parentId?: string | null } = {},
) {
  const id = uuidv7();
  await db
    .insert(orgUnits)
    .values({ tenantId, id, kind: 'namnd', name: options.name ?? 'Nämnd', parentId: options.parentId ?? null });
  return id;
}

export async function createPlan(db: Database, tenantId: string, unitId: string) {
  const id = uuidv7();
  await db.insert(plans).values({
    tenantId,
    id,
    unitId,
    kind: 'internal_control',
    title: 'Internkontrollplan 2026',
    startYear: 2026,
    endYear: 2026,
  });
  return id;
}

export async function createRisk(
  db: Database,
  tenantId: string,
  planId: string,
  values: { likelihood?: number; consequence?: number } = {},
) {
  const id = uuidv7();
  await db.insert(risks).values({
    tenantId,
    id,
    planId,
    title: 'Risk',
    likelihood: values.likelihood ?? null,
    consequence: values.consequence ?? null,
  });
  return id;
}
