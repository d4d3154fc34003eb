import { and, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from './client.ts';
import { actions } from './schema/actions.ts';
import { controls } from './schema/controls.ts';
import { followUps } from './schema/follow-ups.ts';
import { orgUnits } from './schema/org-units.ts';
import { plans } from './schema/plans.ts';
import { reportingPeriods } from './schema/reporting-periods.ts';
import { risks } from './schema/risks.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { createPlan, createRisk, createTenant, createUnit } from '../../../test/support/factories.ts';

/** The database's own error for a rejected write; drizzle wraps it in `cause`. */
async function rejection(write: Promise<unknown>): Promise<{ code?: string; constraint?: string }> {
  try {
    await write;
  } catch (error) {
    const cause = (error as { cause?: { code?: string; constraint?: string } }).cause ?? (error as { code?: string });
    return cause;
  }
  throw new Error('the database accepted the write');
}

describe('the database itself keeps tenants apart and rows consistent', () => {
  let database: DatabaseHandle;
  let a: { tenantId: string; unitId: string; planId: string; riskId: string };
  let b: { tenantId: string; unitId: string; planId: string; riskId: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    for (const slug of ['kommun-a', 'kommun-b']) {
      const { tenantId } = await createTenant(db, slug);
      const unitId = await createUnit(db, tenantId);
      const planId = await createPlan(db, tenantId, unitId);
      const riskId = await createRisk(db, tenantId, planId, { likelihood: 3, consequence: 4 });
      if (slug === 'kommun-a') a = { tenantId, unitId, planId, riskId };
      else b = { tenantId, unitId, planId, riskId };
    }
  });
  afterAll(() => database.close());

  test('a plan of one tenant cannot hang on a unit of another tenant', async () => {
    const error = await rejection(
      database.db.insert(plans).values({
        tenantId: a.tenantId,
        id: uuidv7(),
        unitId: b.unitId,
        kind: 'activity',
        title: 'X',
        startYear: 2026,
        endYear: 2026,
      }),
    );
    expect(error).toMatchObject({ code: '23503', constraint: 'plans_unit_fk' });
  });

  test('a unit cannot have a parent in another tenant', async () => {
    const error = await rejection(
      database.db
        .insert(orgUnits)
        .values({ tenantId: a.tenantId, id: uuidv7(), kind: 'enhet', name: 'Skola', parentId: b.unitId }),
    );
    expect(error).toMatchObject({ code: '23503', constraint: 'org_units_parent_fk' });
  });

  test('a control cannot check a risk of another plan, even in the same tenant', async () => {
    const otherPlan = await createPlan(database.db, a.tenantId, a.unitId);
    const error = await rejection(
      database.db
        .insert(controls)
        .values({ tenantId: a.tenantId, id: uuidv7(), planId: otherPlan, riskId: a.riskId, title: 'Stickprov' }),
    );
    expect(error).toMatchObject({ code: '23503', constraint: 'controls_risk_fk' });
  });

  test('a follow-up belongs to exactly one item', async () => {
    const periodId = uuidv7();
    await database.db.insert(reportingPeriods).values({
      tenantId: a.tenantId,
      id: periodId,
      kind: 'quarter',
      year: 2026,
      number: 1,
      startDate: '2026-01-01',
      endDate: '2026-03-31',
    });
    const controlId = uuidv7();
    const actionId = uuidv7();
    await database.db
      .insert(controls)
      .values({ tenantId: a.tenantId, id: controlId, planId: a.planId, riskId: a.riskId, title: 'Kontroll' });
    await database.db
      .insert(actions)
      .values({ tenantId: a.tenantId, id: actionId, planId: a.planId, riskId: a.riskId, title: 'Åtgärd' });
    const both = await rejection(
      database.db
        .insert(followUps)
        .values({ tenantId: a.tenantId, id: uuidv7(), controlId, actionId, periodId, body: 'Text' }),
    );
    expect(both).toMatchObject({ code: '23514', constraint: 'follow_ups_one_item' });
    const none = await rejection(
      database.db.insert(followUps).values({ tenantId: a.tenantId, id: uuidv7(), periodId, body: 'Text' }),
    );
    expect(none).toMatchObject({ code: '23514', constraint: 'follow_ups_one_item' });
  });

  test('riskvärde is derived by the database as sannolikhet × konsekvens', async () => {
    const [risk] = await database.db
      .select()
      .from(risks)
      .where(and(eq(risks.tenantId, a.tenantId), eq(risks.id, a.riskId)));
    expect(risk?.riskValue).toBe(12);
    await database.db
      .update(risks)
      .set({ likelihood: 2 })
      .where(and(eq(risks.tenantId, a.tenantId), eq(risks.id, a.riskId)));
    const [updated] = await database.db
      .select({ riskValue: risks.riskValue })
      .from(risks)
      .where(eq(risks.id, a.riskId));
    expect(updated?.riskValue).toBe(8);
  });

  test('a plan period cannot run backwards', async () => {
    const error = await rejection(
      database.db.insert(plans).values({
        tenantId: a.tenantId,
        id: uuidv7(),
        unitId: a.unitId,
        kind: 'activity',
        title: 'X',
        startYear: 2021,
        endYear: 2020,
      }),
    );
    expect(error).toMatchObject({ code: '23514', constraint: 'plans_years_in_order' });
  });
});
