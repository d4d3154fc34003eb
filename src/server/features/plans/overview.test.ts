import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../app.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { plans } from '../../db/schema/plans.ts';
import { tenants } from '../../db/schema/tenants.ts';
import { createTestDatabase } from '../../../../test/support/test-database.ts';
import { DEMO_PASSWORD, loadDemoData } from '../../demo/load-demo-data.ts';
import { demoFixturesFolder } from '../../paths.ts';
import { clientFor, type Client } from '../../../../test/support/harness.ts';
import { demoClock } from '../../../../test/support/demo-clock.ts';

describe('the plan overview, on the demo data of seed 004', () => {
  let database: DatabaseHandle;
  let client: Client;
  let planId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoData(database.db, { fixturesFolder: demoFixturesFolder, clock: demoClock });
    const app = createApp({ database });
    const login = await app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'sv' },
      body: JSON.stringify({ email: 'anders.pettersson@exempelkommun-b.example', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    client = clientFor(app, { cookie: login.headers.get('set-cookie')!.split(';')[0]! });
    const [plan] = await database.db
      .select({ id: plans.id })
      .from(plans)
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, plans.tenantId), eq(orgUnits.id, plans.unitId)))
      .innerJoin(tenants, eq(tenants.id, plans.tenantId))
      .where(
        and(
          eq(tenants.slug, 'exempelkommun-b'),
          eq(orgUnits.name, 'Utbildningsnämnden'),
          eq(plans.kind, 'internal_control'),
          // Seed 004's plan; the demo also has the current-year plan rolled over from it.
          eq(plans.startYear, 2020),
        ),
      );
    planId = plan!.id;
  });
  afterAll(() => database.close());

  test('holds the 11 risks, 15 controls and 12 actions, each with its newest follow-up and named persons', async () => {
    const reply = await client.get(`/plans/${planId}/overview`);
    expect(reply.status).toBe(200);
    const overview = reply.body;
    expect(overview.plan.title).toBe('Internkontrollplan 2020');
    expect(overview.risks).toHaveLength(11);
    const controls = overview.risks.flatMap((risk: { controls: unknown[] }) => risk.controls);
    const actions = [
      ...overview.risks.flatMap((risk: { actions: unknown[] }) => risk.actions),
      ...overview.actionsWithoutRisk,
    ];
    expect(controls).toHaveLength(15);
    expect(actions).toHaveLength(12);
    const followed = [...controls, ...actions].filter(
      (item: { latestFollowUp: unknown }) => item.latestFollowUp !== null,
    );
    expect(followed.length).toBeGreaterThan(0);
    const names = overview.persons.map((person: { name: string }) => person.name);
    expect(names).toContain('Elvis Sabovic (borttagen)');
    for (const item of [...controls, ...actions] as { responsibleIds: string[] }[]) {
      for (const id of item.responsibleIds)
        expect(overview.persons.some((person: { id: string }) => person.id === id)).toBe(true);
    }
    expect(
      overview.risks
        .map((risk: { riskValue: number }) => risk.riskValue)
        .every((value: number) => value >= 4 && value <= 12),
    ).toBe(true);
  });

  test('the responsible person of Utbildningsnämnden cannot see the plans of another tenant', async () => {
    const [foreign] = await database.db
      .select({ id: plans.id })
      .from(plans)
      .innerJoin(tenants, eq(tenants.id, plans.tenantId))
      .where(eq(tenants.slug, 'malmo'))
      .limit(1);
    expect((await client.get(`/plans/${foreign!.id}/overview`)).status).toBe(404);
  });
});
